/**
 * The seed task definition (examples/seed-task-definition.json, the one users paste) run as a user
 * would: the built CLI reports its problems, `--fix` on a copy repairs them, and the fixed file is
 * what a working task needs.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureCli, runCli } from '../support/cli';

const SEED_PATH = 'examples/seed-task-definition.json';

/** `path:line:col severity code message` lines → codes. */
function codesOf(stdout: string, path: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`${path}:`))
    .map((l) => /^.+?:\d+:\d+ (error|warning|info|hint) (\S+) /.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[2]!);
}

/** Every string value in a JSON value, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

interface Container {
  name: string;
  essential?: boolean;
  entryPoint?: string[];
  command?: string[];
  dependsOn?: { containerName: string; condition: string }[];
  mountPoints?: { sourceVolume: string; containerPath: string }[];
  logConfiguration?: { logDriver: string; options: Record<string, string> };
}

interface Task {
  containerDefinitions: Container[];
  volumes?: { name: string }[];
}

const STRUCTURAL = [
  'essential-init-container',
  'init-not-awaited',
  'init-output-not-shared',
  'entrypoint-overrides-shell',
];

describe('the seed task definition', () => {
  let dir: string;
  let copy: string;
  const original = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Task;

  before(() => {
    ensureCli();
    dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-seed-'));
    copy = join(dir, 'seed-task-definition.json');
    copyFileSync(SEED_PATH, copy);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('`ecs-init-order lint examples/seed-task-definition.json` reports the six problems', () => {
    const run = runCli(['lint', SEED_PATH]);
    assert.equal(run.status, 1, 'exit code 1: there are errors');
    const codes = codesOf(run.stdout, SEED_PATH);
    for (const code of [...STRUCTURAL, 'awslogs-execution-role', 'aws-cli-without-task-role']) {
      assert.ok(codes.includes(code), `reports ${code}:\n${run.stdout}`);
    }
  });

  describe('after --fix on a copy', () => {
    let fixedText: string;
    let fixed: Task;

    before(() => {
      const run = runCli(['lint', '--fix', copy]);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /fixes applied/);
      fixedText = readFileSync(copy, 'utf8');
      fixed = JSON.parse(fixedText) as Task;
    });

    test('the structural problems are gone; the ones that need the user’s role ARNs remain', () => {
      const run = runCli(['lint', copy]);
      const codes = codesOf(run.stdout, copy);
      for (const code of STRUCTURAL)
        assert.ok(!codes.includes(code), `${code} is fixed:\n${run.stdout}`);
      assert.ok(codes.includes('awslogs-execution-role'));
      assert.ok(codes.includes('aws-cli-without-task-role'));
    });

    test('the file is still valid JSON', () => {
      assert.doesNotThrow(() => JSON.parse(fixedText));
    });

    test('no command, path or log setting is lost', () => {
      const kept = new Set(strings(fixed));
      for (const s of strings(original)) assert.ok(kept.has(s), `"${s}" is still in the file`);
      // The commands, whole.
      assert.ok(
        kept.has("aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"),
      );
      const app = fixed.containerDefinitions.find((c) => c.name === 'app-container')!;
      assert.deepEqual(app.command, ['python', 'app.py', '--config', '/app/config.yaml']);
      // Every awslogs option, unchanged.
      for (const c of original.containerDefinitions) {
        const after = fixed.containerDefinitions.find((x) => x.name === c.name)!;
        assert.deepEqual(after.logConfiguration, c.logConfiguration);
      }
    });

    test('it is what a working task needs', () => {
      const init = fixed.containerDefinitions.find((c) => c.name === 'init-setup')!;
      const app = fixed.containerDefinitions.find((c) => c.name === 'app-container')!;
      // The init container may exit without stopping the task.
      assert.equal(init.essential, false);
      assert.equal(app.essential, true);
      // The app waits for it to succeed.
      assert.deepEqual(app.dependsOn, [{ containerName: 'init-setup', condition: 'SUCCESS' }]);
      // The shell is the entry point; the script is the command (the image's ENTRYPOINT is aws).
      assert.deepEqual(init.entryPoint, ['sh', '-c']);
      assert.deepEqual(init.command, [
        "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'",
      ]);
      // A task volume mounted in both, at a directory that holds /app/config.yaml.
      const volumes = (fixed.volumes ?? []).map((v) => v.name);
      const shared = (init.mountPoints ?? []).filter(
        (m) =>
          volumes.includes(m.sourceVolume) &&
          (app.mountPoints ?? []).some((a) => a.sourceVolume === m.sourceVolume),
      );
      assert.equal(shared.length, 1, 'one volume mounted in both');
      const inApp = app.mountPoints!.find((a) => a.sourceVolume === shared[0]!.sourceVolume)!;
      for (const path of [shared[0]!.containerPath, inApp.containerPath]) {
        assert.ok(
          '/app/config.yaml'.startsWith(path.endsWith('/') ? path : `${path}/`),
          `${path} holds /app/config.yaml`,
        );
      }
    });

    test('a second --fix changes nothing', () => {
      const run = runCli(['lint', '--fix', copy]);
      assert.doesNotMatch(run.stdout, /: fixed: /);
      assert.equal(readFileSync(copy, 'utf8'), fixedText);
    });
  });
});
