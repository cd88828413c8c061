// The project's one test command (`npm test`): type-check, build the bundles, then run every
// test file in one node:test run so that the runner prints a single closing summary.
// `--unit` runs only the fast tests under test/unit (no build, no browser, no VS Code).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const unitOnly = process.argv.includes('--unit');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (entry.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

if (!unitOnly) {
  run('npx', ['tsc', '-b']);
  run('node', ['scripts/build.mjs']);
}
const files = findTests(unitOnly ? 'test/unit' : 'test');
run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
