/**
 * Pathological templates get graceful, bounded behaviour: no throw, no stack overflow, a clear
 * message or silence. Times are printed, not asserted (bench/ has the figures).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateTemplate } from '../../../bench/generate';
import {
  analyze,
  ANALYSIS_SKIPPED,
  fixAll,
  syntaxFindings,
} from '../../../server/src/engine/index';

const TEMPLATE = { format: 'cloudformation' } as const;

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

const HEAD = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n';

test('a 1 MB template (CloudFormation’s maximum) is read whole', () => {
  const text = generateTemplate(1_000_000);
  const analysis = timed('1 MB template', () => analyze(text, TEMPLATE));
  assert.ok(analysis.definitions.length >= 100, `${analysis.definitions.length} task definitions`);
  assert.deepEqual(analysis.ruleFailures, []);
  assert.deepEqual(analysis.file.syntaxErrors, []);
  const fixed = timed('fix-all on it', () => fixAll(text, TEMPLATE));
  assert.deepEqual(analyze(fixed.text, TEMPLATE).file.syntaxErrors, []);
});

test('flow nesting 100 000 deep: a notice, no stack overflow', () => {
  const deep = `${HEAD}      Tags: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
  const analysis = timed('100 000-deep flow nesting', () => analyze(deep, TEMPLATE));
  assert.equal(analysis.isTaskDefinition, true);
  assert.equal(analysis.findings[0]?.code, ANALYSIS_SKIPPED);
});

test('block nesting 3 000 deep: a notice, no stack overflow', () => {
  let deep = `${HEAD}      Tags:\n`;
  for (let i = 0; i < 3000; i++) deep += `${' '.repeat(8 + i)}k${i}:\n`;
  const analysis = timed('3 000-deep block nesting', () => analyze(deep, TEMPLATE));
  assert.equal(analysis.isTaskDefinition, true);
  assert.ok(analysis.findings.some((f) => f.code === ANALYSIS_SKIPPED));
});

test('aliases that would expand to billions of nodes stay opaque', () => {
  let text = `${HEAD}      Tags: &a0 [x, x, x, x, x, x, x, x, x, x]\n`;
  for (let i = 1; i <= 12; i++)
    text += `      X${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
  text += '      ContainerDefinitions: [{Name: app, Image: app:1, Memory: 256, Command: *a12}]\n';
  const analysis = timed('alias bomb', () => analyze(text, TEMPLATE));
  assert.deepEqual(analysis.ruleFailures, []);
  assert.equal(analysis.definitions[0]?.model.containers[0]?.name?.value, 'app');
});

test('a 5 MB scalar, a 100 000-character key and 20 000 lines of comments are read', () => {
  const text = `# ${'c\n# '.repeat(20_000)}\n${HEAD}      Family: ${'x'.repeat(5_000_000)}\n      ${'K'.repeat(100_000)}: 1\n      ContainerDefinitions: [{Name: app, Image: app:1, Memory: 256}]\n`;
  const analysis = timed('huge scalar and key', () => analyze(text, TEMPLATE));
  assert.deepEqual(analysis.ruleFailures, []);
  assert.equal(analysis.definitions.length, 1);
});

test('bad input: each a clear message or silence, never a throw', () => {
  const cases = [
    '',
    '\uFEFF',
    ':',
    '- - - -',
    '{{{{',
    '"unterminated',
    "'unterminated",
    '%YAML 1.1\n---\nResources: {}\n',
    '---\n---\n---\n',
    `${HEAD}      ContainerDefinitions:\n        - Name: app\n\t  Image: x\n`,
    `${HEAD}      ContainerDefinitions:\n        - Name: app\n          Name: web\n`,
    `${HEAD}      ContainerDefinitions:\n        - Name: app\n          Essen`,
    `${HEAD}      ContainerDefinitions:\n        - !Unknown {Name: app}\n`,
    `${HEAD}      ContainerDefinitions: !Ref Containers\n`,
    `${HEAD}      ContainerDefinitions:\n        - Name: app\n---\nResources: {}\n`,
    `${HEAD}      ContainerDefinitions:\n        - ? [complex, key]\n          : value\n`,
    `${HEAD}      ContainerDefinitions:\n        - Name: !!binary aGVsbG8=\n          Image: !!int 3\n`,
    `${HEAD}      ContainerDefinitions: [{Name: a, DependsOn: [{ContainerName: !GetAtt [, ], Condition: !If []}]}]\n`,
    `Resources: [1, 2]\n`,
    `Resources:\n  T: !Ref X\n`,
    `Resources:\n  T:\n    Type: !Ref X\n`,
    `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties: !If [C, {}, {}]\n`,
  ];
  for (const text of cases) {
    const analysis = analyze(text, TEMPLATE);
    assert.deepEqual(analysis.ruleFailures, [], text);
    for (const f of [...syntaxFindings(analysis.file), ...analysis.findings]) {
      assert.ok(f.message.length > 0, text);
      if (f.code === 'yaml-syntax')
        assert.doesNotMatch(f.message, /YAML\.parseAllDocuments|undefined/);
    }
    fixAll(text, TEMPLATE);
  }
});
