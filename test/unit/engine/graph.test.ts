/** The public start-order graph and the plain story of how the task starts. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  analyze,
  SourceText,
  type Range,
  type StartOrderGraph,
} from '../../../server/src/engine/index';
import {
  DATADOG_SIDECAR,
  EC2_BRIDGE_LINKS,
  FIRELENS_ROUTER,
  INIT_DONE_RIGHT,
  INIT_ORDER_RULES,
} from '../rules/helpers';

const SEED = readFileSync('examples/seed-task-definition.json', 'utf8');

function graph(text: string, uri = 'file:///task.json'): StartOrderGraph {
  const g = analyze(text, { uri }).graph();
  assert.ok(g);
  return g;
}

describe('story', () => {
  test('the seed: nothing orders the two containers, the init is essential and awaited by no one', () => {
    assert.deepEqual(graph(SEED).story, [
      'init-setup and app-container start together: nothing orders them (ECS does not document array order as start order).',
      'init-setup is essential: when it exits, even with code 0, the task stops.',
      'Nothing waits for init-setup: the other containers may start before it has finished.',
    ]);
  });

  test('an init container done right', () => {
    assert.deepEqual(graph(INIT_DONE_RIGHT).story, [
      'init-setup starts first.',
      'init-setup runs first and must exit 0.',
      'Then app-container starts, once init-setup has exited with code 0.',
    ]);
  });

  test('COMPLETE: the init must exit, any exit code', () => {
    const text = INIT_DONE_RIGHT.replace('"condition": "SUCCESS"', '"condition": "COMPLETE"');
    assert.deepEqual(graph(text).story, [
      'init-setup starts first.',
      'init-setup runs first and must exit.',
      'Then app-container starts, once init-setup has exited (any exit code).',
    ]);
  });

  test('HEALTHY and the implicit orders say why', () => {
    assert.deepEqual(graph(DATADOG_SIDECAR).story, [
      'datadog-agent starts first.',
      'Then payments starts, once datadog-agent reports healthy.',
    ]);
    assert.deepEqual(graph(FIRELENS_ROUTER).story, [
      'log_router starts first.',
      'Then catalog starts, once log_router has started (implicit: FireLens log router).',
    ]);
    assert.deepEqual(graph(EC2_BRIDGE_LINKS).story, [
      'app starts first.',
      'Then nginx starts, once app has started (implicit: links).',
    ]);
    const volumesFrom = `{ "family": "t", "containerDefinitions": [
  { "name": "assets", "essential": false },
  { "name": "web", "volumesFrom": [{ "sourceContainer": "assets" }] }
] }`;
    assert.deepEqual(graph(volumesFrom).story, [
      'assets starts first.',
      'Then web starts, once assets has been created (implicit: volumesFrom).',
    ]);
    assert.deepEqual(
      graph(volumesFrom).edges.map((e) => [e.from, e.to, e.condition, e.reason]),
      [['assets', 'web', 'CREATE', 'volumesFrom']],
    );
  });

  test('a container waiting for several lists them all', () => {
    const text = `{ "family": "t", "containerDefinitions": [
  { "name": "migrate", "essential": false, "command": ["bin/migrate"] },
  { "name": "proxy", "healthCheck": { "command": ["CMD", "true"] } },
  { "name": "redis" },
  { "name": "api", "dependsOn": [
    { "containerName": "migrate", "condition": "SUCCESS" },
    { "containerName": "proxy", "condition": "HEALTHY" },
    { "containerName": "redis", "condition": "START" }
  ] }
] }`;
    assert.deepEqual(graph(text).story, [
      'migrate, proxy and redis start together: nothing orders them (ECS does not document array order as start order).',
      'migrate runs first and must exit 0.',
      'Then api starts, once migrate has exited with code 0, proxy reports healthy and redis has started.',
    ]);
  });

  test('a cycle, and what waits on it', () => {
    const text = `{ "family": "t", "containerDefinitions": [
  { "name": "api", "dependsOn": [{ "containerName": "worker", "condition": "START" }] },
  { "name": "worker", "dependsOn": [{ "containerName": "api", "condition": "HEALTHY" }] },
  { "name": "metrics", "dependsOn": [{ "containerName": "worker", "condition": "START" }] },
  { "name": "logs", "dependsOn": [{ "containerName": "api", "condition": "START" }] }
] }`;
    assert.deepEqual(graph(text).story, [
      'api and worker wait for each other (api → worker → api): none of them can start, so the task never starts.',
      'metrics and logs wait on the cycle and never start.',
    ]);
  });

  test('no containers yet', () => {
    assert.deepEqual(graph('{ "family": "new", "containerDefinitions": [] }').story, [
      'The task defines no containers yet.',
    ]);
  });
});

describe('graph data', () => {
  test('nodes carry what the webview draws; edges carry condition, reason and range', () => {
    const g = graph(INIT_DONE_RIGHT, 'file:///repo/task.json');
    assert.equal(g.uri, 'file:///repo/task.json');
    assert.equal(g.family, 'my-app-with-init');
    assert.deepEqual(
      g.nodes.map((n) => [
        n.id,
        n.phase,
        n.essential,
        n.essentialExplicit,
        n.isInit,
        n.hasHealthCheck,
        n.isLogRouter,
        n.waitsFor,
        n.waitedBy,
      ]),
      [
        ['init-setup', 0, false, true, true, false, false, [], ['app-container']],
        ['app-container', 1, true, true, false, false, false, ['init-setup'], []],
      ],
    );
    assert.deepEqual(g.phases, [['init-setup'], ['app-container']]);
    assert.deepEqual(
      g.edges.map((e) => [e.from, e.to, e.condition, e.reason, e.implicit, e.inCycle]),
      [['init-setup', 'app-container', 'SUCCESS', 'dependsOn', false, false]],
    );
    // The node range is the container's name; the edge range is its dependsOn entry.
    const source = new SourceText(INIT_DONE_RIGHT);
    const text = (r: Range) =>
      INIT_DONE_RIGHT.slice(source.offsetAt(r.start), source.offsetAt(r.end));
    assert.equal(text(g.nodes[0]!.range), '"init-setup"');
    assert.equal(
      text(g.edges[0]!.range),
      '{\n          "containerName": "init-setup",\n          "condition": "SUCCESS"\n        }',
    );
  });

  test('a node carries the startTimeout the simulator applies: a positive number, quoted or not', () => {
    const g = graph(
      '{ "containerDefinitions": [{ "name": "a", "startTimeout": 120 }, { "name": "b", "startTimeout": "45" }, { "name": "c", "startTimeout": 0 }, { "name": "d" }, { "name": "e", "startTimeout": "soon" }] }',
    );
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.startTimeout]),
      [
        ['a', 120],
        ['b', 45],
        ['c', undefined],
        ['d', undefined],
        ['e', undefined],
      ],
    );
    // Where there is no limit, the graph's JSON has no key for it (not null).
    assert.ok(!JSON.stringify(g.nodes[3]).includes('startTimeout'));
  });

  test('problems are attached to the node they concern', () => {
    const g = graph(SEED);
    const init = g.nodes.find((n) => n.id === 'init-setup')!;
    const codes = init.problems.map((p) => p.code);
    for (const code of [
      'essential-init-container',
      'init-not-awaited',
      'init-output-not-shared',
      'entrypoint-overrides-shell',
    ]) {
      assert.ok(codes.includes(code), `${code} on init-setup`);
    }
    assert.deepEqual(
      g.nodes
        .find((n) => n.id === 'app-container')!
        .problems.map((p) => p.code)
        .filter((c) => (INIT_ORDER_RULES as readonly string[]).includes(c)),
      [],
    );
  });

  test('cycle edges are marked and cycle members have no phase', () => {
    const g = graph(
      '{ "containerDefinitions": [{ "name": "a", "dependsOn": [{ "containerName": "b", "condition": "START" }] }, { "name": "b", "dependsOn": [{ "containerName": "a", "condition": "START" }] }] }',
    );
    assert.deepEqual(g.cycles, [['a', 'b']]);
    assert.deepEqual(g.phases, []);
    assert.ok(g.edges.every((e) => e.inCycle));
    assert.ok(g.nodes.every((n) => n.phase === -1));
  });
});
