/**
 * The graph webview's fixtures are what the engine makes of their task definitions today: a rule
 * or graph change that alters them fails here until `npx tsx scripts/webview-fixtures.ts` is run
 * (and the webview tests then see the graph users get).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isStartOrderGraph } from '../../shared/src/graphShape';
import {
  FIXTURES_DIR,
  fixturePath,
  fixtureText,
  WEBVIEW_FIXTURES,
} from '../../scripts/webview-fixtures';

for (const fixture of WEBVIEW_FIXTURES) {
  test(`${fixture.name}.graph.json is the engine's graph of ${fixture.source}`, () => {
    const committed = readFileSync(fixturePath(fixture.name), 'utf8');
    assert.ok(isStartOrderGraph(JSON.parse(committed)), 'a graph the webview accepts');
    assert.equal(committed, fixtureText(fixture), 'run npx tsx scripts/webview-fixtures.ts');
  });
}

test('every fixture of the webview tests is generated from a source', () => {
  const listed = new Set(WEBVIEW_FIXTURES.map((f) => `${f.name}.graph.json`));
  const files = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.graph.json'));
  assert.deepEqual(
    files.filter((f) => !listed.has(f)),
    [],
  );
});
