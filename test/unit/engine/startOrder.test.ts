/** The start-order graph: explicit and implicit edges, phases, cycles. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { buildStartOrder, type StartOrder } from '../../../server/src/engine/startOrder';
import { EC2_BRIDGE_LINKS, FIRELENS_ROUTER, INIT_DONE_RIGHT } from '../rules/helpers';

function order(text: string): StartOrder {
  const m = analyze(text).model;
  assert.ok(m);
  return buildStartOrder(m);
}

/** Edges as `from -> to CONDITION reason`, implicit ones marked. */
function edges(o: StartOrder): string[] {
  return o.edges.map(
    (e) =>
      `${e.from.id} -> ${e.to.id} ${e.condition} ${e.reason}${e.implicit ? ' (implicit)' : ''}`,
  );
}

function phases(o: StartOrder): Record<string, number> {
  return Object.fromEntries([...o.phase].map(([c, p]) => [c.id, p]));
}

function task(containers: string): string {
  return `{ "family": "t", "containerDefinitions": [\n${containers}\n] }`;
}

describe('phases', () => {
  test('containers nothing orders start together in phase 0', () => {
    const o = order(task('{ "name": "a" }, { "name": "b" }, { "name": "c" }'));
    assert.deepEqual(phases(o), { a: 0, b: 0, c: 0 });
    assert.deepEqual(edges(o), []);
  });

  test('a phase is the longest chain of waits before a container', () => {
    const o = order(
      task(`{ "name": "migrate", "essential": false },
{ "name": "api", "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }] },
{ "name": "worker", "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }, { "containerName": "api", "condition": "HEALTHY" }] },
{ "name": "metrics" }`),
    );
    assert.deepEqual(phases(o), { migrate: 0, api: 1, worker: 2, metrics: 0 });
    assert.deepEqual(edges(o), [
      'migrate -> api SUCCESS dependsOn',
      'migrate -> worker SUCCESS dependsOn',
      'api -> worker HEALTHY dependsOn',
    ]);
  });

  test('a chain listed from its end: each container a phase after the one it waits for', () => {
    const o = order(
      task(`{ "name": "web", "dependsOn": [{ "containerName": "api", "condition": "HEALTHY" }] },
{ "name": "api", "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }] },
{ "name": "migrate", "dependsOn": [{ "containerName": "fetch-config", "condition": "SUCCESS" }] },
{ "name": "fetch-config", "essential": false }`),
    );
    assert.deepEqual(phases(o), { web: 3, api: 2, migrate: 1, 'fetch-config': 0 });
  });

  test('a container waiting for two others, one of which waits for the other, is no cycle', () => {
    const o = order(
      task(`{ "name": "config" },
{ "name": "app", "dependsOn": [{ "containerName": "config", "condition": "START" }, { "containerName": "db", "condition": "HEALTHY" }] },
{ "name": "db", "dependsOn": [{ "containerName": "config", "condition": "START" }] }`),
    );
    assert.deepEqual(o.cycles, []);
    assert.deepEqual(phases(o), { config: 0, app: 2, db: 1 });
  });

  test('fifty levels of containers, each waiting for both of the level before: every one gets its phase', () => {
    // As many paths lead to the last level as 2 to the 50th: the layering visits each container
    // once, not once per path, or this file would never finish.
    const levels = Array.from({ length: 50 }, (_, i) => [`l${i}a`, `l${i}b`]);
    const o = order(
      task(
        levels
          .flatMap((names, i) =>
            names.map((name) => {
              const waits = i === 0 ? [] : levels[i - 1]!;
              const dependsOn = waits.map((w) => ({ containerName: w, condition: 'START' }));
              return JSON.stringify({ name, dependsOn });
            }),
          )
          .join(',\n'),
      ),
    );
    assert.deepEqual(
      phases(o),
      Object.fromEntries(levels.flatMap((names, i) => names.map((name) => [name, i]))),
    );
  });

  test('the init container done right: init first, the app after it', () => {
    const o = order(INIT_DONE_RIGHT);
    assert.deepEqual(phases(o), { 'init-setup': 0, 'app-container': 1 });
  });

  test('an entry without a condition still orders (drawn as START); unknown names and self-references add no edge', () => {
    const o = order(
      task(`{ "name": "db" },
{ "name": "api", "dependsOn": [{ "containerName": "db" }, { "containerName": "nope", "condition": "START" }, { "containerName": "api", "condition": "START" }] }`),
    );
    assert.deepEqual(edges(o), ['db -> api START dependsOn']);
  });
});

describe('cycles', () => {
  const CYCLE =
    task(`{ "name": "api", "dependsOn": [{ "containerName": "worker", "condition": "START" }] },
{ "name": "worker", "dependsOn": [{ "containerName": "cache", "condition": "START" }] },
{ "name": "cache", "dependsOn": [{ "containerName": "api", "condition": "HEALTHY" }] },
{ "name": "metrics", "dependsOn": [{ "containerName": "cache", "condition": "START" }] },
{ "name": "free" }`);

  test('every member and every edge of the cycle is known; members and what waits on them get no phase', () => {
    const o = order(CYCLE);
    assert.deepEqual(
      o.cycles.map((c) => c.map((x) => x.id)),
      [['api', 'cache', 'worker']],
    );
    assert.deepEqual([...o.cycleEdges].map((e) => `${e.from.id} -> ${e.to.id}`).sort(), [
      'api -> cache',
      'cache -> worker',
      'worker -> api',
    ]);
    assert.deepEqual(phases(o), { api: -1, worker: -1, cache: -1, metrics: -1, free: 0 });
  });

  test('two separate cycles are both found', () => {
    const o = order(
      task(`{ "name": "a", "dependsOn": [{ "containerName": "b", "condition": "START" }] },
{ "name": "b", "dependsOn": [{ "containerName": "a", "condition": "START" }] },
{ "name": "c", "dependsOn": [{ "containerName": "d", "condition": "START" }] },
{ "name": "d", "dependsOn": [{ "containerName": "c", "condition": "START" }] }`),
    );
    assert.deepEqual(
      o.cycles.map((c) => c.map((x) => x.id).sort()),
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    assert.equal(o.cycleEdges.size, 4);
  });
  test('a container waiting for a cycle member and for a container that starts gets no phase: it never starts', () => {
    const o = order(
      task(`{ "name": "a", "dependsOn": [{ "containerName": "b", "condition": "START" }] },
{ "name": "b", "dependsOn": [{ "containerName": "a", "condition": "START" }] },
{ "name": "db" },
{ "name": "app", "dependsOn": [{ "containerName": "db", "condition": "HEALTHY" }, { "containerName": "a", "condition": "START" }] }`),
    );
    assert.deepEqual(phases(o), { a: -1, b: -1, db: 0, app: -1 });
  });

  test('a container waiting for two others that both wait for it (a figure eight): one cycle of all three', () => {
    const o = order(
      task(`{ "name": "hub", "dependsOn": [{ "containerName": "left", "condition": "START" }, { "containerName": "right", "condition": "START" }] },
{ "name": "left", "dependsOn": [{ "containerName": "hub", "condition": "START" }] },
{ "name": "right", "dependsOn": [{ "containerName": "hub", "condition": "START" }] }`),
    );
    assert.deepEqual(
      o.cycles.map((c) => c.map((x) => x.id)),
      [['hub', 'left', 'right']],
    );
    assert.equal(o.cycleEdges.size, 4);
  });

  test('a wait joining two separate cycles belongs to neither', () => {
    const o = order(
      task(`{ "name": "a", "dependsOn": [{ "containerName": "b", "condition": "START" }] },
{ "name": "b", "dependsOn": [{ "containerName": "a", "condition": "START" }] },
{ "name": "c", "dependsOn": [{ "containerName": "d", "condition": "START" }, { "containerName": "b", "condition": "START" }] },
{ "name": "d", "dependsOn": [{ "containerName": "c", "condition": "START" }] }`),
    );
    assert.deepEqual([...o.cycleEdges].map((e) => `${e.from.id} -> ${e.to.id}`).sort(), [
      'a -> b',
      'b -> a',
      'c -> d',
      'd -> c',
    ]);
  });

  test('a cycle is told from its member listed first, whichever member the way into it reaches first', () => {
    const o = order(
      task(`{ "name": "config" },
{ "name": "worker", "dependsOn": [{ "containerName": "api", "condition": "START" }] },
{ "name": "api", "dependsOn": [{ "containerName": "config", "condition": "START" }, { "containerName": "worker", "condition": "START" }] }`),
    );
    assert.deepEqual(
      o.cycles.map((c) => c.map((x) => x.id)),
      [['worker', 'api']],
    );
  });
});

describe('implicit edges ECS adds on its own', () => {
  test('links (name:alias) order the linked container first', () => {
    const o = order(EC2_BRIDGE_LINKS);
    assert.deepEqual(edges(o), ['app -> nginx START links (implicit)']);
    assert.deepEqual(phases(o), { app: 0, nginx: 1 });
  });

  test('volumesFrom waits for the source container to be created (CREATE); links and volumesFrom to one container make one edge, the START', () => {
    const o = order(
      task(`{ "name": "assets", "essential": false },
{ "name": "web", "links": ["assets"], "volumesFrom": [{ "sourceContainer": "assets", "readOnly": true }] },
{ "name": "cron", "volumesFrom": [{ "sourceContainer": "assets" }] }`),
    );
    assert.deepEqual(edges(o), [
      'assets -> web START links (implicit)',
      'assets -> cron CREATE volumesFrom (implicit)',
    ]);
  });

  test('an explicit dependsOn in the same direction replaces the implicit edge', () => {
    const o = order(
      task(`{ "name": "app" },
{ "name": "web", "links": ["app"], "dependsOn": [{ "containerName": "app", "condition": "HEALTHY" }] }`),
    );
    assert.deepEqual(edges(o), ['app -> web HEALTHY dependsOn']);
  });

  test('a dependsOn against the direction of links does not cancel the link: it is a cycle', () => {
    const o = order(
      task(`{ "name": "web", "links": ["app"] },
{ "name": "app", "dependsOn": [{ "containerName": "web", "condition": "START" }] }`),
    );
    assert.deepEqual(edges(o), ['web -> app START dependsOn', 'app -> web START links (implicit)']);
    assert.deepEqual(
      o.cycles.map((c) => c.map((x) => x.id)),
      [['web', 'app']],
    );
  });

  test('FireLens: the log router starts before every container that logs through it', () => {
    const o = order(FIRELENS_ROUTER);
    assert.deepEqual(edges(o), ['log_router -> catalog START firelens (implicit)']);
    assert.deepEqual(phases(o), { log_router: 0, catalog: 1 });
    const edge = o.edges[0]!;
    // The edge points at the awsfirelens logDriver value that causes it.
    assert.equal(edge.node.value, 'awsfirelens');
  });

  test('FireLens: an explicit dependsOn between the app and the router overrides the default, in either direction', () => {
    const withHealthy = FIRELENS_ROUTER.replace(
      '"essential": true,\n      "portMappings"',
      '"essential": true,\n      "dependsOn": [{ "containerName": "log_router", "condition": "HEALTHY" }],\n      "portMappings"',
    );
    assert.notEqual(withHealthy, FIRELENS_ROUTER);
    assert.deepEqual(edges(order(withHealthy)), ['log_router -> catalog HEALTHY dependsOn']);

    const reversed = FIRELENS_ROUTER.replace(
      '"essential": true,\n      "firelensConfiguration"',
      '"essential": true,\n      "dependsOn": [{ "containerName": "catalog", "condition": "START" }],\n      "firelensConfiguration"',
    );
    assert.notEqual(reversed, FIRELENS_ROUTER);
    assert.deepEqual(edges(order(reversed)), ['catalog -> log_router START dependsOn']);
  });

  test('FireLens: a router that links to a container or mounts its volumes gets no edges (the agent counts those as dependencies of its own)', () => {
    const linked = order(
      task(`{ "name": "router", "firelensConfiguration": { "type": "fluentbit" }, "links": ["app"] },
{ "name": "app", "logConfiguration": { "logDriver": "awsfirelens" } }`),
    );
    assert.deepEqual(edges(linked), ['app -> router START links (implicit)']);
    assert.deepEqual(linked.cycles, []);
    const mounted = order(
      task(`{ "name": "router", "firelensConfiguration": { "type": "fluentbit" }, "volumesFrom": [{ "sourceContainer": "app" }] },
{ "name": "app", "logConfiguration": { "logDriver": "awsfirelens" } }`),
    );
    assert.deepEqual(edges(mounted), ['app -> router CREATE volumesFrom (implicit)']);
  });

  test('FireLens: containers logging elsewhere, and the router itself, get no edge', () => {
    const o = order(
      task(`{ "name": "router", "firelensConfiguration": { "type": "fluentbit" }, "logConfiguration": { "logDriver": "awsfirelens" } },
{ "name": "app", "logConfiguration": { "logDriver": "awsfirelens" } },
{ "name": "batch", "logConfiguration": { "logDriver": "awslogs" } }`),
    );
    assert.deepEqual(edges(o), ['router -> app START firelens (implicit)']);
  });
  test('links and volumesFrom naming the container itself, or no container of the task, add no edge', () => {
    const o = order(
      task(`{ "name": "web", "links": ["web", "ghost:backend"], "volumesFrom": [{ "sourceContainer": "web" }, { "sourceContainer": "ghost" }, { "readOnly": true }] },
{ "name": "app" }`),
    );
    assert.deepEqual(edges(o), []);
    assert.deepEqual(phases(o), { web: 0, app: 0 });
  });

  test('an explicit dependsOn in the same direction replaces the implicit volumesFrom edge', () => {
    const o = order(
      task(`{ "name": "assets", "essential": false },
{ "name": "web", "volumesFrom": [{ "sourceContainer": "assets" }], "dependsOn": [{ "containerName": "assets", "condition": "COMPLETE" }] }`),
    );
    assert.deepEqual(edges(o), ['assets -> web COMPLETE dependsOn']);
  });

  test('FireLens: a log router that waits for a container itself gets no edges (the agent adds none rather than risk a cycle)', () => {
    const o = order(
      task(`{ "name": "router", "firelensConfiguration": { "type": "fluentbit" }, "dependsOn": [{ "containerName": "config", "condition": "SUCCESS" }] },
{ "name": "config", "essential": false },
{ "name": "app", "logConfiguration": { "logDriver": "awsfirelens" } }`),
    );
    assert.deepEqual(edges(o), ['config -> router SUCCESS dependsOn']);
  });

  test('FireLens: a router whose dependsOn and volumesFrom entries name no container still starts first', () => {
    const o = order(
      task(`{ "name": "router", "firelensConfiguration": { "type": "fluentbit" }, "dependsOn": [{ "condition": "START" }], "volumesFrom": [{ "readOnly": true }] },
{ "name": "app", "logConfiguration": { "logDriver": "awsfirelens" } }`),
    );
    assert.deepEqual(edges(o), ['router -> app START firelens (implicit)']);
  });

  test('FireLens: a container without any logConfiguration gets no edge', () => {
    const o = order(
      task(`{ "name": "router", "firelensConfiguration": { "type": "fluentbit" } },
{ "name": "metrics" },
{ "name": "app", "logConfiguration": { "logDriver": "awsfirelens" } }`),
    );
    assert.deepEqual(edges(o), ['router -> app START firelens (implicit)']);
  });
});
