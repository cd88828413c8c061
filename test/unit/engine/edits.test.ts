/**
 * The edit builders: each touches only what it names and writes in the file's own style
 * (indentation unit, line breaks, comments, trailing commas). Every case compares whole texts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import {
  addToArrayProperty,
  appendToArray,
  applyOffsetEdits,
  commaBetween,
  compactValue,
  deleteArrayElements,
  detectStyle,
  formatValue,
  insertProperty,
  jsonEditor,
  jsonSpelling,
  mergeSamePoint,
  parsesAsWell,
  removeProperties,
  removeProperty,
  replaceNode,
  setProperty,
  type FormatStyle,
  type OffsetEdit,
} from '../../../server/src/engine/formats/json/edits';
import { SourceText } from '../../../server/src/engine/text';

interface Doc {
  source: SourceText;
  root: Node;
  style: FormatStyle;
  at(path: JSONPath): Node;
}

function doc(text: string): Doc {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  assert.ok(root);
  const source = new SourceText(text);
  return {
    source,
    root,
    style: detectStyle(source),
    at: (path) => findNodeAtLocation(root, path)!,
  };
}

function edit(text: string, build: (d: Doc) => OffsetEdit[]): string {
  const d = doc(text);
  const edits = build(d);
  assert.ok(
    edits.every((e) => !e.invalid),
    'edits can be made',
  );
  return applyOffsetEdits(text, edits);
}

const crlf = (...lines: string[]) => lines.join('\r\n');

describe('detectStyle', () => {
  test('the unit of the first indented child line, and the first line break', () => {
    assert.deepEqual(detectStyle(new SourceText('{\n  "a": 1\n}')), { unit: '  ', eol: '\n' });
    assert.deepEqual(detectStyle(new SourceText('{\n    "a": {\n        "b": 1\n    }\n}')), {
      unit: '    ',
      eol: '\n',
    });
    assert.deepEqual(detectStyle(new SourceText('{\r\n\t"a": 1\r\n}')), {
      unit: '\t',
      eol: '\r\n',
    });
    // A one-line document: two spaces and \n.
    assert.deepEqual(detectStyle(new SourceText('{ "a": 1 }')), { unit: '  ', eol: '\n' });
  });

  test('a blank line after the brace, spaces after it, an array, a document indented as a whole', () => {
    const unit = (text: string) => detectStyle(new SourceText(text)).unit;
    assert.equal(unit('{\n\n    "a": 1\n}'), '    ');
    assert.equal(unit('{\n  \n    "a": 1\n}'), '    ');
    assert.equal(unit('{  \n    "a": 1\n}'), '    ');
    assert.equal(unit('[\n\t"a"\n]'), '\t');
    assert.equal(unit('  {\n      "a": 1\n  }'), '    ');
  });

  test('no line indents more than the one that opens it: two spaces', () => {
    const unit = (text: string) => detectStyle(new SourceText(text)).unit;
    assert.equal(unit('{\n}'), '  ');
    assert.equal(unit('{\n"a": {\n}\n}'), '  ');
    // Tabs after a line indented with spaces extend nothing.
    assert.equal(unit('  {\n\t"a": 1\n  }'), '  ');
    assert.equal(unit('\t{\n  \t"a": 1\n\t}'), '  ');
    // A line that holds a brace but does not end with one opens nothing.
    assert.equal(unit('[{ "a": 1 },\n    { "b": 2 }]'), '  ');
  });
});

describe('formatValue / compactValue', () => {
  test('objects on several lines from the given indentation, short primitive arrays inline', () => {
    const style = { unit: '\t', eol: '\r\n' };
    assert.equal(
      formatValue(
        {
          command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
          interval: 30,
          options: {},
        },
        '\t\t',
        style,
      ),
      '{\r\n\t\t\t"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],\r\n\t\t\t"interval": 30,\r\n\t\t\t"options": {}\r\n\t\t}',
    );
    assert.equal(
      formatValue([{ name: 'a' }], '', { unit: '  ', eol: '\n' }),
      '[\n  {\n    "name": "a"\n  }\n]',
    );
    assert.equal(formatValue([], '', style), '[]');
    assert.equal(
      compactValue({ containerName: 'init', condition: 'SUCCESS' }),
      '{ "containerName": "init", "condition": "SUCCESS" }',
    );
    assert.equal(compactValue(['sh', '-c']), '["sh", "-c"]');
  });

  test('arrays: inline up to 80 characters of primitives, otherwise one element per line with commas', () => {
    const style = { unit: '  ', eol: '\n' };
    const eighty = ['x'.repeat(36), 'y'.repeat(36)];
    assert.equal(formatValue(eighty, '', style), `["${'x'.repeat(36)}", "${'y'.repeat(36)}"]`);
    assert.equal(`["${'x'.repeat(36)}", "${'y'.repeat(36)}"]`.length, 80);
    assert.equal(
      formatValue([...eighty.slice(0, 1), 'y'.repeat(37)], '', style),
      `[\n  "${'x'.repeat(36)}",\n  "${'y'.repeat(37)}"\n]`,
    );
    assert.equal(
      formatValue(['CMD-SHELL', { retries: 3 }], '  ', style),
      '[\n    "CMD-SHELL",\n    {\n      "retries": 3\n    }\n  ]',
    );
    assert.equal(
      formatValue([{ name: 'a' }, { name: 'b' }], '', style),
      '[\n  {\n    "name": "a"\n  },\n  {\n    "name": "b"\n  }\n]',
    );
  });

  test('null is a value, not an object', () => {
    const style = { unit: '  ', eol: '\n' };
    assert.equal(formatValue(null, '', style), 'null');
    assert.equal(formatValue([null, 1], '', style), '[null, 1]');
    assert.equal(compactValue({ a: null, b: [] }), '{ "a": null, "b": [] }');
  });
});

describe('insertProperty', () => {
  const OBJ = '{\n  "name": "app",\n  "image": "nginx"\n}\n';

  test('at the end, with the comma on the previous line', () => {
    assert.equal(
      edit(OBJ, (d) => insertProperty(d.source, d.root, 'essential', false, d.style)),
      '{\n  "name": "app",\n  "image": "nginx",\n  "essential": false\n}\n',
    );
  });

  test('after an anchor: before the next sibling, on its own line', () => {
    assert.equal(
      edit(OBJ, (d) =>
        insertProperty(d.source, d.root, 'essential', false, d.style, {
          after: ['missing', 'name'],
        }),
      ),
      '{\n  "name": "app",\n  "essential": false,\n  "image": "nginx"\n}\n',
    );
  });

  test('an object value in a 4-space file', () => {
    const text = '{\n    "name": "app",\n    "image": "nginx"\n}\n';
    assert.equal(
      edit(text, (d) =>
        insertProperty(
          d.source,
          d.root,
          'healthCheck',
          { command: ['CMD', 'true'], interval: 5 },
          d.style,
        ),
      ),
      '{\n    "name": "app",\n    "image": "nginx",\n    "healthCheck": {\n        "command": ["CMD", "true"],\n        "interval": 5\n    }\n}\n',
    );
  });

  test('tabs and CRLF', () => {
    const text = crlf('{', '\t"name": "app",', '\t"image": "nginx"', '}', '');
    assert.equal(
      edit(text, (d) =>
        insertProperty(
          d.source,
          d.root,
          'dependsOn',
          [{ containerName: 'init', condition: 'SUCCESS' }],
          d.style,
          { after: ['image'] },
        ),
      ),
      crlf(
        '{',
        '\t"name": "app",',
        '\t"image": "nginx",',
        '\t"dependsOn": [',
        '\t\t{',
        '\t\t\t"containerName": "init",',
        '\t\t\t"condition": "SUCCESS"',
        '\t\t}',
        '\t]',
        '}',
        '',
      ),
    );
  });

  test('a line comment after the last property stays with it; the comma goes before the comment', () => {
    const text = '{\n  "name": "app",\n  "image": "nginx" // mainline\n}\n';
    assert.equal(
      edit(text, (d) => insertProperty(d.source, d.root, 'essential', true, d.style)),
      '{\n  "name": "app",\n  "image": "nginx", // mainline\n  "essential": true\n}\n',
    );
  });

  test('a trailing comma is kept for the new last property', () => {
    const text = '{\n  "name": "app",\n  "image": "nginx", // mainline\n}\n';
    assert.equal(
      edit(text, (d) => insertProperty(d.source, d.root, 'essential', true, d.style)),
      '{\n  "name": "app",\n  "image": "nginx", // mainline\n  "essential": true,\n}\n',
    );
  });

  test('one-line objects stay on one line', () => {
    assert.equal(
      edit('{ "a": 1, "b": 2 }', (d) => insertProperty(d.source, d.root, 'c', [1, 2], d.style)),
      '{ "a": 1, "b": 2, "c": [1, 2] }',
    );
    assert.equal(
      edit('{ "a": 1, "b": 2, }', (d) => insertProperty(d.source, d.root, 'c', { x: 1 }, d.style)),
      '{ "a": 1, "b": 2, "c": { "x": 1 }, }',
    );
  });

  test('an empty object, and one holding only a comment', () => {
    assert.equal(
      edit('{}', (d) => insertProperty(d.source, d.root, 'a', 1, d.style)),
      '{\n  "a": 1\n}',
    );
    assert.equal(
      edit('{\n  "x": {\n    // nothing yet\n  }\n}', (d) =>
        insertProperty(d.source, d.at(['x']), 'a', 1, d.style),
      ),
      '{\n  "x": {\n    // nothing yet\n    "a": 1\n  }\n}',
    );
  });

  test('an object whose closing brace is not typed yet cannot be edited', () => {
    const d = doc('{\n  "a": 1,\n');
    assert.deepEqual(insertProperty(d.source, d.root, 'b', 2, d.style), [
      { offset: 0, length: 0, newText: '', invalid: true },
    ]);
  });

  test('with no anchor, or the first property as the anchor', () => {
    const three = '{\n  "name": "app",\n  "image": "nginx",\n  "cpu": 256\n}';
    assert.equal(
      edit(three, (d) => insertProperty(d.source, d.root, 'essential', false, d.style)),
      '{\n  "name": "app",\n  "image": "nginx",\n  "cpu": 256,\n  "essential": false\n}',
    );
    assert.equal(
      edit(three, (d) =>
        insertProperty(d.source, d.root, 'essential', false, d.style, {
          after: ['name', 'image'],
        }),
      ),
      '{\n  "name": "app",\n  "essential": false,\n  "image": "nginx",\n  "cpu": 256\n}',
    );
  });

  test('an anchor whose next sibling shares its line: appended at the end instead', () => {
    assert.equal(
      edit('{\n  "name": "app", "image": "nginx"\n}', (d) =>
        insertProperty(d.source, d.root, 'essential', false, d.style, { after: ['name'] }),
      ),
      '{\n  "name": "app", "image": "nginx",\n  "essential": false\n}',
    );
  });
});

describe('setProperty', () => {
  test('replaces an existing value in place', () => {
    assert.equal(
      edit(
        '{\n  "name": "app",\n  "essential": true, // was the default\n  "image": "nginx"\n}',
        (d) => setProperty(d.source, d.root, 'essential', false, d.style),
      ),
      '{\n  "name": "app",\n  "essential": false, // was the default\n  "image": "nginx"\n}',
    );
  });

  test('replaces an explicit null with a formatted value', () => {
    assert.equal(
      edit('{\n  "name": "app",\n  "dependsOn": null\n}', (d) =>
        setProperty(
          d.source,
          d.root,
          'dependsOn',
          [{ containerName: 'x', condition: 'START' }],
          d.style,
        ),
      ),
      '{\n  "name": "app",\n  "dependsOn": [\n    {\n      "containerName": "x",\n      "condition": "START"\n    }\n  ]\n}',
    );
  });

  test('a value of one character', () => {
    assert.equal(
      edit('{ "cpu": 1 }', (d) => setProperty(d.source, d.root, 'cpu', 256, d.style)),
      '{ "cpu": 256 }',
    );
  });

  test('with duplicate keys, sets the one that counts (the last)', () => {
    assert.equal(
      edit('{\n  "essential": true,\n  "essential": true\n}', (d) =>
        setProperty(d.source, d.root, 'essential', false, d.style),
      ),
      '{\n  "essential": true,\n  "essential": false\n}',
    );
  });

  test('a value whose closing bracket is not typed yet cannot be replaced', () => {
    const d = doc('{\n  "command": ["sh", "-c"\n}');
    const command = d.at(['command']);
    assert.deepEqual(setProperty(d.source, d.root, 'command', ['sh'], d.style), [
      { offset: command.offset, length: 0, newText: '', invalid: true },
    ]);
  });

  test('completes a property whose value is not typed yet instead of adding a second one', () => {
    assert.equal(
      edit('{\n  "family": "app",\n  "cpu": \n}', (d) =>
        setProperty(d.source, d.root, 'cpu', '256', d.style),
      ),
      '{\n  "family": "app",\n  "cpu": "256"\n}',
    );
    assert.equal(
      edit('{ "cpu":, "memory": "512" }', (d) =>
        setProperty(d.source, d.root, 'cpu', '256', d.style),
      ),
      '{ "cpu": "256", "memory": "512" }',
    );
    assert.equal(
      edit('{\n  "essential"\n}', (d) =>
        setProperty(d.source, d.root, 'essential', false, d.style),
      ),
      '{\n  "essential": false\n}',
    );
    assert.equal(
      edit('{\n  "healthCheck": \n}', (d) =>
        setProperty(d.source, d.root, 'healthCheck', { command: ['CMD', 'true'] }, d.style),
      ),
      '{\n  "healthCheck": {\n    "command": ["CMD", "true"]\n  }\n}',
    );
  });

  test('inserts when absent', () => {
    assert.equal(
      edit('{\n    "name": "app"\n}', (d) =>
        setProperty(d.source, d.root, 'essential', false, d.style, { after: ['name'] }),
      ),
      '{\n    "name": "app",\n    "essential": false\n}',
    );
  });
});

describe('appendToArray / addToArrayProperty', () => {
  test('inline arrays stay inline, with or without a trailing comma', () => {
    assert.equal(
      edit('{ "links": ["a", "b"] }', (d) =>
        appendToArray(d.source, d.at(['links']), 'c', d.style),
      ),
      '{ "links": ["a", "b", "c"] }',
    );
    assert.equal(
      edit('{ "links": ["a", "b",] }', (d) =>
        appendToArray(d.source, d.at(['links']), 'c', d.style),
      ),
      '{ "links": ["a", "b", "c",] }',
    );
  });

  test('an empty array is filled on new lines', () => {
    assert.equal(
      edit('{\n  "links": []\n}', (d) => appendToArray(d.source, d.at(['links']), 'c', d.style)),
      '{\n  "links": [\n    "c"\n  ]\n}',
    );
    assert.equal(
      edit('[\n  // containers\n]', (d) => appendToArray(d.source, d.root, { name: 'a' }, d.style)),
      '[\n  // containers\n  {\n    "name": "a"\n  }\n]',
    );
  });

  test('CRLF, with a comment after the last element', () => {
    assert.equal(
      edit(crlf('{', '  "links": [', '    "a" // first', '  ]', '}'), (d) =>
        appendToArray(d.source, d.at(['links']), 'b', d.style),
      ),
      crlf('{', '  "links": [', '    "a", // first', '    "b"', '  ]', '}'),
    );
  });

  test('an array whose closing bracket is not typed yet cannot be appended to', () => {
    const d = doc('{\n  "links": ["a", "b"\n}');
    const links = d.at(['links']);
    assert.deepEqual(appendToArray(d.source, links, 'c', d.style), [
      { offset: links.offset, length: 0, newText: '', invalid: true },
    ]);
    assert.deepEqual(addToArrayProperty(d.source, d.root, 'links', 'c', d.style), [
      { offset: links.offset, length: 0, newText: '', invalid: true },
    ]);
  });

  test('an empty array with spaces, a line break or only a comment in it', () => {
    const links = (text: string) =>
      edit(text, (d) => appendToArray(d.source, d.at(['links']), 'c', d.style));
    assert.equal(links('{\n  "links": [ ]\n}'), '{\n  "links": [\n    "c"\n  ]\n}');
    assert.equal(links('{\n  "links": [\n  ]\n}'), '{\n  "links": [\n    "c"\n  ]\n}');
    assert.equal(links('{\n  "links": [ \n\n  ]\n}'), '{\n  "links": [\n    "c"\n  ]\n}');
    assert.equal(
      links('{\n  "links": [ /* none */ ]\n}'),
      '{\n  "links": [ /* none */\n    "c"\n  ]\n}',
    );
    assert.equal(
      links('{\n  "links": [\t/* none */\t]\n}'),
      '{\n  "links": [\t/* none */\n    "c"\n  ]\n}',
    );
  });

  test('a multi-line array: after a trailing comma, a tab and a comment, or a block comment', () => {
    const links = (text: string) =>
      edit(text, (d) => appendToArray(d.source, d.at(['links']), 'c', d.style));
    assert.equal(
      links('{\n  "links": [\n    "a",\n    "b",\n  ]\n}'),
      '{\n  "links": [\n    "a",\n    "b",\n    "c",\n  ]\n}',
    );
    assert.equal(
      links('{\n  "links": [\n    "a",\t// the cache\n    "b"\t// the db\n  ]\n}'),
      '{\n  "links": [\n    "a",\t// the cache\n    "b",\t// the db\n    "c"\n  ]\n}',
    );
    assert.equal(
      links('{\n  "links": [\n    "a",\n    "b" /* the db */\n  ]\n}'),
      '{\n  "links": [\n    "a",\n    "b", /* the db */\n    "c"\n  ]\n}',
    );
    // Two block comments in a row after the last element.
    assert.equal(
      links('{\n  "links": [\n    "a",\n    "b" /* db *//* v2 */\n  ]\n}'),
      '{\n  "links": [\n    "a",\n    "b", /* db *//* v2 */\n    "c"\n  ]\n}',
    );
    // The closing bracket right after the last element: a comment after it is outside the array.
    assert.equal(
      links('{\n  "links": [\n    "a",\n    "b"] /* the db */\n}'),
      '{\n  "links": [\n    "a",\n    "b",\n    "c"] /* the db */\n}',
    );
    // A block comment that goes on to the next line is not the element's own: the new one goes first.
    assert.equal(
      links('{\n  "links": [\n    "a",\n    "b" /* the db,\n    then more */\n  ]\n}'),
      '{\n  "links": [\n    "a",\n    "b",\n    "c" /* the db,\n    then more */\n  ]\n}',
    );
  });

  test('addToArrayProperty appends to an existing array (tabs)', () => {
    assert.equal(
      edit('{\n\t"dependsOn": [\n\t\t{ "containerName": "a", "condition": "START" }\n\t]\n}', (d) =>
        addToArrayProperty(
          d.source,
          d.root,
          'dependsOn',
          { containerName: 'b', condition: 'SUCCESS' },
          d.style,
        ),
      ),
      '{\n\t"dependsOn": [\n\t\t{ "containerName": "a", "condition": "START" },\n\t\t{\n\t\t\t"containerName": "b",\n\t\t\t"condition": "SUCCESS"\n\t\t}\n\t]\n}',
    );
  });

  test('addToArrayProperty creates the property, or replaces a value that is not an array', () => {
    assert.equal(
      edit('{\n\t"name": "x"\n}', (d) =>
        addToArrayProperty(d.source, d.root, 'links', 'db', d.style),
      ),
      '{\n\t"name": "x",\n\t"links": ["db"]\n}',
    );
    assert.equal(
      edit('{\n  "links": "db"\n}', (d) =>
        addToArrayProperty(d.source, d.root, 'links', 'cache', d.style),
      ),
      '{\n  "links": ["cache"]\n}',
    );
  });
});

/** The source and the only property of a document that may not be closed. */
function onlyProperty(text: string): [SourceText, Node] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })!;
  return [new SourceText(text), root.children![0]!];
}

describe('removeProperty', () => {
  test('a property alone on its line goes with its line', () => {
    assert.equal(
      edit('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', (d) =>
        removeProperty(d.source, d.at(['b']).parent!),
      ),
      '{\n  "a": 1,\n  "c": 3\n}',
    );
    assert.equal(
      edit(crlf('{', '\t"a": 1,', '\t"b": 2,', '\t"c": 3', '}'), (d) =>
        removeProperty(d.source, d.at(['b']).parent!),
      ),
      crlf('{', '\t"a": 1,', '\t"c": 3', '}'),
    );
  });

  test('its own trailing comment goes too; the neighbours’ comments stay', () => {
    assert.equal(
      edit('{\n  "a": 1, // keep a\n  "b": 2, // drop b\n  "c": 3\n}', (d) =>
        removeProperty(d.source, d.at(['b']).parent!),
      ),
      '{\n  "a": 1, // keep a\n  "c": 3\n}',
    );
  });

  test('the last property takes the comma before it', () => {
    assert.equal(
      edit('{\n  "a": 1,\n  "b": 2\n}', (d) => removeProperty(d.source, d.at(['b']).parent!)),
      '{\n  "a": 1\n}',
    );
  });

  test('one-line objects', () => {
    assert.equal(
      edit('{ "a": 1, "b": 2, "c": 3 }', (d) => removeProperty(d.source, d.at(['b']).parent!)),
      '{ "a": 1, "c": 3 }',
    );
    assert.equal(
      edit('{ "a": 1 }', (d) => removeProperty(d.source, d.at(['a']).parent!)),
      '{  }',
    );
    assert.equal(
      edit('{ "a": 1, }', (d) => removeProperty(d.source, d.at(['a']).parent!)),
      '{  }',
    );
  });

  test('spaces and tabs after the comma: the line still goes, and the comment line after it stays', () => {
    assert.equal(
      edit('{\n  "a": 1, \t\n  // about b\n  "b": 2\n}', (d) =>
        removeProperty(d.source, d.at(['a']).parent!),
      ),
      '{\n  // about b\n  "b": 2\n}',
    );
    // Old Mac line breaks.
    assert.equal(
      edit('{\r  "a": 1,\r  // about b\r  "b": 2\r}', (d) =>
        removeProperty(d.source, d.at(['a']).parent!),
      ),
      '{\r  // about b\r  "b": 2\r}',
    );
  });

  test('a property on the line of the opening brace goes up to the next property', () => {
    assert.equal(
      edit('{ "a": 1,\n  "b": 2\n}', (d) => removeProperty(d.source, d.at(['a']).parent!)),
      '{ "b": 2\n}',
    );
  });

  test('the only property of an object not closed yet, with a comment at the end of the text', () => {
    assert.equal(
      applyOffsetEdits('{ "a": 1 // note', removeProperty(...onlyProperty('{ "a": 1 // note'))),
      '{  // note',
    );
  });

  test('a comment line above the next property stays: it belongs to what follows', () => {
    assert.equal(
      edit('{\n  "a": 1,\n  "b": 2,\n  // c must stay last\n  "c": 3\n}', (d) =>
        removeProperty(d.source, d.at(['b']).parent!),
      ),
      '{\n  "a": 1,\n  // c must stay last\n  "c": 3\n}',
    );
  });
});

describe('removeProperties', () => {
  const remove = (text: string, keys: string[]) =>
    edit(text, (d) =>
      removeProperties(
        d.source,
        d.root,
        keys.map((k) => d.at([k]).parent!),
      ),
    );

  test('neighbours on lines of their own go as one run of lines, comments after them stay', () => {
    assert.equal(
      remove('{\n  "a": 1,\n  "b": 2, // b\n  "c": 3,\n  // d is kept\n  "d": 4\n}', ['b', 'c']),
      '{\n  "a": 1,\n  // d is kept\n  "d": 4\n}',
    );
    assert.equal(
      remove(crlf('{', '\t"a": 1,', '\t"b": 2,', '\t"c": 3', '}'), ['a', 'b']),
      crlf('{', '\t"c": 3', '}'),
    );
  });

  test('runs apart from each other, the last one taking the comma before it', () => {
    assert.equal(
      remove('{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n  "d": 4\n}', ['a', 'c', 'd']),
      '{\n  "b": 2\n}',
    );
    assert.equal(remove('{ "a": 1, "b": 2, "c": 3 }', ['a', 'c']), '{ "b": 2 }');
  });

  test('a property sharing its line with the next one leaves that one where it was', () => {
    assert.equal(remove('{\n  "a": 1, "b": 2,\n  "c": 3\n}', ['a']), '{\n  "b": 2,\n  "c": 3\n}');
  });

  test('every property: the object is left empty', () => {
    assert.equal(remove('{ "a": 1, "b": 2 }', ['a', 'b']), '{  }');
  });
});

describe('deleteArrayElements', () => {
  test('first, last, first two, all', () => {
    assert.equal(
      edit('["a", "b", "c"]', (d) => deleteArrayElements(d.root, 0, 1)),
      '["b", "c"]',
    );
    assert.equal(
      edit('["a", "b", "c"]', (d) => deleteArrayElements(d.root, 2, 3)),
      '["a", "b"]',
    );
    assert.equal(
      edit('["sh", "-c", "echo hi"]', (d) => deleteArrayElements(d.root, 0, 2)),
      '["echo hi"]',
    );
    assert.equal(
      edit('[\n  "a",\n  "b"\n]', (d) => deleteArrayElements(d.root, 0, 2)),
      '[]',
    );
  });

  test('multi-line arrays keep the indentation of what stays', () => {
    assert.equal(
      edit('[\n    "sh",\n    "-c",\n    "echo hi"\n]', (d) => deleteArrayElements(d.root, 0, 2)),
      '[\n    "echo hi"\n]',
    );
  });

  test('an empty or out-of-range span does nothing', () => {
    const d = doc('["a"]');
    assert.deepEqual(deleteArrayElements(d.root, 1, 1), []);
    assert.deepEqual(deleteArrayElements(d.root, 0, 5), []);
    const three = doc('["a", "b", "c"]');
    assert.deepEqual(deleteArrayElements(three.root, 1, 5), []);
    assert.deepEqual(deleteArrayElements(three.root, -1, 1), []);
    assert.deepEqual(deleteArrayElements(three.root, 2, 1), []);
  });
});

describe('replaceNode', () => {
  test('replaces exactly the value, nothing around it', () => {
    assert.equal(
      edit('{ "condition": "success" /* from the wiki */ }', (d) => [
        replaceNode(d.at(['condition']), '"SUCCESS"'),
      ]),
      '{ "condition": "SUCCESS" /* from the wiki */ }',
    );
  });
});

describe('applyOffsetEdits', () => {
  test('an insertion and a replacement at one offset: the insertion comes first', () => {
    const edits = [
      { offset: 1, length: 0, newText: '"x", ' },
      { offset: 1, length: 3, newText: '"b"' },
    ];
    assert.equal(applyOffsetEdits('["a"]', edits), '["x", "b"]');
    assert.equal(applyOffsetEdits('["a"]', [...edits].reverse()), '["x", "b"]');
  });
});

describe('jsonEditor', () => {
  const TEXT = '{\n  "name": "app",\n  "links": ["db"],\n  "cpu": 256\n}';
  const withEditor = (
    text: string,
    build: (e: ReturnType<typeof jsonEditor>, d: Doc) => OffsetEdit[],
  ) => edit(text, (d) => build(jsonEditor(d.source), d));

  test('each builder in the file’s own style', () => {
    assert.equal(
      withEditor(TEXT, (e, d) => e.insertProperty(d.root, 'essential', false, { after: ['name'] })),
      '{\n  "name": "app",\n  "essential": false,\n  "links": ["db"],\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.setProperty(d.root, 'cpu', 512)),
      '{\n  "name": "app",\n  "links": ["db"],\n  "cpu": 512\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.addToArrayProperty(d.root, 'links', 'cache')),
      '{\n  "name": "app",\n  "links": ["db", "cache"],\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.appendToArray(d.at(['links']), 'cache')),
      '{\n  "name": "app",\n  "links": ["db", "cache"],\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.removeProperty(d.at(['links']).parent!)),
      '{\n  "name": "app",\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.removeProperties(d.root, [d.at(['links']).parent!])),
      '{\n  "name": "app",\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.renameProperty(d.at(['links']).parent!, 'link')),
      '{\n  "name": "app",\n  "link": ["db"],\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor(TEXT, (e, d) => e.deleteArrayElements(d.at(['links']), 0, 1)),
      '{\n  "name": "app",\n  "links": [],\n  "cpu": 256\n}',
    );
  });

  test('replaceValue: one line stays one line, several lines keep their indentation', () => {
    assert.equal(
      withEditor(TEXT, (e, d) => e.replaceValue(d.at(['links']), ['db', 'cache'])),
      '{\n  "name": "app",\n  "links": ["db", "cache"],\n  "cpu": 256\n}',
    );
    assert.equal(
      withEditor('{\n  "links": [\n    "db"\n  ]\n}', (e, d) =>
        e.replaceValue(d.at(['links']), [{ name: 'db' }]),
      ),
      '{\n  "links": [\n    {\n      "name": "db"\n    }\n  ]\n}',
    );
    assert.equal(
      withEditor('{ "links": { "a": 1 } }', (e, d) => e.replaceValue(d.at(['links']), { b: 2 })),
      '{ "links": { "b": 2 } }',
    );
    // The first line break comes late in the value: it is still a multi-line value.
    assert.equal(
      withEditor('{"o": {"aaaaaaaaaaaa": 1,\n"b": 2}}', (e, d) =>
        e.replaceValue(d.at(['o']), { c: 3 }),
      ),
      '{"o": {\n  "c": 3\n}}',
    );
    assert.equal(
      withEditor('{\n  "options": { "a": 1 }\n}', (e, d) =>
        e.replaceValue(d.at(['options']), { b: 2 }),
      ),
      '{\n  "options": { "b": 2 }\n}',
    );
    assert.equal(
      withEditor('{ "cpu": "256" }', (e, d) => e.replaceValue(d.at(['cpu']), 256)),
      '{ "cpu": 256 }',
    );
  });

  test('replaceValue of an array or object whose closing bracket is not typed yet cannot be made', () => {
    for (const text of ['{ "links": ["db"', '{ "options": { "a": 1']) {
      const d = doc(text);
      const node = d.root.children![0]!.children![1]!;
      assert.deepEqual(jsonEditor(d.source).replaceValue(node, []), [
        { offset: node.offset, length: 0, newText: '', invalid: true },
      ]);
    }
  });
});

describe('jsonSpelling', () => {
  test('fields as register-task-definition names them', () => {
    assert.equal(jsonSpelling.key('essential'), 'essential');
    assert.equal(jsonSpelling.pair('essential', false), '"essential": false');
  });
});

describe('mergeSamePoint', () => {
  test('insertions at one point become one edit in order, the comma each adds kept once', () => {
    assert.deepEqual(
      mergeSamePoint([
        { offset: 9, length: 0, newText: ',' },
        { offset: 20, length: 0, newText: '\n  "a": 1' },
        { offset: 9, length: 0, newText: ',' },
        { offset: 20, length: 0, newText: ',\n  "b": 2' },
        { offset: 20, length: 3, newText: 'x' },
      ]),
      [
        { offset: 9, length: 0, newText: ',' },
        { offset: 20, length: 0, newText: '\n  "a": 1,\n  "b": 2' },
        { offset: 20, length: 3, newText: 'x' },
      ],
    );
    // An insertion where a replacement starts stays an edit of its own.
    assert.deepEqual(
      mergeSamePoint([
        { offset: 20, length: 3, newText: 'x' },
        { offset: 20, length: 0, newText: 'y' },
      ]),
      [
        { offset: 20, length: 3, newText: 'x' },
        { offset: 20, length: 0, newText: 'y' },
      ],
    );
  });
});

describe('commaBetween', () => {
  test('a comma counts; one inside a comment does not', () => {
    assert.equal(commaBetween('"a" , "b"', 3, 6), true);
    assert.equal(commaBetween('"a" // a, b\n "b"', 3, 13), false);
    assert.equal(commaBetween('"a" // a\n, "b"', 3, 11), true);
    assert.equal(commaBetween('"a" /* a,\n b */ "b"', 3, 16), false);
    assert.equal(commaBetween('"a" /* a */, /* b */ "b"', 3, 20), true);
    assert.equal(commaBetween('"a" /**/ "b"', 3, 9), false);
  });
});

describe('parsesAsWell', () => {
  test('an edit may not add a syntax error', () => {
    assert.equal(parsesAsWell('{ "a": 1 }', '{ "a": 1, "b": 2 }'), true);
    assert.equal(parsesAsWell('{ "a": 1 }', '{ "a": 1 "b": 2 }'), false);
    assert.equal(parsesAsWell('{ "a" 1 }', '{ "a" 1 }'), true);
  });
});
