// `npm run package`: the minified bundles and a Marketplace-ready VSIX at dist/ecs-init-order.vsix.
//
// The package is built in a staging copy of the checkout (a temporary folder), not in the checkout
// itself: the tests run in parallel processes that use dist/*.js while the end-to-end test packages
// the extension, and a production build over their feet would swap the bundles under them. A
// folder of its own per run, so that two packaging runs at once do not share one. The copy also
// means the VSIX holds exactly what a clean checkout would give, whatever else lies in dist/. Works offline, with CI=true and without stdin (vsce never prompts: the manifest, README,
// CHANGELOG and LICENSE are complete).
//   node scripts/package.mjs [--out <file.vsix>]
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_VSIX = join(repoRoot, 'dist', 'ecs-init-order.vsix');

/** Top-level entries that are never part of the package and are not needed to build it. */
const NOT_COPIED = new Set([
  '.git',
  'node_modules',
  '.cache',
  'dist',
  'out',
  'test-artifacts',
  '.vscode-test',
]);

function run(command, args, cwd, quiet = false) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})${quiet ? `:\n${result.stdout}${result.stderr}` : ''}`,
    );
  }
}

/** Builds the production bundles and the VSIX; returns the VSIX path. */
export function packageExtension({ out = DEFAULT_VSIX, quiet = false } = {}) {
  const started = Date.now();
  const stage = mkdtempSync(join(tmpdir(), 'ecs-init-order-vsix-'));
  try {
    return packageStaged(stage, out, quiet, started);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function packageStaged(stage, out, quiet, started) {
  for (const entry of readdirSync(repoRoot)) {
    if (NOT_COPIED.has(entry) || entry.endsWith('.vsix')) continue;
    cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true });
  }
  // The build resolves esbuild and the bundled dependencies through this link.
  symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');

  run(process.execPath, ['scripts/build.mjs', '--production'], stage, quiet);

  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  // vsce prints the files it packs (a tree), which is the check that .vscodeignore keeps only what runs.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], stage, quiet);
  if (!existsSync(out)) throw new Error(`vsce finished but ${out} is missing`);

  const size = statSync(out).size;
  const version = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')).version;
  const fromCwd = relative(process.cwd(), out);
  const shown = fromCwd && !fromCwd.startsWith('..') ? fromCwd : out;
  console.log(
    `package: ${shown} — version ${version}, ${(size / 1024).toFixed(1)} KB, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  try {
    packageExtension({
      out: outIndex > 0 ? resolve(process.argv[outIndex + 1]) : DEFAULT_VSIX,
      quiet: process.argv.includes('--quiet'),
    });
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
