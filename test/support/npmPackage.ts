/** The npm package as `npm run pack:cli` builds it, for the tests of the ways users install it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Runs `npm run pack:cli` into the folder and returns the tarball path it printed last. */
export function packCli(outDir: string): string {
  const pack = spawnSync('npm', ['run', '--silent', 'pack:cli', '--', '--out-dir', outDir], {
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, pack.stdout + pack.stderr);
  return pack.stdout.trim().split('\n').at(-1)!;
}
