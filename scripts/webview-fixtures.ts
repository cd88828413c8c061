/**
 * The graph webview's test fixtures (test/webview/fixtures/*.graph.json) are the engine's graphs of
 * real task definitions, generated so they cannot go stale:
 *
 *   npx tsx scripts/webview-fixtures.ts     rewrite every fixture from its source document
 *
 * test/unit/webviewFixtures.test.ts fails when a committed fixture is not what the engine makes of
 * its source now. To add a fixture, add its task definition to test/webview/sources/ (or
 * use one from examples/), list it below and run the script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { analyze } from '../server/src/engine/index';

const ROOT = resolve(__dirname, '..');
export const FIXTURES_DIR = join(ROOT, 'test', 'webview', 'fixtures');

/** Each fixture's name (`<name>.graph.json`) and the task definition it is the graph of. */
export const WEBVIEW_FIXTURES: readonly { name: string; source: string }[] = [
  { name: 'seed', source: 'examples/seed-task-definition.json' },
  { name: 'fixed-seed', source: 'examples/fixed-task-definition.json' },
  { name: 'firelens', source: 'examples/firelens-datadog.taskdef.json' },
  { name: 'ten-with-cycle', source: 'test/webview/sources/orders-platform.task-def.json' },
  { name: 'hostile', source: 'test/webview/sources/hostile.task-def.json' },
  { name: 'orders-timeline', source: 'test/webview/sources/orders-timeline.task-def.json' },
];

export function fixturePath(name: string): string {
  return join(FIXTURES_DIR, `${name}.graph.json`);
}

/** The fixture's text: the graph the engine builds for the source, as the panel would send it. */
export function fixtureText(fixture: { source: string }): string {
  const text = readFileSync(join(ROOT, fixture.source), 'utf8');
  const graph = analyze(text, { uri: `file:///workspace/${basename(fixture.source)}` }).graph();
  if (!graph) throw new Error(`${fixture.source} is not a task definition`);
  return `${JSON.stringify(graph, null, 2)}\n`;
}

if (process.argv[1] && /webview-fixtures\.ts$/.test(process.argv[1])) {
  for (const fixture of WEBVIEW_FIXTURES) {
    writeFileSync(fixturePath(fixture.name), fixtureText(fixture));
    console.log(`test/webview/fixtures/${fixture.name}.graph.json ← ${fixture.source}`);
  }
}
