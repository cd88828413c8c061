/**
 * The CLI on Terraform files, as users and CI run it: `ecs-init-order lint main.tf`, a directory or
 * glob that holds .tf files, SARIF, --fix (HCL that parses again), and `simulate` on a file with
 * several resources.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { syntaxFindings } from '../../../server/src/engine/index';
import { ensureCli, runCli } from '../../support/cli';
import { analyzeTf, terraformReady } from '../../support/terraform';

const SEED = 'test/fixtures/terraform/broken/seed-jsonencode.tf';

/** Two resources: the web task is correct, the worker's init container is never awaited. */
const TWO = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", essential = true },
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([
    { name = "migrate", image = "app/migrate:3", memory = 128, essential = false, command = ["./migrate"] },
    { name = "worker", image = "app/worker:3", memory = 256, essential = true },
  ])
}
`;

interface JsonOutput {
  files: { path: string; skipped?: string; diagnostics: { code: string; message: string }[] }[];
}

let dir: string;

before(async () => {
  ensureCli();
  await terraformReady();
  dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-tf-cli-'));
  mkdirSync(join(dir, 'infra', 'modules'), { recursive: true });
  copyFileSync(SEED, join(dir, 'infra', 'main.tf'));
  writeFileSync(join(dir, 'infra', 'modules', 'tasks.tf'), TWO);
  writeFileSync(join(dir, 'infra', 'variables.tf'), 'variable "region" {\n  type = string\n}\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('ecs-init-order lint on .tf files', () => {
  test('a file: findings at the HCL lines, the resource named where a file has several', () => {
    const run = runCli(['lint', join(dir, 'infra', 'main.tf')]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /main\.tf:16:19 warning essential-init-container init-setup looks like/,
    );
    assert.match(run.stdout, /main\.tf:18:\d+ error awslogs-execution-role /);
    // The summary counts task definitions: one per resource.
    assert.match(
      runCli(['lint', join(dir, 'infra', 'modules', 'tasks.tf')]).stdout,
      /\) in 2 task definitions$/m,
    );
    const two = runCli(['lint', '--format', 'json', join(dir, 'infra', 'modules', 'tasks.tf')]);
    const out = JSON.parse(two.stdout) as JsonOutput;
    assert.ok(
      out.files[0]!.diagnostics.some((d) =>
        d.message.startsWith('aws_ecs_task_definition.worker: migrate'),
      ),
      two.stdout,
    );
  });

  test('a directory and a glob take the .tf files with the resource; one named without it is skipped', () => {
    const run = runCli(['lint', '--format', 'json', join(dir, 'infra')]);
    const out = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(
      out.files.map((f) =>
        f.path
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
      ),
      ['infra/main.tf', 'infra/modules/tasks.tf'],
    );
    const glob = runCli(['lint', '--format', 'json', 'infra/**/*.tf'], { cwd: dir });
    assert.equal((JSON.parse(glob.stdout) as JsonOutput).files.length, 2);
    const named = runCli(['lint', '--format', 'json', join(dir, 'infra', 'variables.tf')]);
    assert.equal(
      (JSON.parse(named.stdout) as JsonOutput).files[0]!.skipped,
      'no aws_ecs_task_definition resource',
    );
  });

  test('SARIF: broken HCL is an hcl-syntax result with its rule descriptor', () => {
    const broken = join(dir, 'broken.tf');
    writeFileSync(broken, readFileSync(SEED, 'utf8').replace('essential = true', 'essential = '));
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', broken]).stdout);
    const rules: { id: string }[] = sarif.runs[0].tool.driver.rules;
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'hcl-syntax');
    assert.ok(result, JSON.stringify(sarif.runs[0].results));
    assert.equal(rules[result.ruleIndex]!.id, 'hcl-syntax');
  });

  test('SARIF: results located in the .tf file', () => {
    const run = runCli(['lint', '--format', 'sarif', join(dir, 'infra', 'main.tf')]);
    const sarif = JSON.parse(run.stdout);
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'essential-init-container',
    );
    assert.ok(result);
    const location = result.locations[0].physicalLocation;
    assert.match(location.artifactLocation.uri, /main\.tf$/);
    assert.equal(location.region.startLine, 16);
  });

  test('--fix writes HCL that parses, and reports what is left', () => {
    const target = join(dir, 'fix.tf');
    copyFileSync(SEED, target);
    const run = runCli(['lint', '--fix', target]);
    assert.match(run.stdout, /fixed: essential-init-container: Make init-setup non-essential/);
    const text = readFileSync(target, 'utf8');
    assert.match(text, /essential = false/);
    assert.match(text, /dependsOn = \[\{ containerName = "init-setup", condition = "SUCCESS" \}\]/);
    assert.deepEqual(syntaxFindings(analyzeTf(text).file), []);
    assert.doesNotMatch(run.stdout, /essential-init-container init-setup/);
  });
});

describe('ecs-init-order simulate on a .tf file', () => {
  test('one resource: simulated directly', () => {
    const run = runCli(['simulate', join(dir, 'infra', 'main.tf')]);
    assert.match(run.stdout, /init-setup/);
  });

  test('several: --task picks one (address or name); without it, the choices are listed', () => {
    const file = join(dir, 'infra', 'modules', 'tasks.tf');
    const none = runCli(['simulate', file]);
    assert.equal(none.status, 2);
    assert.match(
      none.stderr,
      /holds 2 task definitions: choose one with --task \(aws_ecs_task_definition\.web, aws_ecs_task_definition\.worker\)/,
    );
    const byName = runCli(['simulate', '--task', 'worker', file]);
    assert.match(byName.stdout, /migrate/);
    const byAddress = runCli(['simulate', '--task=aws_ecs_task_definition.web', file]);
    assert.equal(byAddress.status, 0, byAddress.stderr);
    assert.doesNotMatch(byAddress.stdout, /migrate/);
    const unknown = runCli(['simulate', '--task', 'api', file]);
    assert.equal(unknown.status, 2);
    assert.match(
      unknown.stderr,
      /has no task definition "api" \(task definitions: aws_ecs_task_definition\.web, aws_ecs_task_definition\.worker\)/,
    );
  });
});
