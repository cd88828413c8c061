// `npm run fuzz [runs] [seed]`: the long fuzzing run (the bounded one is part of `npm test`): the
// engine on mutated task definitions: no exception, ranges inside the text, fixes that keep it valid.
// A failure prints fast-check's seed and path, so the case can be replayed with the same seed.
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? '20000';
const seed = process.argv[3] ?? String(Date.now() % 2 ** 31);
console.log(`fuzz: ${runs} cases, seed ${seed} (replay: npm run fuzz -- ${runs} ${seed})`);
const r = spawnSync(
  'node',
  ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/unit/fuzz.test.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
  },
);
process.exit(r.status ?? 1);
