/**
 * `ecs-init-order simulate` as users run it: the built bundle on the seed task definition (as
 * written, after `lint --fix`, and with its init container failing), the JSON shape the issue fixes,
 * the text timeline, and the exit codes.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureCli, runCli } from '../support/cli';

const SEED = 'examples/seed-task-definition.json';

interface Output {
  containers: {
    name: string;
    started: boolean;
    startedAt: number | null;
    exitCode: number | null;
    stoppedAt: number | null;
    stopReason: string | null;
  }[];
  task: { stops: boolean; stoppedAt: number | null; reason: string | null };
  timeline: { at: number; container: string; event: string; detail: string }[];
}

function simulateJson(...args: string[]): { status: number; out: Output } {
  const run = runCli(['simulate', '--format', 'json', ...args]);
  assert.equal(run.stderr, '');
  return { status: run.status, out: JSON.parse(run.stdout) as Output };
}

function byName(out: Output, name: string) {
  const c = out.containers.find((x) => x.name === name);
  assert.ok(c, name);
  return c;
}

let dir: string;
let fixed: string;

before(() => {
  ensureCli();
  dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-simulate-'));
  fixed = join(dir, 'seed-task-definition.json');
  copyFileSync(SEED, fixed);
  assert.equal(runCli(['lint', '--fix', fixed]).stderr, '');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the seed task definition', () => {
  test('as written: the app may start before init-setup, and the task stops when init-setup exits (it is essential)', () => {
    const { status, out } = simulateJson(SEED);
    assert.equal(status, 1);
    const init = byName(out, 'init-setup');
    const app = byName(out, 'app-container');
    assert.equal(init.exitCode, 0);
    assert.ok(app.startedAt !== null && app.startedAt <= init.stoppedAt!, 'the app starts first');
    assert.equal(out.task.stops, true);
    assert.match(out.task.reason!, /^init-setup is essential and exited with code 0/);
  });

  test('after lint --fix: the app starts only after init-setup exited 0, and the task keeps running', () => {
    const { status, out } = simulateJson(fixed);
    assert.equal(status, 0);
    const init = byName(out, 'init-setup');
    const app = byName(out, 'app-container');
    assert.equal(init.exitCode, 0);
    assert.equal(app.startedAt, init.stoppedAt);
    assert.equal(out.task.stops, false);
  });

  test('after lint --fix, with --exit init-setup=1: the app never starts', () => {
    const { status, out } = simulateJson(fixed, '--exit', 'init-setup=1');
    assert.equal(status, 1);
    const app = byName(out, 'app-container');
    assert.equal(app.started, false);
    assert.equal(app.startedAt, null);
    assert.equal(out.task.stops, true);
    assert.match(out.task.reason!, /app-container/);
  });
});

describe('output', () => {
  test('JSON in the issue’s shape', () => {
    const { out } = simulateJson(SEED);
    for (const c of out.containers) {
      assert.equal(typeof c.name, 'string');
      assert.equal(typeof c.started, 'boolean');
      for (const k of ['startedAt', 'exitCode', 'stoppedAt'] as const)
        assert.ok(c[k] === null || typeof c[k] === 'number', `${k} of ${c.name}`);
      assert.ok(c.stopReason === null || typeof c.stopReason === 'string');
    }
    assert.equal(typeof out.task.stops, 'boolean');
    assert.ok(out.task.stoppedAt === null || typeof out.task.stoppedAt === 'number');
    assert.ok(out.task.reason === null || typeof out.task.reason === 'string');
    const kinds = ['create', 'start', 'healthy', 'unhealthy', 'exit', 'stopped', 'blocked'];
    assert.ok(out.timeline.length > 0);
    for (const e of out.timeline) {
      assert.equal(typeof e.at, 'number');
      assert.equal(typeof e.container, 'string');
      assert.ok(kinds.includes(e.event), e.event);
      assert.equal(typeof e.detail, 'string');
    }
  });

  test('text: a timeline and one sentence of outcome', () => {
    const run = runCli(['simulate', fixed, '--exit=init-setup=1']);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(
      lines.find((l) => /init-setup\s+exit/.test(l)) ?? '',
      /^5 s\s+init-setup\s+exit\s+exited with code 1$/,
    );
    assert.equal(
      lines.at(-1),
      'app-container never starts: init-setup exited with code 1 and app-container waits for SUCCESS; the task stops because app-container is essential and was stopped without starting at 5 s.',
    );
  });

  test('--runtime and --unhealthy', () => {
    const file = join(dir, 'health-task-definition.json');
    writeFileSync(
      file,
      JSON.stringify({
        family: 'h',
        containerDefinitions: [
          {
            name: 'envoy',
            image: 'envoy',
            healthCheck: { command: ['CMD-SHELL', 'true'], interval: 5 },
          },
          {
            name: 'app',
            image: 'app',
            dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }],
          },
        ],
      }),
    );
    const healthy = simulateJson(file, '--runtime', 'envoy=60');
    assert.equal(byName(healthy.out, 'app').startedAt, 5);
    assert.equal(byName(healthy.out, 'envoy').stoppedAt, 60);
    const unhealthy = simulateJson(file, '--unhealthy', 'envoy');
    assert.equal(unhealthy.status, 1);
    assert.equal(byName(unhealthy.out, 'app').started, false);
  });
});

describe('exit code 2', () => {
  const usage = (args: string[], message: RegExp) => {
    const run = runCli(['simulate', ...args]);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, message);
  };

  test('usage errors', () => {
    usage([], /no file given/);
    usage([SEED, fixed], /one file/);
    usage([SEED, '--exit', 'init-setup'], /--exit takes <name>=<code>/);
    usage([SEED, '--exit', 'init-setup=-1'], /exit code must be 0 to 255/);
    usage([SEED, '--runtime', 'init-setup=soon'], /seconds must be a number/);
    usage([SEED, '--format', 'sarif'], /--format must be text or json/);
    usage([SEED, '--loud'], /unknown option "--loud"/);
    usage(
      [SEED, '--exit', 'init=1'],
      /no container named "init" \(containers: init-setup, app-container\)/,
    );
  });

  test('a file that cannot be read, is not JSON, or is not a task definition', () => {
    usage([join(dir, 'missing.json')], /cannot read/);
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'hello');
    usage([notJson], /not valid JSON/);
    const other = join(dir, 'package.json');
    writeFileSync(other, '{ "name": "x" }');
    usage([other], /not an ECS task definition/);
  });
});
