/**
 * The start-order webview in headless Chromium: the page the panel builds (same HTML, CSP and
 * bundle) gets graph messages as VS Code would send them, and the tests read the DOM. Screenshots
 * go to test-artifacts/webview/. The fixtures (test/webview/fixtures/*.graph.json) are
 * StartOrderGraph values as the engine produces them for the examples, plus hostile names.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { StartOrderGraph } from '../../server/src/engine/types';
import { assignColumns } from '../../client/webview/columns';
import { mermaidText, toMermaid } from '../../client/webview/mermaid';
import {
  ROOT,
  THEMES,
  ensureWebviewBundle,
  fakeVsCodeApiScript,
  startHarness,
  type Harness,
  type Theme,
} from './harness';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'webview');
const DOC = 'file:///workspace/task-def.json';

function fixture(name: string): StartOrderGraph {
  return JSON.parse(
    readFileSync(join(__dirname, 'fixtures', `${name}.graph.json`), 'utf8'),
  ) as StartOrderGraph;
}

let browser: Browser;
let harness: Harness;

before(async () => {
  ensureWebviewBundle();
  mkdirSync(ARTIFACTS, { recursive: true });
  harness = await startHarness();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await harness?.close();
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
}

async function open(
  options: { theme?: Theme; state?: unknown; width?: number; height?: number } = {},
): Promise<Opened> {
  const theme = options.theme ?? 'dark';
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1100, height: options.height ?? 700 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const opened: Opened = { page, dialogs: [], errors: [], requests: [] };
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('request', (request) => opened.requests.push(request.url()));
  // tsx names the functions we hand to page.evaluate with a helper; give the page a no-op one.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript({
    content: fakeVsCodeApiScript({ bodyClass: THEMES[theme].bodyClass, state: options.state }),
  });
  await page.goto(harness.url(theme));
  await page.waitForFunction(() =>
    (window as any).__posted.some((m: any) => m.command === 'ready'),
  );
  return opened;
}

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  // Messages are delivered as tasks; one animation frame later the page has handled them.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))),
  );
}

async function show(page: Page, graph: StartOrderGraph, documentUri = graph.uri): Promise<void> {
  await send(page, { command: 'update', graph, documentUri });
  await page.waitForSelector('svg.graph');
}

async function posted(page: Page): Promise<any[]> {
  return page.evaluate(() => (window as any).__posted);
}

interface NodeInfo {
  id: string;
  name: string;
  phase: number;
  column: number;
  x: number;
  y: number;
  classes: string[];
  badge: string | null;
  badgeTitle: string | null;
  init: boolean;
}

async function nodes(page: Page): Promise<NodeInfo[]> {
  return page.$$eval('svg.graph [data-node-id]', (els) =>
    els.map((el) => {
      const box = el.querySelector('.node-box')!.getBoundingClientRect();
      return {
        id: el.getAttribute('data-node-id')!,
        name: el.querySelector('.node-name')!.textContent!,
        phase: Number(el.getAttribute('data-phase')),
        column: Number(el.getAttribute('data-column')),
        x: box.left + box.width / 2,
        y: box.top,
        classes: [...el.classList],
        badge: el.querySelector('.badge text')?.textContent ?? null,
        badgeTitle: el.querySelector('.badge > title')?.textContent ?? null,
        init: el.querySelector('.init-marker') !== null,
      };
    }),
  );
}

interface EdgeInfo {
  id: string;
  from: string;
  to: string;
  label: string;
  classes: string[];
  dashed: boolean;
  stroke: string;
}

async function edges(page: Page): Promise<EdgeInfo[]> {
  return page.$$eval('svg.graph .edges [data-edge-id]', (els) =>
    els.map((el) => {
      const id = el.getAttribute('data-edge-id')!;
      const label = document.querySelector(
        `svg.graph .edge-labels [data-edge-id="${CSS.escape(id)}"] text`,
      );
      const line = getComputedStyle(el.querySelector('.edge-line')!);
      return {
        id,
        from: el.getAttribute('data-from')!,
        to: el.getAttribute('data-to')!,
        label: label?.textContent ?? '',
        classes: [...el.classList],
        dashed: line.strokeDasharray !== 'none',
        stroke: line.stroke,
      };
    }),
  );
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('start-order webview', () => {
  test('the seed example: two containers in one column, an init marker, badges, legend and story', async () => {
    const { page, errors } = await open({ width: 1000, height: 490 });
    const graph = fixture('seed');
    await show(page, graph);
    const ns = await nodes(page);
    assert.deepEqual(ns.map((n) => n.name).sort(), ['app-container', 'init-setup']);
    assert.ok(ns.every((n) => n.phase === 0 && n.column === 0));
    assert.equal(Math.round(ns[0]!.x), Math.round(ns[1]!.x), 'same phase, same column');
    assert.equal(await page.locator('svg.graph .column').count(), 1);
    assert.equal(await page.locator('svg.graph .column-heading').first().textContent(), 'Phase 1');
    const init = ns.find((n) => n.id === 'init-setup')!;
    assert.ok(init.init && init.classes.includes('init') && init.classes.includes('essential'));
    assert.equal(init.badge, '6');
    assert.match(init.badgeTitle!, /no container waits for it/);
    assert.match(init.badgeTitle!, /^Error \(awslogs-execution-role\)/, 'the worst problem first');
    assert.ok(init.classes.includes('error') === false);
    const app = ns.find((n) => n.id === 'app-container')!;
    assert.ok(!app.init && app.badge === null);
    assert.equal(await page.locator('svg.graph .edges [data-edge-id]').count(), 0);
    assert.equal(await page.locator('.legend li').count(), 7);
    assert.deepEqual(await page.locator('.story li').allTextContents(), graph.story);
    assert.match((await page.locator('h1').textContent())!, /Start order.*my-app-with-init/);
    await screenshot(page, 'seed');
    assert.deepEqual(errors, []);
  });

  test('the fixed seed: init-setup (non-essential) → app-container with SUCCESS, one column per phase', async () => {
    const { page, errors } = await open({ width: 1000, height: 420 });
    await show(page, fixture('fixed-seed'));
    const ns = await nodes(page);
    const init = ns.find((n) => n.id === 'init-setup')!;
    const app = ns.find((n) => n.id === 'app-container')!;
    assert.ok(init.classes.includes('non-essential') && !init.classes.includes('essential'));
    assert.ok(app.classes.includes('essential'));
    assert.ok(app.x > init.x, 'phase 2 is right of phase 1');
    const es = await edges(page);
    assert.equal(es.length, 1);
    assert.deepEqual(
      { from: es[0]!.from, to: es[0]!.to, label: es[0]!.label, dashed: es[0]!.dashed },
      { from: 'init-setup', to: 'app-container', label: 'SUCCESS', dashed: false },
    );
    const boxStyle = await page.$$eval('svg.graph [data-node-id] .node-box', (els) =>
      els.map((el) => getComputedStyle(el).strokeDasharray),
    );
    assert.equal(
      boxStyle.filter((d) => d !== 'none').length,
      1,
      'only the non-essential box is dashed',
    );
    await screenshot(page, 'fixed-seed');
    await page.goto('about:blank');
    assert.deepEqual(errors, []);
  });

  test('ten containers with a cycle of three: phases left to right, cycle in the error colour, readable', async () => {
    const { page, errors } = await open({ width: 1500, height: 740 });
    const graph = fixture('ten-with-cycle');
    await show(page, graph);
    const ns = await nodes(page);
    assert.equal(ns.length, 10);
    assert.deepEqual(ns.map((n) => n.name).sort(), graph.nodes.map((n) => n.name).sort());
    // x grows with the phase; one x per phase; the cycle sits right of the last phase.
    const xOfPhase = new Map<number, Set<number>>();
    for (const n of ns)
      xOfPhase.set(n.phase, (xOfPhase.get(n.phase) ?? new Set()).add(Math.round(n.x)));
    for (const [phase, xs] of xOfPhase) assert.equal(xs.size, 1, `phase ${phase} is one column`);
    const columnX = (phase: number) => [...xOfPhase.get(phase)!][0]!;
    assert.ok(
      columnX(0) < columnX(1) &&
        columnX(1) < columnX(2) &&
        columnX(2) < columnX(3) &&
        columnX(3) < columnX(-1),
    );
    for (const [i, ids] of graph.phases.entries())
      for (const id of ids) assert.equal(ns.find((n) => n.id === id)!.phase, i);
    assert.deepEqual(await page.locator('svg.graph .column-heading').allTextContents(), [
      'Phase 1',
      'Phase 2',
      'Phase 3',
      'Phase 4',
      'Never starts',
    ]);
    // Nodes of one column do not overlap.
    const byColumn = new Map<number, NodeInfo[]>();
    for (const n of ns) byColumn.set(n.column, [...(byColumn.get(n.column) ?? []), n]);
    for (const list of byColumn.values()) {
      const ys = list.map((n) => n.y).sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++)
        assert.ok(ys[i]! - ys[i - 1]! >= 52, 'boxes of one column do not overlap');
    }

    const es = await edges(page);
    assert.equal(es.length, graph.edges.length);
    assert.deepEqual(
      es.map((e) => e.label).sort(),
      graph.edges.map((e) => (e.implicit ? e.reason : e.condition)).sort(),
    );
    const cycleEdges = es.filter((e) => e.classes.includes('cycle'));
    assert.deepEqual(
      cycleEdges.map((e) => e.id).sort(),
      graph.edges
        .filter((e) => e.inCycle)
        .map((e) => e.id)
        .sort(),
    );
    assert.equal(cycleEdges.length, 3);
    const errorColour = 'rgb(241, 76, 76)'; // --vscode-editorError-foreground in Dark+
    assert.ok(
      cycleEdges.every((e) => e.stroke === errorColour),
      'cycle arrows are drawn in the error colour',
    );
    assert.ok(
      es.filter((e) => !e.classes.includes('cycle')).every((e) => e.stroke !== errorColour),
    );
    const implicit = es.filter((e) => e.classes.includes('implicit'));
    assert.equal(implicit.length, 2);
    assert.ok(implicit.every((e) => e.dashed && e.label === 'firelens'));
    assert.ok(es.filter((e) => !e.classes.includes('implicit')).every((e) => !e.dashed));
    const blocked = ns
      .filter((n) => n.classes.includes('blocked'))
      .map((n) => n.id)
      .sort();
    assert.deepEqual(blocked, ['cache-warmer', 'metrics-agent', 'scheduler']);
    assert.ok(ns.filter((n) => n.classes.includes('init')).length === 3);
    const worker = ns.find((n) => n.id === 'orders-worker')!;
    assert.ok(
      worker.classes.includes('essential') &&
        worker.badge === '1' &&
        /no healthCheck/.test(worker.badgeTitle!),
    );
    assert.match((await page.locator('.subtitle .status.error').textContent())!, /1 cycle/);
    assert.deepEqual(await page.locator('.story li').allTextContents(), graph.story);

    // Readable: no label box overlaps a container box or another label box.
    const overlaps = await page.evaluate(() => {
      const rects = (sel: string) =>
        [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect());
      const labels = rects('svg.graph .edge-label-box');
      const boxes = rects('svg.graph .node-box');
      const hit = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 1 &&
        b.left < a.right - 1 &&
        a.top < b.bottom - 1 &&
        b.top < a.bottom - 1;
      let count = 0;
      labels.forEach((l, i) => {
        for (const b of boxes) if (hit(l, b)) count++;
        for (const o of labels.slice(i + 1)) if (hit(l, o)) count++;
      });
      return count;
    });
    assert.equal(overlaps, 0);
    await screenshot(page, 'ten-with-cycle');
    assert.deepEqual(errors, []);
  });

  test('the same graph in the Light+ theme takes the theme colours', async () => {
    const { page, errors } = await open({ theme: 'light', width: 1500, height: 740 });
    await show(page, fixture('ten-with-cycle'));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(255, 255, 255)');
    const cycleStroke = await page.$eval(
      'svg.graph .edge.cycle .edge-line',
      (el) => getComputedStyle(el).stroke,
    );
    assert.equal(cycleStroke, 'rgb(229, 20, 0)');
    await screenshot(page, 'ten-with-cycle-light');
    assert.deepEqual(errors, []);
  });

  test('in a High Contrast theme every box and label has the contrast border, and focus the active one', async () => {
    const { page, errors } = await open({ theme: 'high-contrast', width: 1500, height: 740 });
    await show(page, fixture('ten-with-cycle'));
    const look = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        background: getComputedStyle(document.body).backgroundColor,
        dashedBoxWidth: style('svg.graph .node.non-essential .node-box').strokeWidth,
        labelBorder: style('svg.graph .edge-label-box').stroke,
        scrollBorder: style('.graph-scroll').borderTopColor,
      };
    });
    assert.deepEqual(look, {
      background: 'rgb(0, 0, 0)',
      dashedBoxWidth: '2px',
      labelBorder: 'rgb(111, 195, 223)',
      scrollBorder: 'rgb(111, 195, 223)',
    });
    // Keyboard focus on a container: the ring takes contrastActiveBorder.
    await page.locator('body').focus();
    for (
      let k = 0;
      k < 10 && !(await page.evaluate(() => !!document.activeElement?.closest('[data-node-id]')));
      k++
    )
      await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const focused = document.activeElement?.closest('[data-node-id]');
      return focused ? getComputedStyle(focused.querySelector('.focus-ring')!).stroke : null;
    });
    assert.equal(ring, 'rgb(243, 133, 24)');
    await screenshot(page, 'ten-with-cycle-high-contrast');
    assert.deepEqual(errors, []);
  });

  test('hostile container names stay text and run nothing', async () => {
    const { page, dialogs, errors, requests } = await open({ width: 1100, height: 520 });
    const graph = fixture('hostile');
    await show(page, graph);
    await screenshot(page, 'hostile-names');
    const ns = await nodes(page);
    assert.deepEqual(ns.map((n) => n.name).sort(), graph.nodes.map((n) => n.name).sort());
    assert.ok(ns.some((n) => n.name === '<img src=x onerror=alert(1)>'));
    assert.ok(ns.some((n) => n.name === '"><script>alert(1)</script>'));
    assert.equal(await page.locator('h1 .family').textContent(), '<svg onload=alert(1)>');
    const img = ns.find((n) => n.name.startsWith('<img'))!;
    assert.equal(
      img.badgeTitle,
      'Warning (init-not-awaited): <b onmouseover=alert(1)>bold</b> & "quoted" — shown as text',
    );
    assert.ok(
      (await page.locator('.story').textContent())!.includes(
        'Then "><script>alert(1)</script> starts',
      ),
    );
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map(
        (s) => s.getAttribute('src') ?? 'inline',
      ),
      bold: document.querySelectorAll('b').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        el.getAttributeNames().filter((a) => a.startsWith('on')),
      ),
    }));
    assert.deepEqual(injected, {
      images: 0,
      scripts: [`${harness.origin}/dist/webview.js`],
      bold: 0,
      svgs: 0,
      handlers: [],
    });
    // Hover and click the hostile boxes: still nothing runs.
    await page.hover(
      `svg.graph [data-node-id="${'<img src=x onerror=alert(1)>'.replace(/"/g, '\\"')}"]`,
    );
    await page.locator('svg.graph [data-node-id]').first().click();
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await page.evaluate(() => (window as any).__alerts), []);
    assert.ok(
      requests.every((url) => url.startsWith(harness.origin)),
      `only the harness is contacted: ${requests.join(', ')}`,
    );
    const implicit = (await edges(page)).find((e) => e.classes.includes('implicit'))!;
    assert.deepEqual(
      [implicit.label, implicit.dashed, implicit.from, implicit.to],
      ['firelens', true, 'log-router', 'app'],
    );
    assert.deepEqual(errors, []);
  });

  test('FireLens: implicit edges are dashed and labelled with their reason', async () => {
    const { page, errors } = await open({ width: 1100, height: 450 });
    const graph = fixture('firelens');
    await show(page, graph);
    const es = await edges(page);
    assert.deepEqual(es.map((e) => [e.label, e.dashed]).sort(), [
      ['HEALTHY', false],
      ['firelens', true],
      ['firelens', true],
    ]);
    const title = await page
      .locator('svg.graph .edge-labels .implicit title')
      .first()
      .textContent();
    assert.match(title!, /Implicit: FireLens log router, condition START/);
    const ns = await nodes(page);
    assert.ok(
      ns.find((n) => n.id === 'log-router')!.x < ns.find((n) => n.id === 'datadog-agent')!.x,
    );
    assert.ok(
      ns.find((n) => n.id === 'datadog-agent')!.x < ns.find((n) => n.id === 'orders-api')!.x,
    );
    await screenshot(page, 'firelens');
    assert.deepEqual(errors, []);
  });

  test('clicking a container, Enter or Space on it, and clicking an arrow post reveal with its range', async () => {
    const { page } = await open();
    const graph = fixture('ten-with-cycle');
    await show(page, graph, DOC);
    const api = graph.nodes.find((n) => n.id === 'orders-api')!;
    await page.locator('svg.graph [data-node-id="orders-api"]').click();
    let messages = await posted(page);
    assert.deepEqual(messages.at(-1), { command: 'reveal', uri: DOC, range: api.range });
    assert.ok(await page.locator('svg.graph [data-node-id="orders-api"].selected').count());

    // Keyboard: Tab reaches the containers; Enter and Space reveal the focused one.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
    assert.ok(focused, 'a container has the focus after Tab');
    await page.keyboard.press('Enter');
    messages = await posted(page);
    assert.deepEqual(messages.at(-1), {
      command: 'reveal',
      uri: DOC,
      range: graph.nodes.find((n) => n.id === focused)!.range,
    });
    await page.locator('svg.graph [data-node-id="redis"]').focus();
    await page.keyboard.press(' ');
    messages = await posted(page);
    assert.deepEqual(messages.at(-1), {
      command: 'reveal',
      uri: DOC,
      range: graph.nodes.find((n) => n.id === 'redis')!.range,
    });

    const edge = graph.edges.find((e) => e.condition === 'HEALTHY' && e.to === 'orders-api')!;
    await page.locator(`svg.graph .edge-labels [data-edge-id="${edge.id}"]`).click();
    messages = await posted(page);
    assert.deepEqual(messages.at(-1), { command: 'reveal', uri: DOC, range: edge.range });
    const state = await page.evaluate(() => (window as any).__state);
    assert.equal(state.documentUri, DOC);
    assert.equal(state.selectedId, 'redis');
  });

  test('a second update redraws in place (live), keeping the selection', async () => {
    const { page } = await open();
    const graph = fixture('fixed-seed');
    await show(page, graph, DOC);
    await page.locator('svg.graph [data-node-id="app-container"]').click();
    const edited: StartOrderGraph = structuredClone(graph);
    edited.nodes.push({
      ...structuredClone(graph.nodes[1]!),
      id: 'sidecar',
      name: 'sidecar',
      index: 2,
      phase: 2,
      essential: false,
      waitsFor: ['app-container'],
      waitedBy: [],
    });
    edited.edges.push({
      id: 'e1',
      from: 'app-container',
      to: 'sidecar',
      condition: 'HEALTHY',
      reason: 'dependsOn',
      implicit: false,
      inCycle: false,
      range: graph.edges[0]!.range,
    });
    edited.phases.push(['sidecar']);
    edited.story = [...graph.story, 'Then sidecar starts, once app-container reports healthy.'];
    await send(page, { command: 'update', graph: edited, documentUri: DOC });
    const ns = await nodes(page);
    assert.deepEqual(
      ns.map((n) => n.id),
      ['init-setup', 'app-container', 'sidecar'],
    );
    assert.equal((await edges(page)).length, 2);
    assert.equal(await page.locator('.story li').count(), 4);
    assert.ok(ns.find((n) => n.id === 'app-container')!.classes.includes('selected'));
    assert.equal(
      await page.evaluate(() => (window as any).__apiCalls),
      1,
      'no reload: the page asked for the API once',
    );

    // A graph of another document replaces it; 'unavailable' shows the reason.
    await send(page, {
      command: 'update',
      graph: fixture('seed'),
      documentUri: 'file:///workspace/other.json',
    });
    assert.equal(await page.locator('svg.graph [data-node-id].selected').count(), 0);
    assert.match((await page.locator('.subtitle').first().textContent())!, /other\.json/);
    await send(page, {
      command: 'unavailable',
      message: 'notes.json is not an ECS task definition.',
      documentUri: 'file:///workspace/notes.json',
    });
    assert.equal(await page.locator('svg.graph').count(), 0);
    assert.equal(
      await page.locator('.placeholder').textContent(),
      'notes.json is not an ECS task definition.',
    );
  });

  test('select (from a code lens) highlights a container', async () => {
    const { page } = await open({ width: 700, height: 500 });
    await show(page, fixture('ten-with-cycle'));
    await send(page, { command: 'select', containerId: 'metrics-agent' });
    assert.equal(
      await page.locator('svg.graph [data-node-id].selected').getAttribute('data-node-id'),
      'metrics-agent',
    );
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-node-id')),
      'metrics-agent',
    );
    await send(page, { command: 'select', containerId: 'no-such-container' });
    assert.equal(
      await page.locator('svg.graph [data-node-id].selected').getAttribute('data-node-id'),
      'metrics-agent',
    );
  });

  test('the saved state brings the graph back after a reload', async () => {
    const graph = fixture('fixed-seed');
    const { page } = await open({ state: { documentUri: DOC, graph, selectedId: 'init-setup' } });
    assert.equal(
      await page.locator('svg.graph [data-node-id]').count(),
      2,
      'drawn from the state before any update',
    );
    assert.equal(
      await page.locator('svg.graph [data-node-id].selected').getAttribute('data-node-id'),
      'init-setup',
    );
    const { page: broken, errors } = await open({ state: { documentUri: 42, graph: 'nope' } });
    assert.equal(await broken.locator('svg.graph').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('Copy as Mermaid posts a flowchart with escaped names', async () => {
    const { page } = await open();
    await show(page, fixture('hostile'));
    await page.getByRole('button', { name: 'Copy as Mermaid' }).click();
    const message = (await posted(page)).at(-1);
    assert.equal(message.command, 'copyMermaid');
    const text: string = message.text;
    assert.match(text, /^flowchart LR\n/);
    assert.ok(
      !/[<>]/.test(text.replace(/-\.?->|-->/g, '')),
      'no raw angle brackets outside arrows',
    );
    assert.match(text, /c0\["#60;img src=x onerror=alert#40;1#41;#62; #40;init#41;"\]/);
    assert.match(text, /c1\["#34;#62;#60;script#62;alert#40;1#41;#60;\/script#62;"\]/);
    assert.match(text, /c0 -->\|"SUCCESS"\| c1/);
    assert.match(text, /c2 -\.->\|"firelens #40;START#41;"\| c3/);
  });

  test('Save as SVG posts a well-formed standalone SVG with the theme colours written in', async () => {
    const { page } = await open();
    await show(page, fixture('ten-with-cycle'));
    await page.getByRole('button', { name: 'Save as SVG' }).click();
    const message = (await posted(page)).at(-1);
    assert.equal(message.command, 'saveSvg');
    const svg: string = message.svg;
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    const check = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: root.localName,
        ns: root.namespaceURI,
        names: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        css: [...doc.querySelectorAll('*')].some((el) =>
          (el.getAttribute('fill') ?? '').includes('var('),
        ),
        scripts: doc.querySelectorAll('script, foreignObject').length,
        focusRings: doc.querySelectorAll('.focus-ring, [tabindex]').length,
        cycleStroke: [...doc.querySelectorAll('path')].filter(
          (p) => p.getAttribute('stroke') === 'rgb(241, 76, 76)',
        ).length,
      };
    }, svg);
    assert.deepEqual(
      [check.error, check.root, check.ns, check.css, check.scripts, check.focusRings],
      [0, 'svg', 'http://www.w3.org/2000/svg', false, 0, 0],
    );
    assert.ok(check.names.includes('orders-api') && check.names.includes('SUCCESS'));
    assert.equal(check.cycleStroke, 3);

    // The file on its own (no stylesheet, no theme variables) still shows the graph.
    const file = join(ARTIFACTS, 'ten-with-cycle.svg');
    writeFileSync(file, svg);
    const viewer = await browser.newPage({ viewport: { width: 1500, height: 500 } });
    await viewer.goto(`file://${file}`);
    const drawn = await viewer.evaluate(() => ({
      texts: document.querySelectorAll('text').length,
      width: document.documentElement.getBoundingClientRect().width,
    }));
    assert.ok(drawn.texts > 30 && drawn.width > 1000);
    await viewer.screenshot({ path: join(ARTIFACTS, 'ten-with-cycle-exported-svg.png') });
    await viewer.close();
  });

  test('the page has a strict CSP with a nonce, and inline script does not run', async () => {
    const { page } = await open();
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    const nonce = harness.nonces.at(-1)!;
    assert.ok(
      csp!
        .split(';')
        .map((d) => d.trim())
        .includes(`default-src 'none'`),
    );
    assert.ok(csp!.includes(`script-src 'nonce-${nonce}'`));
    assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp!));
    assert.equal(
      await page.$eval('script', (el) => (el as HTMLScriptElement).nonce),
      nonce,
      "the bundle is the nonce'd script",
    );
    const ran = await page.evaluate(async () => {
      (window as any).__inlineRan = false;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as any).__inlineRan;
    });
    assert.equal(ran, false);
  });

  test('forged messages are ignored without breaking the page', async () => {
    const { page, errors } = await open();
    const graph = fixture('fixed-seed');
    await show(page, graph);
    const broken = structuredClone(graph) as any;
    broken.nodes[0].range = { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } };
    for (const forged of [
      null,
      'update',
      42,
      { command: 'evil', graph },
      { command: 'update' },
      { command: 'update', graph: { nodes: 'x' }, documentUri: DOC },
      { command: 'update', graph: broken, documentUri: DOC },
      {
        command: 'update',
        graph: { ...graph, nodes: [graph.nodes[0], graph.nodes[0]] },
        documentUri: DOC,
      },
      { command: 'update', graph, documentUri: 7 },
      { command: 'select', containerId: { id: 'x' } },
      { command: 'unavailable', message: ['x'] },
      { command: '__proto__' },
    ]) {
      await send(page, forged);
    }
    assert.equal(
      await page.locator('svg.graph [data-node-id]').count(),
      2,
      'the last good graph is still shown',
    );
    // A graph whose edges name unknown containers still draws what it can.
    await send(page, {
      command: 'update',
      graph: { ...graph, edges: [{ ...graph.edges[0]!, from: 'ghost' }] },
      documentUri: DOC,
    });
    assert.equal(await page.locator('svg.graph [data-node-id]').count(), 2);
    assert.equal(await page.locator('svg.graph .edges [data-edge-id]').count(), 0);
    // A container that waits for itself (dependency-self) is drawn with a loop.
    const self = structuredClone(graph);
    self.nodes[1]!.phase = -1;
    self.edges = [
      { ...graph.edges[0]!, from: 'app-container', to: 'app-container', inCycle: true },
    ];
    self.phases = [['init-setup']];
    self.cycles = [['app-container']];
    await send(page, { command: 'update', graph: self, documentUri: DOC });
    assert.equal(await page.locator('svg.graph .edges .edge.cycle').count(), 1);
    assert.equal(
      await page.locator('svg.graph .column-heading').last().textContent(),
      'Never starts',
    );
    assert.deepEqual(errors, []);
  });
});

describe('pure parts of the webview', () => {
  test('columns: one per phase, a cycle shares one column right of the last phase, its waiters further right', () => {
    const graph = fixture('ten-with-cycle');
    const { columnOf, columns } = assignColumns(graph);
    for (const n of graph.nodes) if (n.phase >= 0) assert.equal(columnOf.get(n.id), n.phase);
    assert.deepEqual(
      new Set(['scheduler', 'cache-warmer', 'metrics-agent'].map((id) => columnOf.get(id))),
      new Set([4]),
    );
    assert.deepEqual(
      columns.map((c) => c.phase),
      [0, 1, 2, 3, undefined],
    );
    const behind = structuredClone(graph);
    behind.nodes.push({
      ...structuredClone(graph.nodes[0]!),
      id: 'web',
      name: 'web',
      index: 10,
      phase: -1,
    });
    behind.edges.push({
      ...structuredClone(graph.edges[0]!),
      id: 'e10',
      from: 'scheduler',
      to: 'web',
    });
    const second = assignColumns(behind);
    assert.equal(second.columnOf.get('web'), 5);
    assert.equal(second.columns.length, 6);
  });

  test('Mermaid: phases as subgraphs, dotted implicit arrows, the cycle styled red', () => {
    const text = toMermaid(fixture('ten-with-cycle'));
    assert.match(text, /^flowchart LR\n/);
    assert.equal((text.match(/^  subgraph /gm) ?? []).length, 5);
    assert.match(text, /subgraph phase0\["Phase 1: starts first"\]/);
    assert.match(text, /subgraph phase4\["Never starts: dependency cycle"\]/);
    assert.match(text, /c1\["secrets-init #40;init#41;"\]/);
    assert.match(text, /c1 -->\|"SUCCESS"\| c2/);
    assert.equal((text.match(/-\.->\|"firelens #40;START#41;"\|/g) ?? []).length, 2);
    assert.match(text, /^  linkStyle 5,6,7 stroke:#e51400,stroke-width:2px$/m);
    assert.match(text, /^  class c7,c8,c9 blocked$/m);
  });

  test('Mermaid escaping leaves no syntax in names', () => {
    assert.equal(mermaidText('app-1_x.y:z/w@v+u,t=s'), 'app-1_x.y:z/w@v+u,t=s');
    assert.equal(mermaidText('a"]b'), 'a#34;#93;b');
    assert.equal(mermaidText('x\ny%%{init}'), 'x y#37;#37;#123;init#125;');
    assert.equal(mermaidText('<b>&#9;'), '#60;b#62;#38;#35;9#59;');
    assert.equal(mermaidText('`|;'), '#96;#124;#59;');
    assert.equal(mermaidText('é😀'), '#233;#128512;');
  });
});
