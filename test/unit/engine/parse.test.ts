/** Parsing: what counts as a task definition, and positions that stay right (BOM, CRLF, comments). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, parseDocument, SourceText } from '../../../server/src/engine/index';
import { DESCRIBE_OUTPUT, INIT_DONE_RIGHT, JSONC_COMMENTED } from '../rules/helpers';

const BROKEN_DEPENDENCY = `{
  "family": "x",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "cache", "condition": "START" }] }
  ]
}
`;

function underlinedBy(text: string, code: string): string[] {
  const source = new SourceText(text);
  return analyze(text)
    .findings.filter((f) => f.code === code)
    .map((f) => text.slice(source.offsetAt(f.range.start), source.offsetAt(f.range.end)));
}

describe('recognising a task definition', () => {
  test('containerDefinitions at the root: a task', () => {
    const p = parseDocument(INIT_DONE_RIGHT);
    assert.equal(p.kind, 'task');
    assert.equal(p.taskNode, p.root);
    assert.equal(p.containersNode?.type, 'array');
    assert.equal(p.containersNode?.children?.length, 2);
  });

  test('describe-task-definition output: the taskDefinition wrapper holds the task', () => {
    const p = parseDocument(DESCRIBE_OUTPUT);
    assert.equal(p.kind, 'describe');
    assert.notEqual(p.taskNode, p.root);
    assert.equal(p.containersNode?.children?.length, 2);
    assert.ok(analyze(DESCRIBE_OUTPUT).isTaskDefinition);
  });

  test('a bare array of container definitions (Terraform container_definitions), only where allowed', () => {
    const text =
      '[{ "name": "app", "image": "shop/app:1", "essential": true }, { "name": "proxy", "portMappings": [] }]';
    assert.equal(parseDocument(text).kind, 'container-array');
    assert.equal(parseDocument(text, { allowContainerArray: false }).kind, undefined);
    assert.equal(analyze(text, { allowContainerArray: false }).isTaskDefinition, false);
  });

  test('containerDefinitions present but null or still empty is a task (being written)', () => {
    assert.equal(parseDocument('{ "family": "x", "containerDefinitions": null }').kind, 'task');
    assert.equal(parseDocument('{ "family": "x", "containerDefinitions": [] }').kind, 'task');
  });

  describe('anything else gets no findings at all', () => {
    const others: Record<string, string> = {
      'an empty file': '',
      whitespace: '  \n ',
      'a string': '"containerDefinitions"',
      'not JSON': 'containerDefinitions: [app]',
      'a package.json':
        '{ "name": "app", "version": "1.0.0", "dependencies": { "left-pad": "1.3.0" } }',
      'a CloudFormation template':
        '{ "Resources": { "Task": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "ContainerDefinitions": [] } } } }',
      'a taskDefinition wrapper without containers': '{ "taskDefinition": { "family": "x" } }',
      'an array of numbers': '[1, 2, 3]',
      'an empty array': '[]',
      'an array mixing containers and other values': '[{ "name": "a", "image": "b" }, 3]',
      'an array of names only': '[{ "name": "a" }, { "name": "b" }]',
    };
    for (const [name, text] of Object.entries(others)) {
      test(name, () => {
        const a = analyze(text);
        assert.equal(a.isTaskDefinition, false);
        assert.equal(a.definitions[0]?.input.kind, undefined);
        assert.deepEqual(a.findings, []);
        assert.equal(a.graph(), undefined);
      });
    }
  });
});

describe('positions', () => {
  test('a byte-order mark does not shift offsets or break parsing', () => {
    const text = '\ufeff' + BROKEN_DEPENDENCY;
    const p = parseDocument(text);
    assert.equal(p.kind, 'task');
    assert.deepEqual(p.syntaxErrors, []);
    assert.deepEqual(underlinedBy(text, 'dependency-unknown-container'), ['"cache"']);
    const f = analyze(text).findings.find((x) => x.code === 'dependency-unknown-container')!;
    assert.equal(f.range.start.line, 3);
  });

  test('CRLF: lines and characters are those of the CRLF text', () => {
    const text = BROKEN_DEPENDENCY.replace(/\n/g, '\r\n');
    const f = analyze(text).findings.find((x) => x.code === 'dependency-unknown-container')!;
    const line =
      '    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "cache", "condition": "START" }] }';
    const start = line.indexOf('"cache"');
    assert.deepEqual(f.range, {
      start: { line: 3, character: start },
      end: { line: 3, character: start + 7 },
    });
    assert.deepEqual(underlinedBy(text, 'dependency-unknown-container'), ['"cache"']);
  });

  test('a lone CR also ends a line', () => {
    const source = new SourceText('a\rb\r\nc\nd');
    assert.equal(source.lineCount, 4);
    assert.deepEqual(source.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(source.positionAt(5), { line: 2, character: 0 });
    assert.equal(source.offsetAt({ line: 3, character: 0 }), 7);
    // The file's line break is the first one found.
    assert.equal(source.eol, '\r\n');
    assert.equal(new SourceText('{\n}\r\n').eol, '\n');
    assert.equal(new SourceText('{}').eol, '\n');
  });

  test('UTF-16 characters: a name with an emoji before the finding', () => {
    const text = BROKEN_DEPENDENCY.replace('"family": "x"', '"family": "🚀-launch"');
    assert.deepEqual(underlinedBy(text, 'dependency-unknown-container'), ['"cache"']);
  });

  test('comments and trailing commas (JSONC) parse without errors and keep positions', () => {
    const p = parseDocument(JSONC_COMMENTED);
    assert.equal(p.kind, 'task');
    assert.deepEqual(p.syntaxErrors, []);
    const text = `// rendered by deploy.sh
{
  /* the family */ "family": "x",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "cache", /* typo? */ "condition": "START" },] }, // app
  ],
}
`;
    assert.deepEqual(parseDocument(text).syntaxErrors, []);
    assert.deepEqual(underlinedBy(text, 'dependency-unknown-container'), ['"cache"']);
  });

  test('syntax errors are collected, and the task-definition part still analysed', () => {
    const text = `{
  "family": "x",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "cache", "condition": "START" }] }
  ]
`;
    const p = parseDocument(text);
    assert.equal(p.kind, 'task');
    assert.ok(p.syntaxErrors.length > 0);
    assert.deepEqual(underlinedBy(text, 'dependency-unknown-container'), ['"cache"']);
  });
});
