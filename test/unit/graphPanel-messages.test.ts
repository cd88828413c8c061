/**
 * The graph panel's message validation (shared/src/webviewMessages.ts, graphShape.ts): what the
 * webview posts is untrusted, and what reaches the webview must match the graph contract. Forged
 * messages are dropped, never half-applied.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { StartOrderGraph } from '../../server/src/engine/types';
import { isStartOrderGraph } from '../../shared/src/graphShape';
import {
  MAX_MERMAID_LENGTH,
  parseHostMessage,
  parseViewState,
  parseWebviewMessage,
  rangeWithin,
} from '../../shared/src/webviewMessages';
import { contentSecurityPolicy, createNonce, renderWebviewHtml } from '../../client/src/graphHtml';
import { analyze, simulate } from '../../server/src/engine/index';
import {
  scenarioApplies,
  scenarioChoices,
  scenarioOverrides,
  type Scenario,
} from '../../shared/src/scenarios';
import { isSimulationResult, MAX_EVENTS } from '../../shared/src/simulationShape';

const FIXTURES = join(process.cwd(), 'test', 'webview', 'fixtures');
const graphs = readdirSync(FIXTURES).map(
  (f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as StartOrderGraph,
);
const graph = graphs.find((g) => g.nodes.length === 2 && g.edges.length === 1)!;
const range = { start: { line: 4, character: 14 }, end: { line: 4, character: 26 } };
const URI = 'file:///workspace/task-def.json';

describe('messages from the webview', () => {
  test('accepts the four commands in their exact shape', () => {
    assert.deepEqual(parseWebviewMessage({ command: 'ready' }), { command: 'ready' });
    assert.deepEqual(parseWebviewMessage({ command: 'reveal', uri: URI, range }), {
      command: 'reveal',
      uri: URI,
      range,
    });
    assert.deepEqual(parseWebviewMessage({ command: 'copyMermaid', text: 'flowchart LR\n' }), {
      command: 'copyMermaid',
      text: 'flowchart LR\n',
    });
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n';
    assert.deepEqual(parseWebviewMessage({ command: 'saveSvg', svg }), { command: 'saveSvg', svg });
  });

  test('drops unknown commands, wrong types, extra keys and bad ranges', () => {
    const forged: unknown[] = [
      undefined,
      null,
      'reveal',
      [],
      { command: 'runCommand', id: 'workbench.action.terminal.new' },
      { command: 'REVEAL', uri: URI, range },
      { command: 'ready', extra: 1 },
      { command: 'reveal', uri: URI },
      { command: 'reveal', uri: 42, range },
      { command: 'reveal', uri: URI, range, command2: 'x' },
      {
        command: 'reveal',
        uri: URI,
        range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
      },
      {
        command: 'reveal',
        uri: URI,
        range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } },
      },
      {
        command: 'reveal',
        uri: URI,
        range: { start: { line: 3, character: 0 }, end: { line: 2, character: 0 } },
      },
      {
        command: 'reveal',
        uri: URI,
        range: { start: { line: '1', character: 0 }, end: { line: 2, character: 0 } },
      },
      {
        command: 'reveal',
        uri: URI,
        range: { start: { line: 1e300, character: 0 }, end: { line: 1e300, character: 0 } },
      },
      { command: 'reveal', uri: 'x'.repeat(10_000), range },
      { command: 'copyMermaid', text: 7 },
      { command: 'copyMermaid', text: '   ' },
      { command: 'copyMermaid', text: 'x'.repeat(MAX_MERMAID_LENGTH + 1) },
      { command: 'saveSvg', svg: '<html><script>alert(1)</script></html>' },
      { command: 'saveSvg', svg: '<svg></svg>' },
      { command: 'saveSvg', svg: { toString: () => '<svg/>' } },
    ];
    for (const message of forged)
      assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 120));
  });

  test('a reveal returns a copy of the range, not the posted object', () => {
    const posted = { command: 'reveal', uri: URI, range: structuredClone(range) };
    const parsed = parseWebviewMessage(posted);
    assert.ok(parsed?.command === 'reveal');
    posted.range.start.line = 99;
    assert.equal(parsed.range.start.line, 4);
  });

  test('rangeWithin: a range outside the document is refused', () => {
    const doc = { lineCount: 5, lineLength: (line: number) => [10, 10, 10, 10, 30][line]! };
    assert.equal(rangeWithin(range, doc), true);
    assert.equal(
      rangeWithin({ start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, doc),
      false,
    );
    assert.equal(
      rangeWithin({ start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, doc),
      false,
    );
    assert.equal(
      rangeWithin({ start: { line: 0, character: 10 }, end: { line: 4, character: 30 } }, doc),
      true,
    );
  });
});

describe('messages to the webview', () => {
  test('every fixture graph matches the contract', () => {
    assert.ok(graphs.length >= 5);
    for (const g of graphs) assert.ok(isStartOrderGraph(g), g.uri);
  });

  test('update, unavailable and select', () => {
    assert.deepEqual(parseHostMessage({ command: 'update', graph, documentUri: URI }), {
      command: 'update',
      graph,
      documentUri: URI,
    });
    assert.deepEqual(parseHostMessage({ command: 'unavailable', message: 'No graph.' }), {
      command: 'unavailable',
      message: 'No graph.',
      documentUri: undefined,
    });
    assert.deepEqual(parseHostMessage({ command: 'select', containerId: 'app' }), {
      command: 'select',
      containerId: 'app',
    });
  });

  test('a graph of the wrong shape is dropped', () => {
    const broken = (mutate: (g: any) => void) => {
      const g = structuredClone(graph) as any;
      mutate(g);
      return { command: 'update', graph: g, documentUri: URI };
    };
    const forged = [
      { command: 'update', documentUri: URI },
      { command: 'update', graph, documentUri: null },
      broken((g) => (g.nodes = {})),
      broken((g) => delete g.nodes[0].name),
      broken((g) => (g.nodes[0].name = 42)),
      broken((g) => (g.nodes[0].essential = 'yes')),
      broken((g) => (g.nodes[0].phase = -2)),
      broken((g) => (g.nodes[0].phase = 0.5)),
      broken((g) => (g.nodes[0].problems = [{ code: 'x', severity: 'fatal', message: 'm' }])),
      broken((g) => (g.nodes[1] = g.nodes[0])),
      broken((g) => (g.edges[0].implicit = 1)),
      broken((g) => (g.edges[0].range = null)),
      broken((g) => (g.story = 'a story')),
      broken((g) => (g.phases = [[1]])),
      broken((g) => (g.family = {})),
      broken((g) => (g.nodes = new Array(501).fill(g.nodes[0]))),
      { command: 'select', containerId: 1 },
      { command: 'unavailable' },
      { command: 'render', html: '<img src=x onerror=alert(1)>' },
    ];
    for (const message of forged)
      assert.equal(parseHostMessage(message), undefined, JSON.stringify(message).slice(0, 160));
  });

  test('the saved state: a bad graph is dropped, the document kept', () => {
    assert.deepEqual(parseViewState({ documentUri: URI, graph: { nodes: 1 }, selectedId: 'a' }), {
      documentUri: URI,
      selectedId: 'a',
    });
    assert.equal(parseViewState({ documentUri: '' }), undefined);
    assert.equal(parseViewState('file:///x'), undefined);
    assert.equal(parseViewState(undefined), undefined);
    assert.deepEqual(parseViewState({ documentUri: URI, graph }), { documentUri: URI, graph });
  });
});

/** The engine's simulation of a task definition in a scenario, as the server answers it. */
function simulationOf(file: string, scenario: Scenario = { kind: 'succeeds' }) {
  const analysis = analyze(readFileSync(file, 'utf8'), { uri: URI });
  const graph = analysis.graph()!;
  return { graph, result: simulate(analysis.model!, scenarioOverrides(graph, scenario)) };
}
const TIMELINE_SOURCE = join('test', 'webview', 'sources', 'orders-timeline.task-def.json');

describe('the timeline: scenarios', () => {
  test('offered where they make sense: init containers fail, timed-out waits are slow, health checks fail', () => {
    const { graph } = simulationOf(TIMELINE_SOURCE);
    assert.deepEqual(scenarioChoices(graph), [
      { kind: 'succeeds' },
      { kind: 'fails', container: 'secrets-init' },
      { kind: 'fails', container: 'db-migrate' },
      { kind: 'slower', container: 'db-migrate' },
      { kind: 'neverHealthy', container: 'redis' },
      { kind: 'neverHealthy', container: 'orders-api' },
    ]);
    const seed = simulationOf(join('examples', 'seed-task-definition.json')).graph;
    assert.deepEqual(scenarioChoices(seed), [
      { kind: 'succeeds' },
      { kind: 'fails', container: 'init-setup' },
    ]);
  });

  test('"slower" needs a startTimeout and a SUCCESS or COMPLETE wait on the container', () => {
    const { graph } = simulationOf(TIMELINE_SOURCE);
    const slower = (id: string): Scenario => ({ kind: 'slower', container: id });
    assert.ok(scenarioApplies(graph, slower('db-migrate')));
    const edit = structuredClone(graph);
    edit.nodes.find((n) => n.id === 'redis')!.startTimeout = 30;
    assert.equal(scenarioApplies(edit, slower('redis')), false, 'waited for with HEALTHY only');
    edit.edges.find((e) => e.from === 'db-migrate')!.condition = 'START';
    assert.equal(scenarioApplies(edit, slower('db-migrate')), false, 'START has no time limit');
    delete edit.nodes.find((n) => n.id === 'db-migrate')!.startTimeout;
    edit.edges.find((e) => e.from === 'db-migrate')!.condition = 'COMPLETE';
    assert.equal(scenarioApplies(edit, slower('db-migrate')), false, 'no startTimeout');
  });

  test('a scenario becomes the simulator’s overrides, keyed by the container’s id', () => {
    const { graph } = simulationOf(TIMELINE_SOURCE);
    assert.deepEqual(scenarioOverrides(graph, { kind: 'succeeds' }), {});
    assert.deepEqual(scenarioOverrides(graph, { kind: 'fails', container: 'secrets-init' }), {
      'secrets-init': { exitCode: 1 },
    });
    assert.deepEqual(scenarioOverrides(graph, { kind: 'slower', container: 'db-migrate' }), {
      'db-migrate': { runtime: 240 },
    });
    assert.deepEqual(scenarioOverrides(graph, { kind: 'neverHealthy', container: 'redis' }), {
      redis: { neverHealthy: true },
    });
    // A scenario the graph does not allow changes nothing.
    assert.deepEqual(scenarioOverrides(graph, { kind: 'fails', container: 'redis' }), {});
    assert.deepEqual(scenarioOverrides(graph, { kind: 'fails', container: 'nobody' }), {});
    const proto = structuredClone(graph);
    proto.nodes[1]!.id = '__proto__';
    const overrides = scenarioOverrides(proto, { kind: 'fails', container: '__proto__' });
    assert.deepEqual(Object.keys(overrides), ['__proto__']);
    assert.equal(Object.getPrototypeOf(overrides), Object.prototype);
  });
});

describe('the timeline: messages', () => {
  const scenario: Scenario = { kind: 'fails', container: 'secrets-init' };

  test('simulate from the webview: exactly a command and a scenario, copied', () => {
    assert.deepEqual(parseWebviewMessage({ command: 'simulate', scenario: { kind: 'succeeds' } }), {
      command: 'simulate',
      scenario: { kind: 'succeeds' },
    });
    const posted = { command: 'simulate', scenario: { ...scenario } };
    const parsed = parseWebviewMessage(posted);
    assert.deepEqual(parsed, { command: 'simulate', scenario });
    posted.scenario.container = 'redis';
    assert.deepEqual(parsed, { command: 'simulate', scenario }, 'a copy, not the posted object');
    for (const forged of [
      { command: 'simulate' },
      { command: 'simulate', scenario: null },
      { command: 'simulate', scenario: 'fails' },
      { command: 'simulate', scenario: { kind: 'explodes', container: 'redis' } },
      { command: 'simulate', scenario: { kind: 'fails' } },
      { command: 'simulate', scenario: { kind: 'fails', container: '' } },
      { command: 'simulate', scenario: { kind: 'fails', container: 7 } },
      { command: 'simulate', scenario: { kind: 'fails', container: 'x'.repeat(10_001) } },
      { command: 'simulate', scenario: { kind: 'succeeds', container: 'redis' } },
      { command: 'simulate', scenario: { ...scenario, exitCode: 1 } },
      { command: 'simulate', scenario: { ...scenario, runtime: 1e308 } },
      { command: 'simulate', scenario, overrides: { redis: { exitCode: 1 } } },
      { command: 'simulate', scenario: ['fails', 'redis'] },
    ])
      assert.equal(parseWebviewMessage(forged), undefined, JSON.stringify(forged).slice(0, 120));
  });

  test('simulation to the webview: the engine’s results pass, in every scenario of the fixtures', () => {
    for (const file of [
      TIMELINE_SOURCE,
      join('examples', 'seed-task-definition.json'),
      join('test', 'webview', 'sources', 'orders-platform.task-def.json'),
      join('test', 'webview', 'sources', 'hostile.task-def.json'),
    ]) {
      const { graph } = simulationOf(file);
      for (const s of scenarioChoices(graph)) {
        const { result } = simulationOf(file, s);
        assert.ok(isSimulationResult(result), `${file}: ${JSON.stringify(s)}`);
        const message = { command: 'simulation', documentUri: URI, scenario: s, result };
        assert.deepEqual(parseHostMessage(message), message);
      }
    }
    assert.deepEqual(
      parseHostMessage({ command: 'simulation', documentUri: URI, scenario, result: null }),
      { command: 'simulation', documentUri: URI, scenario, result: null },
    );
  });

  test('a simulation of the wrong shape is dropped', () => {
    const { result } = simulationOf(TIMELINE_SOURCE, scenario);
    const broken = (mutate: (r: any) => void) => {
      const r = structuredClone(result) as any;
      mutate(r);
      return { command: 'simulation', documentUri: URI, scenario, result: r };
    };
    const forged = [
      { command: 'simulation', documentUri: URI, scenario, result: undefined },
      { command: 'simulation', documentUri: URI, result },
      { command: 'simulation', documentUri: 3, scenario, result },
      { command: 'simulation', documentUri: URI, scenario: { kind: 'fails' }, result },
      broken((r) => (r.containers = {})),
      broken((r) => delete r.containers[0].stoppedAt),
      broken((r) => (r.containers[0].startedAt = -1)),
      broken((r) => (r.containers[0].startedAt = Infinity)),
      broken((r) => (r.containers[0].startedAt = '0')),
      broken((r) => (r.containers[0].started = !r.containers[0].started)),
      broken((r) => (r.containers[0].exitCode = 0.5)),
      broken((r) => (r.containers[0].stopKind = 'vanished')),
      broken((r) => (r.containers[1] = r.containers[0])),
      broken((r) => (r.containers = new Array(501).fill(r.containers[0]))),
      broken((r) => (r.task.stops = 'no')),
      broken((r) => delete r.task.failedBeforeStart),
      broken((r) => (r.timeline[0].event = 'explode')),
      broken((r) => (r.timeline[0].at = NaN)),
      broken((r) => (r.timeline = new Array(MAX_EVENTS + 1).fill(r.timeline[0]))),
      broken((r) => (r.outcome = ['The task stops.'])),
      broken((r) => (r.notes = [{}])),
    ];
    for (const message of forged)
      assert.equal(parseHostMessage(message), undefined, JSON.stringify(message).slice(0, 200));
  });

  test('the saved state keeps the view and a well-formed scenario', () => {
    assert.deepEqual(parseViewState({ documentUri: URI, view: 'timeline', scenario }), {
      documentUri: URI,
      view: 'timeline',
      scenario,
    });
    assert.deepEqual(
      parseViewState({ documentUri: URI, view: 'gantt', scenario: { kind: 'fails' } }),
      { documentUri: URI },
    );
  });

  test('a graph node’s startTimeout is a positive finite number when present', () => {
    const node = structuredClone(graph.nodes[0]!);
    const accepts = (startTimeout: unknown) =>
      isStartOrderGraph({ ...graph, nodes: [{ ...node, startTimeout }] });
    assert.ok(accepts(120) && accepts(2.5) && accepts(undefined));
    for (const bad of [0, -1, Infinity, NaN, '120', null]) assert.equal(accepts(bad), false);
  });
});

describe('the webview page', () => {
  test("a strict CSP: nothing by default, our stylesheet, our nonce'd script", () => {
    const nonce = createNonce();
    assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
    assert.notEqual(createNonce(), nonce);
    const csp = contentSecurityPolicy('https://webview.example', nonce);
    assert.equal(
      csp,
      `default-src 'none'; style-src https://webview.example; script-src 'nonce-${nonce}'; img-src https://webview.example; font-src https://webview.example`,
    );
    const html = renderWebviewHtml({
      scriptUri: 'https://webview.example/dist/webview.js',
      styleUri: 'https://webview.example/media/graph.css?"x"',
      cspSource: 'https://webview.example',
      nonce,
    });
    assert.ok(
      html.includes(
        `<script nonce="${nonce}" src="https://webview.example/dist/webview.js"></script>`,
      ),
    );
    assert.ok(html.includes('graph.css?&quot;x&quot;'), 'attributes are escaped');
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/ on[a-z]+=/.test(html), 'no inline event handlers');
    assert.throws(() =>
      renderWebviewHtml({ scriptUri: '', styleUri: '', cspSource: '', nonce: 'short' }),
    );
  });
});
