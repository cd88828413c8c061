/**
 * Running the built CLI (dist/cli.js) from tests. The bundle is rebuilt with the project's own
 * build script when it is missing or older than any file under server/src or shared/src; a lock directory keeps
 * test files that run in parallel from building at the same time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CLI = resolve('dist/cli.js');
const LOCK = resolve('dist/.cli-build.lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(CLI)) return false;
  const built = statSync(CLI).mtimeMs;
  // The CLI bundles the server's sources and what they share with the client.
  return built >= newestMtime(resolve('server/src')) && built >= newestMtime(resolve('shared/src'));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Make sure dist/cli.js is built from the current sources. */
export function ensureCli(): void {
  if (isFresh()) return;
  mkdirSync(resolve('dist'), { recursive: true });
  let locked = false;
  for (let waited = 0; waited < 120_000; waited += 200) {
    try {
      mkdirSync(LOCK);
      locked = true;
      break;
    } catch {
      // Another test file is building: wait for it, then use its bundle.
      sleep(200);
      if (!existsSync(LOCK) && isFresh()) return;
    }
  }
  try {
    if (isFresh()) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    if (locked) rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run `node dist/cli.js <args>` and collect its exit code and output. */
export function runCli(args: string[], options: { cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
