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
  compactValue,
  deleteArrayElements,
  detectStyle,
  formatValue,
  insertProperty,
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
    const edits = insertProperty(d.source, d.root, 'b', 2, d.style);
    assert.ok(edits.some((e) => e.invalid));
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

  test('with duplicate keys, sets the one that counts (the last)', () => {
    assert.equal(
      edit('{\n  "essential": true,\n  "essential": true\n}', (d) =>
        setProperty(d.source, d.root, 'essential', false, d.style),
      ),
      '{\n  "essential": true,\n  "essential": false\n}',
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
