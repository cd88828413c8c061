/**
 * The start simulator, one semantic item at a time. Each test names the ECS agent behaviour it
 * follows (file and function in aws/amazon-ecs-agent; docs/simulate.md has the citations).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyze,
  simulate,
  whatIfFails,
  type ScenarioOverrides,
  type SimulatedContainer,
  type SimulationResult,
} from '../../../server/src/engine/index';

type Container = Record<string, unknown>;

function run(containers: Container[], overrides: ScenarioOverrides = {}): SimulationResult {
  const model = analyze(JSON.stringify({ family: 't', containerDefinitions: containers })).model;
  assert.ok(model);
  return simulate(model, overrides);
}

function container(r: SimulationResult, name: string): SimulatedContainer {
  const c = r.containers.find((x) => x.name === name);
  assert.ok(c, `no container ${name}`);
  return c;
}

/** The timeline as `at container event` lines (create left out: it always comes with start). */
function steps(r: SimulationResult): string[] {
  return r.timeline
    .filter((e) => e.event !== 'create')
    .map((e) => `${e.at} ${e.container} ${e.event}`);
}

const init = (name: string, extra: Container = {}): Container => ({
  name,
  image: 'busybox',
  essential: false,
  ...extra,
});
const app = (name: string, extra: Container = {}): Container => ({
  name,
  image: 'nginx',
  essential: true,
  ...extra,
});
const healthCheck = (extra: Container = {}): Container => ({
  command: ['CMD-SHELL', 'true'],
  interval: 10,
  ...extra,
});
const waitsFor = (containerName: string, condition: string) => ({
  dependsOn: [{ containerName, condition }],
});

describe('conditions (graph.go: containerOrderingDependenciesIsResolved)', () => {
  test('START is met once the target runs', () => {
    const r = run([app('db'), app('web', waitsFor('db', 'START'))]);
    assert.deepEqual(steps(r), ['0 db start', '0 web start']);
    assert.equal(r.outcome, 'Every container starts and the task keeps running.');
  });

  test('START is met by a target that has already run and stopped (PR #3927; the choice in choices.ts)', () => {
    const r = run(
      [
        init('init-sidecar', { essential: false }),
        init('migrate'),
        app('web', {
          dependsOn: [
            { containerName: 'init-sidecar', condition: 'START' },
            { containerName: 'migrate', condition: 'SUCCESS' },
          ],
        }),
      ],
      { 'init-sidecar': { runtime: 1 } },
    );
    assert.equal(container(r, 'init-sidecar').stoppedAt, 1);
    assert.equal(container(r, 'web').startedAt, 5);
  });

  test('START and SUCCESS on the same target: like SUCCESS alone (follows from the START choice)', () => {
    const r = run([
      init('migrate'),
      app('web', {
        dependsOn: [
          { containerName: 'migrate', condition: 'START' },
          { containerName: 'migrate', condition: 'SUCCESS' },
        ],
      }),
    ]);
    assert.equal(container(r, 'web').startedAt, 5);
  });

  test('COMPLETE is met when the target exits, whatever its exit code', () => {
    const r = run([init('migrate'), app('web', waitsFor('migrate', 'COMPLETE'))], {
      migrate: { exitCode: 3 },
    });
    assert.deepEqual(steps(r), ['0 migrate start', '5 migrate exit', '5 web start']);
    assert.equal(container(r, 'migrate').exitCode, 3);
  });

  test('SUCCESS is met when the target exits with code 0', () => {
    const r = run([init('migrate'), app('web', waitsFor('migrate', 'SUCCESS'))], {
      migrate: { runtime: 12 },
    });
    assert.equal(container(r, 'web').startedAt, 12);
  });

  test('HEALTHY is met at the target’s first passing health check', () => {
    const r = run([
      app('redis', { healthCheck: healthCheck({ interval: 15, startPeriod: 60 }) }),
      app('web', waitsFor('redis', 'HEALTHY')),
    ]);
    // startPeriod only forgives failures: a passing check counts at once.
    assert.deepEqual(steps(r), ['0 redis start', '15 redis healthy', '15 web start']);
    assert.equal(container(r, 'redis').healthyAt, 15);
  });
});

describe('the order ECS adds (task.go: initializeContainerOrdering, addFirelensContainerDependency)', () => {
  test('links: START on the linked container', () => {
    const r = run([
      init('migrate'),
      app('php', waitsFor('migrate', 'SUCCESS')),
      app('nginx', { links: ['php:fpm'] }),
    ]);
    assert.equal(container(r, 'nginx').startedAt, 5);
    assert.match(
      r.timeline.find((e) => e.container === 'nginx' && e.event === 'start')!.detail,
      /php \(START, links\)/,
    );
  });

  test('volumesFrom: the source only has to be created (CREATE), so one that already exited counts', () => {
    const r = run(
      [
        init('assets'),
        init('migrate'),
        app('web', {
          volumesFrom: [{ sourceContainer: 'assets' }],
          ...waitsFor('migrate', 'SUCCESS'),
        }),
      ],
      { assets: { runtime: 1 }, migrate: { runtime: 3 } },
    );
    assert.equal(container(r, 'assets').stoppedAt, 1);
    assert.equal(container(r, 'web').startedAt, 3);
  });

  test('volumesFrom: a source that waits holds the container back until it is created', () => {
    const r = run([
      init('migrate'),
      app('php', waitsFor('migrate', 'SUCCESS')),
      app('nginx', { volumesFrom: [{ sourceContainer: 'php' }] }),
    ]);
    assert.equal(container(r, 'nginx').startedAt, 5);
  });

  const router = (extra: Container = {}) =>
    app('log_router', { firelensConfiguration: { type: 'fluentbit' }, ...extra });
  const logsToFirelens = { logConfiguration: { logDriver: 'awsfirelens' } };

  test('FireLens: a container logging through awsfirelens waits for the router to START', () => {
    const r = run([
      init('config'),
      router(waitsFor('config', 'SUCCESS')),
      app('web', logsToFirelens),
    ]);
    // The router waits for config, so it has a dependency of its own: no FireLens order at all.
    assert.equal(container(r, 'web').startedAt, 0);
    const plain = run([router(), app('web', logsToFirelens)]);
    assert.match(
      plain.timeline.find((e) => e.container === 'web' && e.event === 'start')!.detail,
      /log_router \(START, FireLens\)/,
    );
  });

  test('FireLens: a container that names the router in its own dependsOn keeps only its own condition', () => {
    const r = run([
      router({ healthCheck: healthCheck() }),
      app('web', { ...logsToFirelens, ...waitsFor('log_router', 'HEALTHY') }),
    ]);
    const start = r.timeline.find((e) => e.container === 'web' && e.event === 'start')!;
    assert.equal(start.at, 10);
    assert.equal(start.detail, 'after log_router (HEALTHY)');
  });

  test('FireLens: a router with links of its own adds no order (HasContainerDependencies)', () => {
    const r = run([app('db'), router({ links: ['db'] }), app('web', logsToFirelens)]);
    assert.equal(
      r.timeline.find((e) => e.container === 'web' && e.event === 'start')!.detail,
      'nothing to wait for',
    );
  });
});

describe('terminal dependency errors (graph.go: verifyContainerOrderingStatusResolvable; task_manager.go: handleTerminalDependencyError)', () => {
  test('a SUCCESS target that exits non-zero: the dependent is stopped without starting, exit code 143', () => {
    const r = run([init('prepare'), app('web', waitsFor('prepare', 'SUCCESS'))], {
      prepare: { exitCode: 1 },
    });
    const web = container(r, 'web');
    assert.equal(web.started, false);
    assert.equal(web.exitCode, 143);
    assert.equal(web.stopKind, 'dependency-error');
    assert.deepEqual(steps(r), [
      '0 prepare start',
      '5 prepare exit',
      '5 web blocked',
      '5 web stopped',
    ]);
    assert.equal(
      r.outcome,
      'web never starts: prepare exited with code 1 and web waits for SUCCESS; the task stops because web is essential and was stopped without starting at 5 s.',
    );
    assert.equal(r.task.stoppedBy, 'web');
  });

  test('a non-essential dependent stopped this way leaves the task running', () => {
    const r = run([init('prepare'), app('web'), init('report', waitsFor('prepare', 'SUCCESS'))], {
      prepare: { exitCode: 2 },
    });
    assert.equal(container(r, 'report').started, false);
    assert.equal(r.task.stops, false);
    assert.match(r.outcome, /; the task keeps running without it\.$/);
  });

  test('the TARGET’s startTimeout, counted from the target’s start, ends a SUCCESS, COMPLETE or HEALTHY wait', () => {
    const r = run(
      [
        init('config'),
        init('migrate', { startTimeout: 10, ...waitsFor('config', 'SUCCESS') }),
        app('web', waitsFor('migrate', 'COMPLETE')),
      ],
      { migrate: { runtime: 30 } },
    );
    // migrate starts at 5 (after config), so its 10 s run out at 15.
    const web = container(r, 'web');
    assert.equal(web.stoppedAt, 15);
    assert.equal(web.stopKind, 'dependency-error');
    assert.match(
      web.neverStartsBecause!,
      /migrate did not reach COMPLETE within its startTimeout \(10 s from its start at 5 s\)/,
    );
  });

  test('a target that finishes within its startTimeout (even exactly at it) is in time', () => {
    const r = run(
      [init('migrate', { startTimeout: 10 }), app('web', waitsFor('migrate', 'SUCCESS'))],
      {
        migrate: { runtime: 10 },
      },
    );
    assert.equal(container(r, 'web').startedAt, 10);
  });

  test('the waiting container’s own startTimeout bounds nothing, and no startTimeout means no limit (hasDependencyTimedOut)', () => {
    const r = run(
      [init('migrate'), app('web', { startTimeout: 5, ...waitsFor('migrate', 'SUCCESS') })],
      {
        migrate: { runtime: 600 },
      },
    );
    assert.equal(container(r, 'web').startedAt, 600);
  });

  test('startTimeout does not apply to START', () => {
    const r = run([
      init('config'),
      app('proxy', { startTimeout: 2, ...waitsFor('config', 'SUCCESS') }),
      app('web', waitsFor('proxy', 'START')),
    ]);
    assert.equal(container(r, 'web').startedAt, 5);
  });

  test('HEALTHY: the target’s startTimeout still ends the wait after it turned healthy, while the waiting container waits for something else too', () => {
    // The agent checks the timeout before the condition, for as long as the dependent is not created.
    const r = run(
      [
        app('redis', { startTimeout: 20, healthCheck: healthCheck() }),
        init('migrate'),
        app('web', {
          dependsOn: [
            { containerName: 'redis', condition: 'HEALTHY' },
            { containerName: 'migrate', condition: 'SUCCESS' },
          ],
        }),
      ],
      { migrate: { runtime: 30 } },
    );
    assert.equal(container(r, 'redis').healthyAt, 10);
    assert.equal(container(r, 'web').stoppedAt, 20);
    assert.equal(container(r, 'web').started, false);
  });

  test('a target that can never start ends every wait on it, whatever the condition (HasNotAndWillNotStart)', () => {
    const r = run(
      [
        init('prepare'),
        init('seed', waitsFor('prepare', 'SUCCESS')),
        app('web', waitsFor('seed', 'COMPLETE')),
        app('worker', { links: ['web'] }),
      ],
      { prepare: { exitCode: 1 } },
    );
    assert.deepEqual(
      r.containers.map((c) => [c.name, c.started, c.stopKind]),
      [
        ['prepare', true, 'exited'],
        ['seed', false, 'dependency-error'],
        ['web', false, 'dependency-error'],
        ['worker', false, 'task-stopping'],
      ],
    );
    assert.match(
      container(r, 'web').neverStartsBecause!,
      /^seed never starts and web waits for it \(COMPLETE\)$/,
    );
  });
});

describe('refused before anything starts (docker_task_engine.go: AddTask → PostUnmarshalTask, ValidDependencies)', () => {
  const refused = (r: SimulationResult) => {
    assert.equal(r.task.failedBeforeStart, true);
    assert.equal(r.task.stops, true);
    assert.equal(r.task.stoppedAt, 0);
    assert.ok(r.containers.every((c) => !c.started && c.stopKind === 'task-failed'));
  };

  test('HEALTHY on a container without a healthCheck', () => {
    const r = run([app('db'), app('web', waitsFor('db', 'HEALTHY'))]);
    refused(r);
    assert.equal(
      r.outcome,
      'The task fails before any container starts: web waits for db to be HEALTHY, but db has no healthCheck.',
    );
  });

  test('a cycle, through an implicit order too', () => {
    const r = run([app('a', waitsFor('b', 'START')), app('b', { links: ['a'] })]);
    refused(r);
    assert.equal(r.task.reason, 'a → b → a wait for each other in a cycle');
  });

  test('an unknown container, a self dependency, an unknown link or volumesFrom source', () => {
    refused(run([app('web', waitsFor('cache', 'START'))]));
    refused(run([app('web', waitsFor('web', 'START'))]));
    refused(run([app('web', { links: ['cache:redis'] })]));
    refused(run([app('web', { volumesFrom: [{ sourceContainer: 'data' }] })]));
    assert.match(
      run([app('web', { links: ['cache:redis'] })]).task.reason!,
      /web links to "cache:redis", but no container has that name/,
    );
  });

  test('a template placeholder is left out with a note, not judged as an unknown name', () => {
    const r = run([app('web', waitsFor('${sidecar_name}', 'START'))]);
    assert.equal(r.task.failedBeforeStart, false);
    assert.equal(container(r, 'web').started, true);
    assert.match(r.notes[0]!, /template placeholder/);
  });
});

describe('essential containers (task.go: updateTaskDesiredStatusUnsafe)', () => {
  test('an essential container that exits, with code 0 too, stops the task', () => {
    const r = run([app('init-setup'), app('web')]);
    assert.equal(container(r, 'init-setup').exitCode, 0);
    assert.equal(r.task.stops, true);
    assert.equal(r.task.stoppingAt, 5);
    assert.equal(r.task.stoppedBy, 'init-setup');
    assert.equal(r.task.reason, 'init-setup is essential and exited with code 0 at 5 s');
  });

  test('a non-essential container that exits, with any code, does not', () => {
    const r = run([init('init-setup'), app('web')], { 'init-setup': { exitCode: 1 } });
    assert.equal(r.task.stops, false);
  });
});

describe('shutdown (graph.go: verifyShutdownOrder; docker_task_engine.go: stopContainer)', () => {
  test('in reverse dependency order, each container given its stopTimeout', () => {
    const r = run([
      app('db', { stopTimeout: 20 }),
      app('api', { stopTimeout: 10, ...waitsFor('db', 'START') }),
      app('web', { links: ['api'] }),
      app('migrate', { essential: true }),
    ]);
    // migrate (essential, init-shaped) exits at 5: web stops first (default 30 s), then api, then db.
    assert.deepEqual(
      ['web', 'api', 'db'].map((n) => [container(r, n).stopRequestedAt, container(r, n).stoppedAt]),
      [
        [5, 35],
        [35, 45],
        [45, 65],
      ],
    );
    assert.equal(r.task.stoppedAt, 65);
    assert.equal(container(r, 'db').stopKind, 'task-stopping');
  });

  test('a container still waiting when the task stops is stopped without starting', () => {
    const r = run([app('setup'), init('migrate'), app('web', waitsFor('migrate', 'SUCCESS'))], {
      setup: { runtime: 1 },
    });
    const web = container(r, 'web');
    assert.equal(web.started, false);
    assert.equal(web.stoppedAt, 1);
    assert.equal(
      r.outcome,
      'web never starts: the task stops first, because setup is essential and exited with code 0 at 1 s (every container has stopped by 5 s).',
    );
  });
});

describe('health (moby daemon/health.go; ECS HealthCheck defaults)', () => {
  test('never healthy: unhealthy after `retries` failures; failures in the start period do not count', () => {
    const r = run(
      [app('envoy', { healthCheck: healthCheck({ interval: 10, retries: 3, startPeriod: 25 }) })],
      {
        envoy: { neverHealthy: true },
      },
    );
    // Checks at 10, 20 (forgiven), 30, 40, 50: the third counted failure is at 50.
    assert.equal(container(r, 'envoy').unhealthyAt, 50);
    assert.equal(container(r, 'envoy').healthyAt, null);
  });

  test('the defaults: interval 30, retries 3', () => {
    const r = run([app('envoy', { healthCheck: { command: ['CMD-SHELL', 'true'] } })], {
      envoy: { neverHealthy: true },
    });
    assert.equal(container(r, 'envoy').unhealthyAt, 90);
  });

  test('HEALTHY on a container that never turns healthy waits forever without a startTimeout', () => {
    const r = run(
      [app('envoy', { healthCheck: healthCheck() }), app('web', waitsFor('envoy', 'HEALTHY'))],
      {
        envoy: { neverHealthy: true },
      },
    );
    assert.equal(container(r, 'web').started, false);
    assert.equal(r.task.stops, false);
    assert.deepEqual(steps(r).slice(-1), ['30 web blocked']);
    assert.equal(
      r.outcome,
      'web never starts: it waits for envoy (HEALTHY), and envoy is unhealthy from 30 s and has no startTimeout; the task stays PENDING: an essential container never starts.',
    );
  });

  test('… and ends at the target’s startTimeout with one', () => {
    const r = run(
      [
        app('envoy', { startTimeout: 45, healthCheck: healthCheck() }),
        app('web', waitsFor('envoy', 'HEALTHY')),
      ],
      { envoy: { neverHealthy: true } },
    );
    assert.equal(container(r, 'web').stoppedAt, 45);
    assert.equal(r.task.stoppedBy, 'web');
  });
});

describe('the scenario', () => {
  test('init containers exit after 5 s with code 0; the others run until stopped', () => {
    const r = run([
      init('fetch-config', { command: ['aws', 's3', 'cp', 's3://b/k', '/cfg/k'] }),
      app('web'),
    ]);
    assert.deepEqual(
      r.containers.map((c) => [c.name, c.oneShot, c.exitCode]),
      [
        ['fetch-config', true, 0],
        ['web', false, null],
      ],
    );
  });

  test('a runtime or an exit code makes any container one-shot', () => {
    const r = run([app('web'), app('worker')], { web: { runtime: 7 }, worker: { exitCode: 2 } });
    assert.deepEqual(
      r.containers.map((c) => [c.name, c.stoppedAt, c.exitCode]),
      [
        ['web', 7, 0],
        ['worker', 5, 2],
      ],
    );
  });

  test('a scenario for a name no container has is noted', () => {
    const r = run([app('web')], { wbe: { exitCode: 1 } });
    assert.deepEqual(r.notes, ['No container is named "wbe": its scenario is ignored.']);
  });

  test('the result is plain JSON', () => {
    const r = run([init('migrate'), app('web', waitsFor('migrate', 'SUCCESS'))]);
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });
});

describe('whatIfFails (the hover line)', () => {
  function line(containers: Container[], name: string): string {
    const model = analyze(JSON.stringify({ family: 't', containerDefinitions: containers })).model!;
    return whatIfFails(model, model.byName.get(name)!);
  }

  test('an init container the app waits for with SUCCESS', () => {
    assert.equal(
      line([init('migrate'), app('web', waitsFor('migrate', 'SUCCESS'))], 'migrate'),
      'If migrate fails (exits with code 1): web never starts (migrate exited with code 1 and web waits for SUCCESS); the task stops because web is essential and was stopped without starting at 5 s.',
    );
  });

  test('a sidecar nothing needs', () => {
    assert.equal(
      line([init('metrics'), app('web')], 'metrics'),
      'If metrics fails (exits with code 1): every container starts and the task keeps running.',
    );
  });

  test('an essential init container: the task stops either way', () => {
    assert.equal(
      line([app('init-setup'), app('web')], 'init-setup'),
      'If init-setup fails (exits with code 1): the task stops because init-setup is essential and exited with code 1 at 5 s, as it does when init-setup exits with code 0.',
    );
  });
});
