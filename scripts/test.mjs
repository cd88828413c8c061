// The project's one test command (`npm test`): type-check, build the bundles, then run every
// test file in one node:test run so that the runner prints a single closing summary.
// `--unit` is the inner loop: the tests under test/unit (no build, no browser, no VS Code) except
// the long suites below, one test file per core at a time (node:test's default leaves a core free,
// which on a 2-core machine means one file after another).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const unitOnly = process.argv.includes('--unit');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The rule tests run in one process through test/unit/rules.test.ts, which loads every file of
// this folder: a process per file would cost more than most of them take.
const LOADED_TOGETHER = join('test', 'unit', 'rules');

// Unit tests that only `npm test` runs: they repeat the engine over many generated or collected
// inputs (fuzzing, properties, comparisons with the JSON engine, corpora of real files, inputs at
// the size limits) and take about half of the unit tests' time. docs/testing.md lists them.
const LONG_SUITES = new Set(
  [
    'test/unit/fuzz.test.ts',
    'test/unit/terraform/fuzz.test.ts',
    'test/unit/engine/simulate.property.test.ts',
    'test/unit/cloudformation/sameAsJson.test.ts',
    'test/unit/terraform/sameAsJson.test.ts',
    'test/unit/cloudformation/reuse.test.ts',
    'test/unit/real-world.test.ts',
    'test/unit/cloudformation/realTemplates.test.ts',
    'test/unit/terraform/realWorld.test.ts',
    'test/unit/pathological.test.ts',
    'test/unit/cloudformation/pathological.test.ts',
    'test/unit/terraform/pathological.test.ts',
  ].map((path) => join(...path.split('/'))),
);

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (p !== LOADED_TOGETHER) out.push(...findTests(p));
    } else if (entry.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

if (!unitOnly) {
  run('npx', ['tsc', '-b']);
  run('node', ['scripts/build.mjs']);
}
const files = unitOnly
  ? findTests(join('test', 'unit')).filter((f) => !LONG_SUITES.has(f))
  : findTests('test');
const concurrency = unitOnly ? [`--test-concurrency=${availableParallelism()}`] : [];
run('node', ['--import', 'tsx', '--test', ...concurrency, '--test-reporter=spec', ...files]);
