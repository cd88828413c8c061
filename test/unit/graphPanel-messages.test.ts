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
