/**
 * The pre-commit hook (.pre-commit-hooks.yaml). pre-commit validates the manifest; then the hook
 * is installed the way pre-commit installs a `language: node` hook, in a copy of this repository:
 * `npm install` (here: this checkout's node_modules), `npm pack` (whose stdout pre-commit reads as
 * the tarball's name), and `npm install -g` of the package into an environment whose bin folder
 * goes first on the PATH. The one difference: npm installs the unpacked tarball here, as a folder,
 * which skips the download of the root's dependencies (the bins inline them) and so needs no
 * network. Then pre-commit itself runs the manifest's hook on a repository of task definitions and
 * other files.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { initializeOverStdio } from '../support/stdioServer';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  [key: string]: unknown;
}

const NOT_COPIED = new Set(['.git', 'node_modules', '.cache', 'dist', 'out', 'test-artifacts']);
let temp: string;
let envBin: string;
let packOutput: string;

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function preCommit(args: string[], cwd: string, path = process.env.PATH!) {
  const result = run('pre-commit', args, {
    cwd,
    env: { ...process.env, PATH: path, PRE_COMMIT_HOME: join(temp, 'pre-commit-home') },
  });
  return result;
}

before(() => {
  temp = mkdtempSync(join(tmpdir(), 'ecs-init-order-pre-commit-'));
  const clone = join(temp, 'hook-repo');
  mkdirSync(clone);
  for (const entry of readdirSync('.'))
    if (!NOT_COPIED.has(entry)) cpSync(entry, join(clone, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');

  const pack = run('npm', ['pack'], { cwd: clone });
  assert.equal(pack.status, 0, pack.stdout + pack.stderr);
  packOutput = pack.stdout;
  const unpacked = join(temp, 'unpacked');
  mkdirSync(unpacked);
  const untar = run('tar', ['-xzf', join(clone, pack.stdout.trim()), '-C', unpacked]);
  assert.equal(untar.status, 0, untar.stderr);
  const env = join(temp, 'node_env');
  const install = run('npm', [
    'install',
    '-g',
    '--offline',
    '--no-audit',
    '--no-fund',
    '--prefix',
    env,
    join(unpacked, 'package'),
  ]);
  assert.equal(install.status, 0, install.stdout + install.stderr);
  envBin = join(env, 'bin');
});
after(() => rmSync(temp, { recursive: true, force: true }));

test('pre-commit accepts the manifest', () => {
  const result = preCommit(['validate-manifest', resolve('.pre-commit-hooks.yaml')], '.');
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('npm pack prints only the tarball name, which is what pre-commit installs', () => {
  assert.match(packOutput, /^ecs-init-order-\d+\.\d+\.\d+\.tgz\n$/);
});

test('the package holds the two bundles the prepack script builds, the Terraform parser, and no sources', () => {
  const files = run('find', ['.', '-type', 'f'], { cwd: join(temp, 'unpacked/package') });
  assert.deepEqual(files.stdout.trim().split('\n').sort(), [
    './LICENSE',
    './README.md',
    './dist/cli.js',
    './dist/server.js',
    './dist/tree-sitter-terraform.wasm',
    './dist/tree-sitter.wasm',
    './package.json',
  ]);
});

test('the installed hook runs both bins without this repository', async () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  assert.equal(
    run(join(envBin, 'ecs-init-order'), ['--version'], { cwd: temp }).stdout.trim(),
    version,
  );
  const session = await initializeOverStdio(join(envBin, 'ecs-init-order-language-server'), temp);
  assert.ok(session.capabilities.hoverProvider);
  assert.equal(session.exitCode, 0);
});

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      Memory: '512'
      ContainerDefinitions:
        - Name: init-config
          Image: busybox:1.36
          Essential: false
          Command: ['sh', '-c', 'echo ready > /config/ready']
        - Name: web
          Image: nginx:1.27
`;

const TERRAFORM = `resource "aws_ecs_task_definition" "web" {
  family = "web"
  memory = "512"
  container_definitions = jsonencode([
    {
      name      = "init-config"
      image     = "busybox:1.36"
      essential = false
      command   = ["sh", "-c", "echo ready > /config/ready"]
    },
    {
      name  = "web"
      image = "nginx:1.27"
    }
  ])
}
`;

test('pre-commit runs the hook on task definitions, templates and .tf files, and fails on their errors', () => {
  const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'ecs-init-order')!;
  assert.equal(hook.language, 'node');

  const repo = join(temp, 'user-repo');
  for (const dir of ['deploy/task-defs', 'infra', '.github/workflows'])
    mkdirSync(join(repo, dir), { recursive: true });
  const seed = resolve('examples/seed-task-definition.json');
  const taskDefinitions = [
    'deploy/web-taskdef.json',
    'deploy/api.task-def.jsonc',
    'deploy/Task-Definition.prod.json',
    'deploy/container-definitions.json',
    'containers.json',
  ];
  // Not linted at all: JSON files whose names do not say task definition.
  const unmatched = ['deploy/task-defs/web.json', 'package.json'];
  for (const file of [...taskDefinitions, ...unmatched]) copyFileSync(seed, join(repo, file));
  writeFileSync(join(repo, 'infra/template.yaml'), TEMPLATE);
  writeFileSync(join(repo, 'infra/ecs.template'), TEMPLATE);
  writeFileSync(join(repo, 'infra/main.tf'), TERRAFORM);
  const matched = [
    ...taskDefinitions,
    'infra/template.yaml',
    'infra/ecs.template',
    'infra/main.tf',
  ];
  // Handed to the linter by their names, and skipped by it for what they hold.
  const skipped = ['.github/workflows/ci.yml', 'infra/variables.tf'];
  writeFileSync(join(repo, skipped[0]), 'name: ci\non: push\n');
  writeFileSync(join(repo, skipped[1]), 'variable "region" {}\n');
  copyFileSync(resolve('examples/fixed-task-definition.json'), join(repo, 'fixed-taskdef.json'));
  // The manifest's hook as it is, run where pre-commit's node environment put its bin.
  const config = { repos: [{ repo: 'local', hooks: [{ ...hook, language: 'system' }] }] };
  writeFileSync(join(repo, '.pre-commit-config.yaml'), stringify(config));
  run('git', ['init', '-q'], { cwd: repo });
  run('git', ['add', '.'], { cwd: repo });
  const path = `${envBin}${delimiter}${process.env.PATH}`;

  const all = preCommit(['run', '--all-files', '--verbose'], repo, path);
  assert.equal(all.status, 1, all.stdout + all.stderr);
  assert.match(all.stdout, /ECS task definitions \(init containers, start order\)\.+Failed/);
  for (const file of matched)
    assert.match(
      all.stdout,
      new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+ warning init-not-awaited `, 'm'),
    );
  // The template's own names in its message, the API's in the .tf file's.
  assert.match(all.stdout, /^infra\/template\.yaml:.* Add a DependsOn with Condition SUCCESS/m);
  assert.match(all.stdout, /^infra\/main\.tf:.* Add a dependsOn with condition SUCCESS/m);
  for (const file of skipped)
    assert.match(all.stdout, new RegExp(`^${file.replace(/\./g, '\\.')}: skipped: `, 'm'));
  for (const file of unmatched) assert.ok(!all.stdout.includes(file), `${file} was linted`);
  // pre-commit splits the files into batches, one linter run each.
  const linted = [...all.stdout.matchAll(/ in (\d+) task definitions?$/gm)].map((m) =>
    Number(m[1]),
  );
  assert.equal(
    linted.reduce((a, b) => a + b, 0),
    matched.length + 1,
  );

  const fixed = preCommit(
    ['run', '--files', 'fixed-taskdef.json', 'package.json', ...skipped],
    repo,
    path,
  );
  assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
  assert.match(fixed.stdout, /ECS task definitions \(init containers, start order\)\.+Passed/);
});
