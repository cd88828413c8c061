/**
 * Pathological documents get graceful, bounded behaviour: no throw, no stack overflow, ranges
 * right in UTF-16, and a clear notice where analysis is skipped. Times are printed, not asserted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  analyze,
  ANALYSIS_SKIPPED,
  MAX_NESTING_DEPTH,
  SourceText,
  type Range,
} from '../../server/src/engine/index';

const SEED = readFileSync('examples/seed-task-definition.json', 'utf8');

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

function textAt(text: string, range: Range): string {
  const s = new SourceText(text);
  return text.slice(s.offsetAt(range.start), s.offsetAt(range.end));
}

test('nesting 100 000 deep: no stack overflow, a notice that analysis was skipped', () => {
  const deep = `{"family": "x", "containerDefinitions": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
  const a = timed('100 000-deep nesting', () => analyze(deep));
  assert.deepEqual(
    a.findings.map((f) => [f.code, f.severity]),
    [[ANALYSIS_SKIPPED, 'info']],
  );
  assert.match(a.findings[0]!.message, new RegExp(`deeper than ${MAX_NESTING_DEPTH} levels`));
  const notTaskDefinition = analyze(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  assert.equal(notTaskDefinition.findings.length, 0);
});

test('a 10 MB string value is analysed', () => {
  const big = SEED.replace(
    '"python", "app.py"',
    `"python", "${'x'.repeat(10 * 1024 * 1024)}", "app.py"`,
  );
  const a = timed('10 MB string', () => analyze(big));
  assert.ok(a.findings.some((f) => f.code === 'essential-init-container'));
});

test('20 000 containers are analysed', () => {
  const containers = Array.from({ length: 20_000 }, (_, i) => ({
    name: `c${i}`,
    image: `repo/app:${i}`,
    essential: i === 0,
    dependsOn: i > 0 ? [{ containerName: `c${i - 1}`, condition: 'START' }] : undefined,
  }));
  const text = JSON.stringify({ family: 'huge', containerDefinitions: containers }, null, 2);
  const a = timed('20 000 containers', () => analyze(text));
  const graph = timed('20 000 containers graph', () => a.graph()!);
  assert.equal(graph.nodes.length, 20_000);
  assert.equal(graph.phases.length, 20_000);
});

test('a BOM and CRLF line endings keep ranges on the right text', () => {
  const text = '\uFEFF' + SEED.replace(/\n/g, '\r\n');
  const a = analyze(text);
  const f = a.findings.find((x) => x.code === 'essential-init-container')!;
  assert.equal(textAt(text, f.range), 'true');
  assert.equal(f.range.start.line, 7);
});

test('emoji, combining marks and right-to-left names: ranges count UTF-16 code units', () => {
  const names = ['🚀-init', 'cafe\u0301', 'שלום', 'init\u202Eevil'];
  for (const name of names) {
    const text = `{"family": "f", "containerDefinitions": [{"name": "${name}", "image": "a:1", "essential": false},
  {"name": "app", "image": "b:1", "dependsOn": [{"containerName": "${name}", "condition": "SUCESS"}]}]}`;
    const a = analyze(text);
    const f = a.findings.find((x) => x.code === 'dependency-invalid-condition');
    assert.ok(f, `no finding for ${name}`);
    assert.equal(textAt(text, f.range), '"SUCESS"');
  }
});

test('duplicate keys: the last one wins, as in JSON.parse', () => {
  const text = SEED.replace('"essential": true,', '"essential": true, "essential": false,');
  const a = analyze(text);
  assert.ok(!a.findings.some((f) => f.code === 'essential-init-container'));
});

test('odd types and null everywhere never throw', () => {
  const variants = [
    SEED.replace('"name": "init-setup"', '"name": 42'),
    SEED.replace('"essential": true', '"essential": "true"'),
    SEED.replace('"command": [', '"dependsOn": "init", "command": ['),
    '{"family": 1, "containerDefinitions": {}}',
    '{"family": "x", "containerDefinitions": [1, "two", null, [], {"name": {}, "image": []}]}',
    '{"containerDefinitions": [{"name": "a", "dependsOn": [1, null, {"containerName": 5, "condition": 7}], "mountPoints": [null, {"sourceVolume": 1}], "links": [3], "volumesFrom": [{}]}]}',
    SEED.replace(/: ("[^"]*"|true|false|\d+|\[[^\]]*\])/g, ': null'),
  ];
  for (const v of variants) {
    const a = analyze(v);
    assert.deepEqual(a.ruleFailures, [], v.slice(0, 80));
    a.graph();
  }
});
