// `npm run pack:cli`: the npm package `ecs-init-order` (the CLI and the stdio language server) as a
// tarball, and its path as the last line printed.
//
// The package is assembled in a temporary folder from packages/cli/ (its package.json without the
// fields it shares with the extension, and its README), the LICENSE, the schema, and minified
// bundles built there, never over dist/*.js, which the tests run in parallel. The bundles inline
// every dependency, so the package has none. Works offline.
//   node scripts/pack-cli.mjs [--out-dir <dir>]   (default: dist/)
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

export function packCli({ outDir = join(repoRoot, 'dist') } = {}) {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const template = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8'));
  // What the package shares with the extension comes from the extension's manifest, so that a
  // release bumps one version.
  const { name, ...ownFields } = template;
  const manifest = {
    name,
    version: root.version,
    ...ownFields,
    license: root.license,
    repository: root.repository,
    bugs: root.bugs,
    homepage: root.homepage,
    engines: { node: root.engines.node },
  };

  const stage = mkdtempSync(join(tmpdir(), 'ecs-init-order-pack-'));
  try {
    return packStaged(stage, manifest, outDir);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function packStaged(stage, manifest, outDir) {
  mkdirSync(join(stage, 'schemas'), { recursive: true });
  run(
    process.execPath,
    ['scripts/build.mjs', '--production', '--only', 'cli,server', '--outdir', join(stage, 'dist')],
    repoRoot,
  );
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(join(repoRoot, 'packages/cli/README.md'), join(stage, 'README.md'));
  copyFileSync(join(repoRoot, 'LICENSE'), join(stage, 'LICENSE'));
  copyFileSync(
    join(repoRoot, 'schemas/task-definition.schema.json'),
    join(stage, 'schemas/task-definition.schema.json'),
  );

  mkdirSync(outDir, { recursive: true });
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir], stage))[0];
  const tarball = join(outDir, packed.filename);
  console.log(
    `pack:cli: ${packed.name}@${packed.version}, ${packed.entryCount} files, ${(statSync(tarball).size / 1024).toFixed(1)} KB`,
  );
  console.log(tarball);
  return tarball;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out-dir');
  try {
    packCli(outIndex > 0 ? { outDir: resolve(process.argv[outIndex + 1]) } : {});
  } catch (error) {
    console.error(`pack:cli: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
