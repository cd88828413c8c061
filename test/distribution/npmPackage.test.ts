/**
 * The npm package as a user gets it: `npm run pack:cli` builds the tarball, `npm install --offline`
 * puts it into an empty project (no network: it has no dependencies), and both bins run from
 * node_modules/.bin, far from this repository's node_modules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { packCli } from '../support/npmPackage';
import { initializeOverStdio } from '../support/stdioServer';

let tarball: string;
let packDir: string;
let project: string;
const bin = (name: string) => join(project, 'node_modules', '.bin', name);
const rootManifest = JSON.parse(readFileSync('package.json', 'utf8'));

before(() => {
  packDir = mkdtempSync(join(tmpdir(), 'ecs-init-order-tarball-'));
  tarball = packCli(packDir);
  project = mkdtempSync(join(tmpdir(), 'ecs-init-order-npm-'));
  writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "private": true }\n');
  const install = spawnSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball],
    { cwd: project, encoding: 'utf8' },
  );
  assert.equal(install.status, 0, install.stdout + install.stderr);
});
after(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(packDir, { recursive: true, force: true });
});

test('npm run pack:cli prints the tarball path last', () => {
  assert.equal(tarball, join(packDir, `ecs-init-order-${rootManifest.version}.tgz`));
  assert.ok(existsSync(tarball));
});

test('the package holds the two bundles, the HCL parser, the schema, README and LICENSE, and nothing else', () => {
  const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout;
  assert.deepEqual(listing.trim().split('\n').sort(), [
    'package/LICENSE',
    'package/README.md',
    'package/dist/cli.js',
    'package/dist/server.js',
    'package/dist/tree-sitter-terraform.wasm',
    'package/dist/tree-sitter.wasm',
    'package/package.json',
    'package/schemas/task-definition.schema.json',
  ]);
});

test('its manifest: no dependencies, both bins, engines.node, license, the extension’s version', () => {
  const installed = JSON.parse(
    readFileSync(join(project, 'node_modules/ecs-init-order/package.json'), 'utf8'),
  );
  assert.equal(installed.name, 'ecs-init-order');
  assert.equal(installed.version, rootManifest.version);
  assert.equal(installed.license, 'MIT');
  assert.equal(installed.engines.node, rootManifest.engines.node);
  assert.equal(installed.private, undefined);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts'])
    assert.equal(installed[field], undefined, field);
  assert.deepEqual(Object.keys(installed.bin).sort(), [
    'ecs-init-order',
    'ecs-init-order-language-server',
  ]);
  // npm installed nothing else: the bundles carry what they need.
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
  assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/ecs-init-order']);
});

test('the README on npm says how to install and run both commands', () => {
  const readme = readFileSync(join(project, 'node_modules/ecs-init-order/README.md'), 'utf8');
  for (const text of [
    'npm install --save-dev ecs-init-order',
    'ecs-init-order lint',
    'ecs-init-order-language-server --stdio',
    '--format sarif',
  ])
    assert.ok(readme.includes(text), text);
});

test('ecs-init-order lint finds the seed’s problems and exits 1', () => {
  copyFileSync(
    resolve('examples/seed-task-definition.json'),
    join(project, 'seed-task-definition.json'),
  );
  const run = spawnSync(bin('ecs-init-order'), ['lint', 'seed-task-definition.json'], {
    cwd: project,
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, run.stderr);
  for (const code of [
    'essential-init-container',
    'init-not-awaited',
    'entrypoint-overrides-shell',
    'init-output-not-shared',
    'awslogs-execution-role',
  ])
    assert.match(
      run.stdout,
      new RegExp(`^seed-task-definition\\.json:\\d+:\\d+ \\w+ ${code} `, 'm'),
    );
  assert.match(run.stdout, /\(3 errors, 5 warnings, .*\) in 1 task definition/);
});

test('ecs-init-order lint reads a Terraform file with the packaged parser', () => {
  copyFileSync(
    resolve('test/fixtures/terraform/broken/seed-jsonencode.tf'),
    join(project, 'main.tf'),
  );
  const run = spawnSync(bin('ecs-init-order'), ['lint', 'main.tf'], {
    cwd: project,
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^main\.tf:16:19 warning essential-init-container /m);
});

test('ecs-init-order --version prints the package version', () => {
  const run = spawnSync(bin('ecs-init-order'), ['--version'], { encoding: 'utf8' });
  assert.equal(run.stdout.trim(), rootManifest.version);
});

test('ecs-init-order-language-server answers initialize over stdio and exits on exit', async () => {
  const session = await initializeOverStdio(bin('ecs-init-order-language-server'), project);
  for (const capability of ['textDocumentSync', 'hoverProvider', 'codeActionProvider'])
    assert.ok(
      session.capabilities[capability],
      `${capability} in ${Object.keys(session.capabilities)}`,
    );
  assert.equal(session.exitCode, 0);
});
