/**
 * The graph panel on the extension side (client/src/graphPanel.ts) against a small fake of the
 * `vscode` API: it sends the graph when the webview is ready and whenever the source says it changed,
 * follows the active task-definition editor, reveals only ranges of its own document, exports,
 * comes back from the serializer's state, and runs the timeline's scenarios through the source's
 * simulate request (here the engine itself, as the language server runs it).
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { analyze, simulate } from '../../server/src/engine/index';
import type {
  ScenarioOverrides,
  SimulationResult,
  StartOrderGraph,
} from '../../server/src/engine/types';
import { parseHostMessage } from '../../shared/src/webviewMessages';

type Listener<T> = (value: T) => unknown;
class EventEmitter<T> {
  listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
}

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(value: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/)?(.*)$/i.exec(value);
    if (!m) throw new Error(`not a uri: ${value}`);
    return new Uri(m[1]!, m[2]!.startsWith('/') ? m[2]! : `/${m[2]!}`);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    const parts = base.path.split('/');
    for (const s of segments) {
      if (s === '..') parts.pop();
      else parts.push(s);
    }
    return new Uri(base.scheme, parts.join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

const log: unknown[][] = [];
const activeEditorChanged = new EventEmitter<unknown>();
const documents = new Map<string, string>();
let saveTarget: Uri | undefined;
let serializer:
  { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> } | undefined;
let panels: FakePanel[] = [];

class FakePanel {
  title: string;
  viewColumn = 2;
  disposed = false;
  readonly posted: any[] = [];
  readonly received = new EventEmitter<unknown>();
  readonly disposedEvent = new EventEmitter<void>();
  readonly onDidDispose = this.disposedEvent.event;
  readonly webview = {
    html: '',
    options: {} as any,
    cspSource: 'https://webview.test',
    asWebviewUri: (uri: Uri) => new Uri('https', `/webview.test${uri.path}`),
    postMessage: async (message: unknown) => {
      this.posted.push(structuredClone(message));
      return true;
    },
    onDidReceiveMessage: this.received.event,
  };
  constructor(
    readonly viewType: string,
    title: string,
    readonly showOptions: unknown,
    options: unknown,
  ) {
    this.title = title;
    this.webview.options = options;
  }
  reveal() {
    log.push(['reveal-panel']);
  }
  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.disposedEvent.fire();
  }
}

function textDocument(uri: Uri) {
  const text = documents.get(uri.toString());
  if (text === undefined) throw new Error(`cannot open ${uri}`);
  const lines = text.split('\n');
  return {
    uri,
    languageId: 'json',
    lineCount: lines.length,
    lineAt: (line: number) => ({ text: lines[line]! }),
    getText: () => text,
  };
}

const vscode = {
  Uri,
  EventEmitter,
  ViewColumn: { One: 1, Two: 2, Beside: -2 },
  TextEditorRevealType: { InCenter: 2 },
  Selection: class {
    constructor(
      readonly startLine: number,
      readonly startCharacter: number,
      readonly endLine: number,
      readonly endCharacter: number,
    ) {}
  },
  window: {
    activeTextEditor: undefined as unknown,
    visibleTextEditors: [] as unknown[],
    onDidChangeActiveTextEditor: activeEditorChanged.event,
    createWebviewPanel: (...args: ConstructorParameters<typeof FakePanel>) => {
      const panel = new FakePanel(...args);
      panels.push(panel);
      return panel;
    },
    registerWebviewPanelSerializer: (viewType: string, s: typeof serializer) => {
      log.push(['serializer', viewType]);
      serializer = s;
      return { dispose: () => (serializer = undefined) };
    },
    showTextDocument: async (document: { uri: Uri }, options: unknown) => {
      log.push(['showTextDocument', document.uri.toString(), options]);
      return {
        revealRange: (range: unknown, type: number) => log.push(['revealRange', range, type]),
      };
    },
    showInformationMessage: async (message: string) => void log.push(['info', message]),
    showErrorMessage: async (message: string) => void log.push(['error', message]),
    showSaveDialog: async (options: { defaultUri?: Uri }) => {
      log.push(['saveDialog', options.defaultUri?.toString()]);
      return saveTarget;
    },
  },
  workspace: {
    workspaceFolders: undefined,
    openTextDocument: async (uri: Uri) => textDocument(uri),
    asRelativePath: (uri: Uri) => uri.path.slice(1),
    fs: {
      writeFile: async (uri: Uri, content: Uint8Array) =>
        void log.push(['writeFile', uri.toString(), new TextDecoder().decode(content)]),
    },
  },
  env: { clipboard: { writeText: async (text: string) => void log.push(['clipboard', text]) } },
  commands: { executeCommand: async (...args: unknown[]) => void log.push(['command', ...args]) },
};

const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = M._load;
M._load = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
};

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'test', 'webview', 'fixtures', `${name}.graph.json`), 'utf8'),
  ) as StartOrderGraph;
const SEED = Uri.parse('file:///project/seed-task-definition.json');
const OTHER = Uri.parse('file:///project/other.task-def.json');
const NOTES = Uri.parse('file:///project/notes.json');
const EXTENSION = Uri.parse('file:///ext');

const TIMELINE = Uri.parse('file:///work/orders-timeline.task-def.json');

const graphChanged = new EventEmitter<Uri>();
const graphs = new Map<string, StartOrderGraph | null>();
const delays = new Map<string, number>();
/** What the panel asked the source to simulate: the document and the overrides. */
const simulations: ([string, ScenarioOverrides] | [string, ScenarioOverrides, string])[] = [];
/** What the panel asked the source to draw: the document and the task definition named, if any. */
const graphRequests: [string, string | undefined][] = [];
const simulationDelays: number[] = [];
const source = {
  getGraph: async (uri: Uri, definition?: string) => {
    graphRequests.push([uri.toString(), definition]);
    const key = definition === undefined ? uri.toString() : `${uri.toString()}#${definition}`;
    const graph = graphs.get(key) ?? null;
    const delay = delays.get(uri.toString());
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    return graph;
  },
  /** The language server's answer: the engine's simulation of the document's text. */
  simulate: async (
    uri: Uri,
    overrides: ScenarioOverrides,
    definition?: string,
  ): Promise<SimulationResult | null> => {
    simulations.push(
      definition === undefined
        ? [uri.toString(), overrides]
        : [uri.toString(), overrides, definition],
    );
    const delay = simulationDelays.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const model = analyze(documents.get(uri.toString()) ?? '', { uri: uri.toString() }).model;
    return model ? simulate(model, overrides) : null;
  },
  onDidChangeGraph: graphChanged.event,
  isTaskDefinition: (document: { uri: Uri }) => document.uri.toString() !== NOTES.toString(),
};

const { StartOrderGraphPanel, registerStartOrderGraph, showStartOrderGraph } =
  require('../../client/src/graphPanel') as typeof import('../../client/src/graphPanel');

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeEach(() => {
  StartOrderGraphPanel.current?.dispose();
  panels = [];
  log.length = 0;
  saveTarget = undefined;
  documents.set(
    SEED.toString(),
    readFileSync(join(process.cwd(), 'examples', 'seed-task-definition.json'), 'utf8'),
  );
  documents.set(OTHER.toString(), '{\n  "containerDefinitions": []\n}\n');
  documents.set(
    TIMELINE.toString(),
    readFileSync(
      join(process.cwd(), 'test', 'webview', 'sources', 'orders-timeline.task-def.json'),
      'utf8',
    ),
  );
  graphs.set(TIMELINE.toString(), fixture('orders-timeline'));
  simulations.length = 0;
  graphRequests.length = 0;
  simulationDelays.length = 0;
  documents.set(NOTES.toString(), '{}\n');
  graphs.set(SEED.toString(), fixture('seed'));
  graphs.set(OTHER.toString(), fixture('fixed-seed'));
});

async function opened(uri = SEED, containerId?: string): Promise<FakePanel> {
  await showStartOrderGraph(
    { extensionUri: EXTENSION as any },
    source as any,
    uri as any,
    containerId,
  );
  const panel = panels.at(-1)!;
  panel.received.fire({ command: 'ready' });
  await tick();
  return panel;
}

describe('graph panel', () => {
  test('opens beside the editor with scripts, a CSP page and resources limited to dist and media', async () => {
    const panel = await opened();
    assert.equal(panel.viewType, 'ecsInitOrder.startOrderGraph');
    assert.deepEqual(panel.showOptions, { viewColumn: -2, preserveFocus: true });
    assert.equal(panel.webview.options.enableScripts, true);
    assert.deepEqual(panel.webview.options.localResourceRoots.map(String), [
      'file:///ext/dist',
      'file:///ext/media',
    ]);
    assert.match(panel.webview.html, /default-src 'none'/);
    assert.match(
      panel.webview.html,
      /<script nonce="[^"]+" src="https:\/\/\/webview\.test\/ext\/dist\/webview\.js">/,
    );
    assert.equal(panel.title, 'Start Order: seed-task-definition.json');
    assert.deepEqual(panel.posted.at(-1), {
      command: 'update',
      graph: fixture('seed'),
      documentUri: SEED.toString(),
    });
  });

  test('a second show reuses the panel; a code lens selects its container', async () => {
    await opened();
    await showStartOrderGraph(
      { extensionUri: EXTENSION as any },
      source as any,
      OTHER as any,
      'app-container',
    );
    await tick();
    assert.equal(panels.length, 1);
    const posted = panels[0]!.posted;
    assert.deepEqual(posted.at(-2), {
      command: 'update',
      graph: fixture('fixed-seed'),
      documentUri: OTHER.toString(),
    });
    assert.deepEqual(posted.at(-1), { command: 'select', containerId: 'app-container' });
  });

  test('follows graph changes of its document only, and newer answers win', async () => {
    const panel = await opened();
    const count = panel.posted.length;
    graphChanged.fire(OTHER);
    await tick();
    assert.equal(panel.posted.length, count);
    const edited = { ...fixture('seed'), story: ['edited'] };
    graphs.set(SEED.toString(), edited);
    graphChanged.fire(SEED);
    await tick();
    assert.deepEqual(panel.posted.at(-1), {
      command: 'update',
      graph: edited,
      documentUri: SEED.toString(),
    });
    graphs.set(SEED.toString(), null);
    graphChanged.fire(SEED);
    await tick();
    assert.equal(panel.posted.at(-1).command, 'unavailable');

    // A slow answer that a newer request overtook is dropped.
    const slow = { ...fixture('seed'), story: ['slow'] };
    const fast = { ...fixture('seed'), story: ['fast'] };
    graphs.set(SEED.toString(), slow);
    delays.set(SEED.toString(), 40);
    graphChanged.fire(SEED);
    graphs.set(SEED.toString(), fast);
    delays.delete(SEED.toString());
    graphChanged.fire(SEED);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(panel.posted.at(-1).graph.story, ['fast']);
    assert.ok(!panel.posted.some((m) => m.graph?.story?.[0] === 'slow'));
  });

  test('follows the active editor to another task definition, not to other files', async () => {
    const panel = await opened();
    activeEditorChanged.fire({ document: textDocument(NOTES) });
    activeEditorChanged.fire(undefined);
    await tick();
    assert.equal(panel.posted.at(-1).documentUri, SEED.toString());
    activeEditorChanged.fire({ document: textDocument(OTHER) });
    await tick();
    assert.deepEqual(panel.posted.at(-1), {
      command: 'update',
      graph: fixture('fixed-seed'),
      documentUri: OTHER.toString(),
    });
    assert.equal(panel.title, 'Start Order: other.task-def.json');
  });

  test('reveal selects the range in the editor; forged reveals are ignored', async () => {
    const panel = await opened();
    const range = fixture('seed').nodes[1]!.range;
    panel.received.fire({ command: 'reveal', uri: SEED.toString(), range });
    await tick();
    const shown = log.find((l) => l[0] === 'showTextDocument')!;
    assert.equal(shown[1], SEED.toString());
    assert.deepEqual(
      { ...(shown[2] as any).selection },
      { startLine: 17, startCharacter: 14, endLine: 17, endCharacter: 29 },
    );
    assert.deepEqual(log.find((l) => l[0] === 'revealRange')?.[2], 2);

    log.length = 0;
    for (const forged of [
      { command: 'reveal', uri: OTHER.toString(), range },
      {
        command: 'reveal',
        uri: SEED.toString(),
        range: { start: { line: 500, character: 0 }, end: { line: 500, character: 1 } },
      },
      {
        command: 'reveal',
        uri: SEED.toString(),
        range: { start: { line: 1, character: 400 }, end: { line: 1, character: 401 } },
      },
      { command: 'reveal', uri: SEED.toString(), range: 'everything' },
      { command: 'reveal', uri: 'not a uri', range },
      { command: 'openExternal', uri: 'https://example.com' },
      { command: 'saveSvg', svg: '<script>alert(1)</script>' },
    ]) {
      panel.received.fire(forged);
    }
    await tick();
    assert.deepEqual(log, []);
  });

  test('copy as Mermaid and save as SVG', async () => {
    const panel = await opened();
    panel.received.fire({ command: 'copyMermaid', text: 'flowchart LR\n' });
    await tick();
    assert.deepEqual(log.slice(-2), [
      ['clipboard', 'flowchart LR\n'],
      ['info', 'Copied the start order as a Mermaid flowchart.'],
    ]);
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n';
    panel.received.fire({ command: 'saveSvg', svg });
    await tick();
    assert.deepEqual(log.at(-1), [
      'saveDialog',
      'file:///project/seed-task-definition.start-order.svg',
    ]);
    saveTarget = Uri.parse('file:///project/out.svg');
    panel.received.fire({ command: 'saveSvg', svg });
    await tick();
    assert.deepEqual(
      log.find((l) => l[0] === 'writeFile'),
      ['writeFile', 'file:///project/out.svg', svg],
    );
  });

  test('the serializer restores the panel on the saved document; disposing removes every listener', async () => {
    const context = { extensionUri: EXTENSION, subscriptions: [] as { dispose(): void }[] };
    registerStartOrderGraph(context as any, source as any);
    assert.deepEqual(log[0], ['serializer', 'ecsInitOrder.startOrderGraph']);
    const panel = new FakePanel('ecsInitOrder.startOrderGraph', 'Start Order', {}, {});
    await serializer!.deserializeWebviewPanel(panel, {
      documentUri: OTHER.toString(),
      graph: { forged: true },
    });
    assert.equal(panel.webview.options.enableScripts, true);
    panel.received.fire({ command: 'ready' });
    await tick();
    assert.deepEqual(panel.posted.at(-1), {
      command: 'update',
      graph: fixture('fixed-seed'),
      documentUri: OTHER.toString(),
    });

    panel.dispose();
    assert.equal(StartOrderGraphPanel.current, undefined);
    assert.equal(graphChanged.listeners.length, 0);
    assert.equal(activeEditorChanged.listeners.length, 0);
    for (const d of context.subscriptions) d.dispose();
    assert.equal(serializer, undefined);
  });

  test('a restored panel with a forged state waits for a task definition', async () => {
    const panel = new FakePanel('ecsInitOrder.startOrderGraph', 'Start Order', {}, {});
    StartOrderGraphPanel.revive(panel as any, EXTENSION as any, source as any, { documentUri: 42 });
    panel.received.fire({ command: 'ready' });
    await tick();
    assert.equal(panel.posted.at(-1).command, 'unavailable');
    activeEditorChanged.fire({ document: textDocument(SEED) });
    await tick();
    assert.equal(panel.posted.at(-1).command, 'update');
  });
});

describe('graph panel: the timeline', () => {
  const simulated = (panel: FakePanel) => panel.posted.filter((m) => m.command === 'simulation');

  test('nothing is simulated until the webview asks for the timeline', async () => {
    const panel = await opened(TIMELINE);
    graphChanged.fire(TIMELINE);
    await tick();
    assert.deepEqual(simulations, []);
    assert.deepEqual(simulated(panel), []);
  });

  test('a scenario is simulated with its overrides and the result posted back, valid for the webview', async () => {
    const panel = await opened(TIMELINE);
    panel.received.fire({
      command: 'simulate',
      scenario: { kind: 'slower', container: 'db-migrate' },
    });
    await tick();
    assert.deepEqual(simulations, [[TIMELINE.toString(), { 'db-migrate': { runtime: 240 } }]]);
    const message = panel.posted.at(-1);
    assert.equal(message.command, 'simulation');
    assert.equal(message.documentUri, TIMELINE.toString());
    assert.deepEqual(message.scenario, { kind: 'slower', container: 'db-migrate' });
    assert.match(
      message.result.outcome,
      /^orders-api never starts: db-migrate did not reach SUCCESS within its startTimeout \(120 s/,
    );
    assert.deepEqual(parseHostMessage(message), message, 'the webview accepts what it gets');
  });

  test('the seed: by default the task stops when init-setup exits; with "init-setup fails" it exits 1', async () => {
    const panel = await opened(SEED);
    panel.received.fire({ command: 'simulate', scenario: { kind: 'succeeds' } });
    await tick();
    assert.equal(
      panel.posted.at(-1).result.outcome,
      'The task stops because init-setup is essential and exited with code 0 at 5 s (every container has stopped by 35 s).',
    );
    panel.received.fire({
      command: 'simulate',
      scenario: { kind: 'fails', container: 'init-setup' },
    });
    await tick();
    assert.deepEqual(simulations.at(-1), [SEED.toString(), { 'init-setup': { exitCode: 1 } }]);
    assert.equal(
      panel.posted.at(-1).result.outcome,
      'The task stops because init-setup is essential and exited with code 1 at 5 s (every container has stopped by 35 s).',
    );
  });

  test('a scenario the graph does not allow is not run: the webview gets the current one again', async () => {
    const panel = await opened(TIMELINE);
    panel.received.fire({
      command: 'simulate',
      scenario: { kind: 'neverHealthy', container: 'redis' },
    });
    await tick();
    simulations.length = 0;
    graphRequests.length = 0;
    for (const scenario of [
      { kind: 'fails', container: 'nobody' },
      { kind: 'fails', container: 'redis' },
      { kind: 'slower', container: 'secrets-init' },
      { kind: 'neverHealthy', container: 'orders-worker' },
    ]) {
      panel.received.fire({ command: 'simulate', scenario });
      await tick();
      assert.deepEqual(simulations.at(-1), [
        TIMELINE.toString(),
        { redis: { neverHealthy: true } },
      ]);
      assert.deepEqual(panel.posted.at(-1).scenario, { kind: 'neverHealthy', container: 'redis' });
    }
    // Messages of the wrong shape are not answered at all.
    const count = simulations.length;
    for (const forged of [
      { command: 'simulate', scenario: { kind: 'fails', container: 'secrets-init', exitCode: 9 } },
      { command: 'simulate', overrides: { redis: { exitCode: 1 } } },
      { command: 'simulate', scenario: { kind: 'succeeds' }, uri: OTHER.toString() },
    ])
      panel.received.fire(forged);
    await tick();
    assert.equal(simulations.length, count);
  });

  test('live: a new graph brings a new simulation in the same scenario, until the scenario no longer applies', async () => {
    const panel = await opened(TIMELINE);
    const scenario = { kind: 'fails', container: 'secrets-init' };
    panel.received.fire({ command: 'simulate', scenario });
    await tick();
    const before = panel.posted.length;
    graphChanged.fire(TIMELINE);
    await tick();
    assert.deepEqual(
      panel.posted.slice(before).map((m) => m.command),
      ['update', 'simulation'],
      'the graph, then its timeline',
    );
    assert.deepEqual(panel.posted.at(-1).scenario, scenario);
    assert.deepEqual(simulations.at(-1)![1], { 'secrets-init': { exitCode: 1 } });

    // secrets-init is renamed: the scenario falls back to everything succeeding.
    const renamed = structuredClone(fixture('orders-timeline'));
    renamed.nodes.find((n) => n.id === 'secrets-init')!.id = 'vault-init';
    graphs.set(TIMELINE.toString(), renamed);
    graphChanged.fire(TIMELINE);
    await tick();
    assert.deepEqual(panel.posted.at(-1).scenario, { kind: 'succeeds' });
    assert.deepEqual(simulations.at(-1)![1], {});
  });

  test('a slow simulation that a newer one overtook is dropped; another document starts from everything succeeding', async () => {
    const panel = await opened(TIMELINE);
    simulationDelays.push(40);
    panel.received.fire({
      command: 'simulate',
      scenario: { kind: 'fails', container: 'secrets-init' },
    });
    await tick();
    panel.received.fire({ command: 'simulate', scenario: { kind: 'succeeds' } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const results = simulated(panel);
    assert.equal(results.length, 1);
    assert.deepEqual(results[0].scenario, { kind: 'succeeds' });

    panel.received.fire({
      command: 'simulate',
      scenario: { kind: 'neverHealthy', container: 'redis' },
    });
    await tick();
    activeEditorChanged.fire({ document: textDocument(SEED) });
    await tick();
    assert.deepEqual(panel.posted.at(-1), {
      command: 'simulation',
      documentUri: SEED.toString(),
      scenario: { kind: 'succeeds' },
      result: simulate(analyze(documents.get(SEED.toString())!).model!, {}),
    });
  });

  test('a scenario asked for while the graph is still loading meets the new graph', async () => {
    delays.set(TIMELINE.toString(), 30);
    await showStartOrderGraph({ extensionUri: EXTENSION as any }, source as any, TIMELINE as any);
    const panel = panels.at(-1)!;
    panel.received.fire({ command: 'ready' });
    panel.received.fire({
      command: 'simulate',
      scenario: { kind: 'fails', container: 'db-migrate' },
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    delays.delete(TIMELINE.toString());
    assert.deepEqual(simulated(panel).at(-1)?.scenario, { kind: 'fails', container: 'db-migrate' });
  });

  test('no simulation for a document without a graph, and none after the panel is closed', async () => {
    const panel = await opened(TIMELINE);
    panel.received.fire({ command: 'simulate', scenario: { kind: 'succeeds' } });
    await tick();
    graphs.set(TIMELINE.toString(), null);
    graphChanged.fire(TIMELINE);
    await tick();
    assert.equal(panel.posted.at(-1).command, 'unavailable');
    const count = simulations.length;
    panel.received.fire({ command: 'simulate', scenario: { kind: 'succeeds' } });
    await tick();
    assert.equal(simulations.length, count);
    graphs.set(TIMELINE.toString(), fixture('orders-timeline'));
    simulationDelays.push(20);
    graphChanged.fire(TIMELINE);
    await tick();
    const posted = panel.posted.length;
    panel.dispose();
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(panel.posted.length, posted);
  });
});

describe('graph panel: a template with several task definitions', () => {
  const TEMPLATE = Uri.parse('file:///project/service.yaml');
  const updates = (panel: FakePanel) => panel.posted.filter((m) => m.command === 'update');

  async function openedOn(definition: string): Promise<FakePanel> {
    await showStartOrderGraph(
      { extensionUri: EXTENSION as any },
      source as any,
      TEMPLATE as any,
      undefined,
      definition,
    );
    const panel = panels.at(-1)!;
    panel.received.fire({ command: 'ready' });
    await tick();
    return panel;
  }

  beforeEach(() => {
    documents.set(TEMPLATE.toString(), 'Resources: {}\n');
    graphs.set(TEMPLATE.toString(), fixture('seed'));
    graphs.set(`${TEMPLATE.toString()}#Api`, fixture('fixed-seed'));
    graphs.set(`${TEMPLATE.toString()}#Web`, fixture('orders-timeline'));
  });

  test('draws the one named and says which in the title', async () => {
    const panel = await openedOn('Api');
    assert.equal(panel.title, 'Start Order: service.yaml · Api');
    assert.deepEqual(graphRequests.at(-1), [TEMPLATE.toString(), 'Api']);
    assert.deepEqual(updates(panel).at(-1).graph, fixture('fixed-seed'));
  });

  test('stays on it while the file changes, and its timeline simulates it', async () => {
    const panel = await openedOn('Api');
    graphs.set(`${TEMPLATE.toString()}#Api`, fixture('seed'));
    graphChanged.fire(TEMPLATE);
    await tick();
    assert.deepEqual(graphRequests.at(-1), [TEMPLATE.toString(), 'Api']);
    assert.deepEqual(updates(panel).at(-1).graph, fixture('seed'));
    panel.received.fire({ command: 'simulate', scenario: { kind: 'succeeds' } });
    await tick();
    assert.deepEqual(simulations.at(-1), [TEMPLATE.toString(), {}, 'Api']);
  });

  test('switches to another task definition of the same file', async () => {
    const panel = await openedOn('Api');
    await openedOn('Web');
    assert.equal(panels.length, 1, 'one panel');
    assert.equal(panel.title, 'Start Order: service.yaml · Web');
    assert.deepEqual(updates(panel).at(-1).graph, fixture('orders-timeline'));
  });

  test('after a reload, the panel shows the same task definition again', async () => {
    const stored = new Map<string, unknown>();
    const workspaceState = {
      get: (key: string) => stored.get(key),
      update: async (key: string, value: unknown) => void stored.set(key, value),
    };
    const context = {
      extensionUri: EXTENSION,
      subscriptions: [] as { dispose(): void }[],
      workspaceState,
    };
    registerStartOrderGraph(context as any, source as any);
    try {
      (await openedOn('Api')).dispose();
      const revived = new FakePanel('ecsInitOrder.startOrderGraph', 'Start Order', {}, {});
      await serializer!.deserializeWebviewPanel(revived, { documentUri: TEMPLATE.toString() });
      revived.received.fire({ command: 'ready' });
      await tick();
      assert.equal(revived.title, 'Start Order: service.yaml · Api');
      assert.deepEqual(graphRequests.at(-1), [TEMPLATE.toString(), 'Api']);
      revived.dispose();
      // Another document in the webview's state: its first task definition.
      const other = new FakePanel('ecsInitOrder.startOrderGraph', 'Start Order', {}, {});
      await serializer!.deserializeWebviewPanel(other, { documentUri: OTHER.toString() });
      other.received.fire({ command: 'ready' });
      await tick();
      assert.deepEqual(graphRequests.at(-1), [OTHER.toString(), undefined]);
      other.dispose();
    } finally {
      for (const d of context.subscriptions) d.dispose();
    }
  });

  test('a task definition no longer in the file: the panel says which one it looked for', async () => {
    const panel = await openedOn('Gone');
    const message = panel.posted.at(-1);
    assert.equal(message.command, 'unavailable');
    assert.match(message.message, /^No start order for project\/service\.yaml \(Gone\):/);
  });
});
