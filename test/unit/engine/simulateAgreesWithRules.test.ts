/**
 * The rules and the simulator agree on every fixture and example: a container a rule says can never
 * start does not start in the simulation, and a task the simulated agent refuses has an error.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, simulate } from '../../../server/src/engine/index';

/** Rules whose finding says its container can never start. */
const NEVER_STARTS = [
  'healthy-without-healthcheck',
  'dependency-cycle',
  'dependency-unknown-container',
  'dependency-self',
  'links-unknown-container',
  'volumes-from-unknown-container',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const FILES = [...filesUnder('test/fixtures'), ...filesUnder('examples')].sort();
const seen = new Set<string>();

for (const file of FILES) {
  const analysis = analyze(readFileSync(file, 'utf8'), { uri: file });
  if (!analysis.model) continue;
  test(file, () => {
    const result = simulate(analysis.model!);
    for (const f of analysis.findings) {
      if (!NEVER_STARTS.includes(f.code) || f.container === undefined) continue;
      seen.add(f.code);
      const simulated = result.containers.find((c) => c.name === f.container);
      assert.ok(simulated, `${f.container} is simulated`);
      assert.equal(simulated.started, false, `${f.code}: ${f.message}\nbut: ${result.outcome}`);
    }
    if (result.task.failedBeforeStart)
      assert.ok(
        analysis.findings.some((f) => f.severity === 'error'),
        `the agent refuses the task (${result.task.reason}) and lint reports no error`,
      );
  });
}

test('the fixtures exercise the three rules the issue names', () => {
  for (const code of NEVER_STARTS.slice(0, 3)) assert.ok(seen.has(code), code);
});
