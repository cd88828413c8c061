/**
 * The start-order webview for every user, in headless Chromium with VS Code's own theme colours:
 * axe-core on the seed and the ten-container graph in Dark+, Light+, High Contrast and High Contrast
 * Light; contrast of the graph's SVG text (which axe does not measure); what a screen reader gets
 * (Chromium's accessibility tree); the keyboard model; the status line; narrow and wide windows;
 * long and right-to-left names. Screenshots go to test-artifacts/webview/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { StartOrderGraph } from '../../shared/src/graph';
import { contrast, hex, over, parseColour, type Rgba } from './contrast';
import { ROOT, THEME_NAMES, themeColours } from './harness';
import {
  DOC,
  fixture,
  open as openPage,
  posted,
  runAxe,
  screenshot,
  send,
  show,
  useSession,
  type OpenOptions,
} from './session';

const session = useSession();
const open = (options?: OpenOptions) => openPage(session, options);

/** A graph with other names: ids, arrows, phases, cycles and the story follow. */
function renamed(
  graph: StartOrderGraph,
  names: Record<string, string>,
  family?: string,
): StartOrderGraph {
  const g = structuredClone(graph);
  const to = (id: string) => names[id] ?? id;
  if (family !== undefined) g.family = family;
  for (const n of g.nodes) {
    n.id = to(n.id);
    n.name = to(n.name);
    n.waitsFor = n.waitsFor.map(to);
    n.waitedBy = n.waitedBy.map(to);
  }
  for (const e of g.edges) [e.from, e.to] = [to(e.from), to(e.to)];
  g.phases = g.phases.map((p) => p.map(to));
  g.cycles = g.cycles.map((c) => c.map(to));
  const old = Object.keys(names).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(${old.join('|')})(?![\\w-])`, 'g');
  g.story = g.story.map((s) => s.replace(pattern, (name) => names[name]!));
  return g;
}

const LONG_NAME = 'ordersapiservice'.repeat(16).slice(0, 255);
/** Hebrew "main cache", Arabic "log router", Hebrew "orders system". */
const RTL = { redis: 'מטמון-ראשי', 'log-router': 'موجه-السجلات' };
const RTL_FAMILY = 'מערכת-הזמנות';
function longAndRtl(): StartOrderGraph {
  return renamed(fixture('ten-with-cycle'), { 'orders-api': LONG_NAME, ...RTL }, RTL_FAMILY);
}

// ---------------------------------------------------------------------------------------------
// Reading the page

interface Pair {
  what: string;
  text: Rgba;
  background: Rgba;
}

/**
 * Every text of the SVG graph with what lies under it, composited: the page, the column band,
 * then the box, badge, tag or label the text sits on. Computed colours, so `color-mix()` and the
 * theme variables are resolved exactly as the browser paints them.
 */
async function svgTextPairs(page: Page): Promise<Pair[]> {
  const raw = await page.evaluate(() => {
    const css = (el: Element) => getComputedStyle(el);
    const opacity = (el: Element | null) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(css(e).opacity);
      return o;
    };
    const fill = (el: Element) => ({
      colour: css(el).fill,
      opacity: Number(css(el).fillOpacity) * opacity(el),
    });
    const out: { what: string; text: ReturnType<typeof fill>; under: ReturnType<typeof fill>[] }[] =
      [];
    for (const t of document.querySelectorAll('svg.graph text')) {
      const under: ReturnType<typeof fill>[] = [];
      const node = t.closest('[data-node-id]');
      const columnIndex = t.closest('[data-column]')?.getAttribute('data-column');
      const band =
        columnIndex !== undefined && columnIndex !== null
          ? document.querySelector(`svg.graph .column[data-column="${columnIndex}"] .column-band`)
          : null;
      if (band) under.push(fill(band));
      if (node) under.push(fill(node.querySelector('.node-box')!));
      const badge = t.closest('.badge');
      if (badge) under.push(fill(badge.querySelector('circle')!));
      const pill = t.closest('.init-marker');
      if (pill) under.push(fill(pill.querySelector('rect')!));
      const label = t.closest('.edge-label');
      if (label) under.push(fill(label.querySelector('.edge-label-box')!));
      const kind = [...t.classList].join('.') || t.parentElement!.getAttribute('class') || 'text';
      out.push({ what: `${kind} "${t.textContent}"`, text: fill(t), under });
    }
    return { page: css(document.body).backgroundColor, out };
  });
  const page0 = parseColour(raw.page);
  return raw.out.map((r) => {
    let background = page0;
    for (const layer of r.under)
      background = over(parseColour(layer.colour), background, layer.opacity);
    return {
      what: r.what,
      text: over(parseColour(r.text.colour), background, r.text.opacity),
      background,
    };
  });
}

/** The arrows' colours against the page and against each column band they cross. */
async function linePairs(page: Page): Promise<Pair[]> {
  const raw = await page.evaluate(() => {
    const css = (el: Element) => getComputedStyle(el);
    return {
      page: css(document.body).backgroundColor,
      bands: [...document.querySelectorAll('svg.graph .column-band')].map((b) => ({
        colour: css(b).fill,
        opacity: Number(css(b).fillOpacity),
      })),
      lines: [...document.querySelectorAll('svg.graph .edges .edge')].map((g) => {
        const line = g.querySelector('.edge-line')!;
        let opacity = Number(css(line).strokeOpacity);
        for (let e: Element | null = line; e; e = e.parentElement)
          opacity *= Number(css(e).opacity);
        return {
          what: `${g.getAttribute('class')} ${g.getAttribute('data-from')}→${g.getAttribute('data-to')}`,
          colour: css(line).stroke,
          opacity,
        };
      }),
    };
  });
  const page0 = parseColour(raw.page);
  const backgrounds = [
    page0,
    ...raw.bands.map((b) => over(parseColour(b.colour), page0, b.opacity)),
  ];
  return raw.lines.flatMap((l) =>
    backgrounds.map((background) => ({
      what: l.what,
      text: over(parseColour(l.colour), background, l.opacity),
      background,
    })),
  );
}

/**
 * Short HTML texts that axe leaves for review ("too short to judge"): the badges and tags of the
 * stacked list's cards and the zoom buttons' signs, each on the first opaque background under it.
 */
async function shortHtmlTextPairs(page: Page): Promise<Pair[]> {
  const raw = await page.evaluate(() => {
    const layers = (el: Element) => {
      const list: string[] = [];
      for (let e: Element | null = el; e; e = e.parentElement)
        list.push(getComputedStyle(e).backgroundColor);
      return list;
    };
    return [
      ...document.querySelectorAll('.card .badge, .card .init-marker, .tool-group button'),
    ].map((el) => ({
      what: `${el.className || el.localName} "${el.textContent}"`,
      colour: getComputedStyle(el).color,
      under: layers(el),
    }));
  });
  return raw.map((r) => {
    // Paint from the page (the last ancestor) up to the element itself.
    let background = parseColour(r.under.at(-1)!);
    for (const layer of r.under.slice(0, -1).reverse())
      background = over(parseColour(layer), background);
    return { what: r.what, text: over(parseColour(r.colour), background), background };
  });
}

function worst(pairs: Pair[]): { ratio: number; what: string } {
  let result = { ratio: Infinity, what: '' };
  for (const p of pairs) {
    const ratio = contrast(p.text, p.background);
    if (ratio < result.ratio)
      result = { ratio, what: `${p.what}: ${hex(p.text)} on ${hex(p.background)}` };
  }
  return result;
}

function below(pairs: Pair[], minimum: number): string[] {
  return pairs
    .map((p) => ({ p, ratio: contrast(p.text, p.background) }))
    .filter(({ ratio }) => ratio < minimum)
    .map(
      ({ p, ratio }) => `${p.what}: ${hex(p.text)} on ${hex(p.background)} = ${ratio.toFixed(2)}:1`,
    );
}

/** The id of the container with the focus, if any. */
async function focusedNode(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null,
  );
}

async function tabIntoGraph(page: Page): Promise<string> {
  await page.locator('body').focus();
  for (let k = 0; k < 15; k++) {
    await page.keyboard.press('Tab');
    const id = await focusedNode(page);
    if (id) return id;
  }
  throw new Error('Tab never reached a container');
}

/** What Chromium's accessibility tree says about each container: what a screen reader reads. */
async function accessibleNodes(
  page: Page,
): Promise<{ role: string; name: string; description: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: any[] };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.role?.value === 'button')
    .map((n) => ({
      role: n.role.value,
      name: n.name?.value ?? '',
      description: n.description?.value ?? '',
    }));
}

// ---------------------------------------------------------------------------------------------

describe('the graph webview for every user', () => {
  test('the theme colours the tests use are VS Code’s own, for every variable the stylesheet reads', () => {
    const css = readFileSync(join(ROOT, 'media', 'graph.css'), 'utf8');
    const read = [
      ...new Set([...css.matchAll(/var\(\s*--vscode-([A-Za-z0-9-]+)/g)].map((m) => m[1]!)),
    ].filter((name) => !name.startsWith('font-'));
    for (const theme of THEME_NAMES) {
      const file = themeColours(theme);
      const known = new Set([...Object.keys(file.colours), ...file.missing]);
      assert.deepEqual(
        read.filter((name) => !known.has(name)),
        [],
        `${theme}: run node scripts/capture-theme-colours.mjs after the stylesheet reads a new colour`,
      );
    }
    assert.equal(themeColours('light').colours['editor-foreground'], '#000000');
    assert.equal(themeColours('high-contrast').colours['charts-orange'], '#ab5a00');
    assert.equal(themeColours('high-contrast-light').colours['editor-foreground'], '#292929');
  });

  for (const theme of THEME_NAMES) {
    test(`axe-core finds nothing in ${theme}: the seed, the ten-container graph, and the stacked list`, async (t) => {
      const cases: { name: string; graph: StartOrderGraph; width: number; stacked: boolean }[] = [
        { name: 'seed', graph: fixture('seed'), width: 1100, stacked: false },
        { name: 'ten-with-cycle', graph: fixture('ten-with-cycle'), width: 1500, stacked: false },
        { name: 'ten-with-cycle', graph: fixture('ten-with-cycle'), width: 500, stacked: true },
      ];
      for (const c of cases) {
        const { page, errors } = await open({ theme, width: c.width, height: 800 });
        await show(page, c.graph, DOC);
        assert.equal(await page.locator('.stacked').count(), c.stacked ? 1 : 0);
        // A selected container and one with the focus are states of their own: check them too.
        const first = c.graph.nodes[0]!.id;
        await page.locator(`[data-node-id="${first}"]`).click();
        await tabIntoGraph(page);
        await page.keyboard.press('ArrowDown');
        const { violations, incomplete } = await runAxe(page);
        t.diagnostic(
          `${theme} ${c.name} at ${c.width} px: ${violations.length} violations, ${incomplete.length} to review (${incomplete.map((i) => `${i.rule} ×${i.targets.length}`).join(', ') || 'none'})`,
        );
        assert.deepEqual(violations, [], `${theme} ${c.name} at ${c.width} px`);
        assert.deepEqual(errors, []);
        await page.close();
      }
    });

    test(`text in the graph reaches 4.5:1 and arrows 3:1 in ${theme}, selected and focused too`, async (t) => {
      const { page } = await open({ theme, width: 1500, height: 800 });
      await show(page, fixture('ten-with-cycle'), DOC);
      // orders-api: selected (filled box); redis: focused (ring, and its arrows highlighted).
      await page.locator('[data-node-id="orders-api"]').click();
      await tabIntoGraph(page);
      await page.locator('[data-node-id="redis"]').focus();
      const texts = await svgTextPairs(page);
      const lines = await linePairs(page);
      assert.ok(texts.length > 40 && lines.length > 20);
      const text = worst(texts);
      const line = worst(lines);
      t.diagnostic(
        `${theme}: lowest text ${text.ratio.toFixed(2)}:1 (${text.what}); lowest arrow ${line.ratio.toFixed(2)}:1 (${line.what})`,
      );
      assert.deepEqual(below(texts, 4.5), []);
      assert.deepEqual(below(lines, 3), []);
      await screenshot(page, `theme-${theme}-selected-and-focused`);

      // The stacked list's badges and tags, and the zoom buttons.
      const narrow = await open({ theme, width: 500, height: 800 });
      await show(narrow.page, fixture('ten-with-cycle'), DOC);
      const short = await shortHtmlTextPairs(narrow.page);
      assert.ok(short.length >= 10);
      const lowest = worst(short);
      t.diagnostic(
        `${theme}: lowest badge, tag or zoom sign ${lowest.ratio.toFixed(2)}:1 (${lowest.what})`,
      );
      assert.deepEqual(below(short, 4.5), []);
      await screenshot(narrow.page, `theme-${theme}-stacked`);
    });
  }

  test('a screen reader gets each container’s words, phase, arrows and problems; the arrows’ labels are not read twice', async () => {
    const { page } = await open({ width: 1500, height: 800 });
    const graph = fixture('ten-with-cycle');
    await show(page, graph, DOC);
    const buttons = await accessibleNodes(page);
    const api = buttons.find((b) => b.name.startsWith('\u2068orders-api\u2069'))!;
    assert.equal(
      api.name,
      '\u2068orders-api\u2069, essential · \u2068api:3.8.1\u2069, 1 problem. Phase 3 of 4. ' +
        'Waits for \u2068db-migrate\u2069 (SUCCESS), \u2068redis\u2069 (HEALTHY), \u2068config-render\u2069 (COMPLETE), ' +
        '\u2068log-router\u2069 (START, FireLens log router). \u2068orders-worker\u2069 waits for it.',
    );
    const problem = graph.nodes.find((n) => n.id === 'orders-api')!.problems[0]!;
    assert.equal(api.description, `1 problem: Error (${problem.code}): ${problem.message}`);
    assert.equal(problem.severity, 'error');
    const init = buttons.find((b) => b.name.startsWith('\u2068secrets-init\u2069'))!;
    assert.match(
      init.name,
      /^\u2068secrets-init\u2069, INIT, non-essential · \u2068aws-cli:2\.17\.0\u2069, 1 problem\. /,
    );
    assert.match(
      init.name,
      /Phase 1 of 4\. Waits for no other container\. \u2068db-migrate\u2069 waits for it\.$/,
    );
    const blocked = buttons.find((b) => b.name.startsWith('\u2068scheduler\u2069'))!;
    assert.match(blocked.name, /Never starts: it is on, or waits for, a dependency cycle\./);
    // One button per container and nothing else in the graph: the arrows' labels are hidden from
    // assistive technology (each container's name already says them) and no <title> repeats a name.
    const inGraph = buttons.filter((b) =>
      graph.nodes.some((n) => b.name.startsWith(`\u2068${n.name}\u2069`)),
    );
    assert.equal(inGraph.length, graph.nodes.length);
    assert.equal(await page.locator('svg.graph [data-node-id] title').count(), 0);
    assert.equal(await page.locator('svg.graph .edge-labels[aria-hidden="true"]').count(), 1);
  });

  test('the status line alone is live, and speaks only when the counts change', async () => {
    const { page } = await open({ width: 1500 });
    const graph = fixture('ten-with-cycle');
    assert.equal(await page.locator('main[aria-live]').count(), 0, 'the page itself is not live');
    await page.evaluate(() => {
      const status = document.querySelector('[role="status"]')!;
      (window as any).__said = [];
      new MutationObserver(() => (window as any).__said.push(status.textContent)).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const said = () => page.evaluate(() => (window as any).__said as string[]);
    await show(page, graph, DOC);
    // Typing in the editor sends a new graph per keystroke: the same counts say nothing.
    for (let i = 0; i < 3; i++) await send(page, { command: 'update', graph, documentUri: DOC });
    const fewer = structuredClone(graph);
    fewer.nodes = fewer.nodes.filter((n) => n.id !== 'orders-worker');
    fewer.edges = fewer.edges.filter((e) => e.to !== 'orders-worker');
    fewer.phases = fewer.phases.slice(0, 3);
    await send(page, { command: 'update', graph: fewer, documentUri: DOC });
    await send(page, { command: 'update', graph: fewer, documentUri: DOC });
    assert.deepEqual(await said(), [
      '10 containers, 4 phases, 1 cycle',
      '9 containers, 3 phases, 1 cycle',
    ]);
    assert.equal(
      await page.locator('[aria-live], [role="status"], [role="alert"], [role="log"]').count(),
      1,
    );
    assert.equal(await page.locator('[role="status"]').getAttribute('class'), 'visually-hidden');
  });

  test('keyboard: one tab stop, arrows within a column and along the arrows, Home and End, focus apart from selection', async () => {
    const { page } = await open({ width: 1500, height: 800 });
    const graph = fixture('ten-with-cycle');
    await show(page, graph, DOC);
    const tabStops = () =>
      page.$$eval('svg.graph [tabindex]', (els) =>
        els
          .filter((el) => el.getAttribute('tabindex') !== '-1')
          .map((el) => el.getAttribute('data-node-id')),
      );
    assert.equal((await tabStops()).length, 1, 'the graph is one tab stop');
    // The columns as drawn, top to bottom.
    const columns = await page.$$eval('svg.graph [data-node-id]', (els) => {
      const byColumn = new Map<number, { id: string; y: number }[]>();
      for (const el of els) {
        const column = Number(el.getAttribute('data-column'));
        const y = el.getBoundingClientRect().top;
        byColumn.set(column, [
          ...(byColumn.get(column) ?? []),
          { id: el.getAttribute('data-node-id')!, y },
        ]);
      }
      return [...byColumn.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, list]) => list.sort((a, b) => a.y - b.y).map((n) => n.id));
    });
    const press = async (key: string) => {
      await page.keyboard.press(key);
      return focusedNode(page);
    };
    const firstColumn = columns[0]!;
    assert.equal(await tabIntoGraph(page), firstColumn[0], 'Tab enters on the first container');
    assert.deepEqual(await tabStops(), [firstColumn[0]]);
    assert.equal(await press('ArrowUp'), firstColumn[0], 'Up at the top stays');
    for (const id of firstColumn.slice(1)) assert.equal(await press('ArrowDown'), id);
    assert.equal(await press('ArrowDown'), firstColumn.at(-1), 'Down at the bottom stays');
    assert.deepEqual(await tabStops(), [firstColumn.at(-1)], 'the tab stop moves with the focus');
    // Along the arrows: secrets-init → db-migrate → orders-api → orders-worker, and back.
    await page.locator('[data-node-id="secrets-init"]').focus();
    assert.equal(await press('ArrowRight'), 'db-migrate');
    assert.equal(await press('ArrowRight'), 'orders-api');
    assert.equal(await press('ArrowRight'), 'orders-worker');
    assert.equal(await press('ArrowLeft'), 'orders-api');
    assert.equal(await press('ArrowLeft'), 'db-migrate', 'back along the nearest arrow');
    // No arrow leads right from orders-worker: the nearest container of the next column.
    await page.locator('[data-node-id="orders-worker"]').focus();
    assert.ok(columns[4]!.includes((await press('ArrowRight'))!));
    // In the cycle's column, Right follows the cycle's arrows.
    await page.locator('[data-node-id="scheduler"]').focus();
    assert.equal(await press('ArrowRight'), 'metrics-agent');
    assert.equal(await press('Home'), columns[0]![0]);
    assert.equal(await press('End'), columns.at(-1)!.at(-1));
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'arrow keys do not scroll the page');

    // Enter selects and reveals; moving on leaves the selection where it was.
    await page.locator('[data-node-id="redis"]').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), {
      command: 'reveal',
      uri: DOC,
      range: graph.nodes.find((n) => n.id === 'redis')!.range,
    });
    assert.equal(await press('ArrowRight'), 'orders-api');
    const look = await page.evaluate(() => {
      const at = (id: string) => document.querySelector(`[data-node-id="${id}"]`)!;
      const ring = (id: string) => getComputedStyle(at(id).querySelector('.focus-ring')!).stroke;
      const box = (id: string) => getComputedStyle(at(id).querySelector('.node-box')!).strokeWidth;
      return {
        selected: [...document.querySelectorAll('[data-node-id].selected')].map((el) =>
          el.getAttribute('data-node-id'),
        ),
        current: [...document.querySelectorAll('[aria-current="true"]')].map((el) =>
          el.getAttribute('data-node-id'),
        ),
        ringOnFocused: ring('orders-api'),
        ringOnSelected: ring('redis'),
        boxOfSelected: box('redis'),
        boxOfFocused: box('orders-api'),
        // Nothing fades while a container has the focus.
        faded: [
          ...document.querySelectorAll('svg.graph [data-node-id], svg.graph .edge-label'),
        ].filter((el) => {
          for (let e: Element | null = el; e; e = e.parentElement)
            if (Number(getComputedStyle(e).opacity) < 1) return true;
          return false;
        }).length,
      };
    });
    assert.deepEqual(look.selected, ['redis']);
    assert.deepEqual(look.current, ['redis']);
    assert.notEqual(look.ringOnFocused, 'none');
    assert.equal(look.ringOnSelected, 'none', 'the selected container shows no focus ring');
    assert.equal(look.boxOfSelected, '3.5px');
    assert.equal(look.boxOfFocused, '2px');
    assert.equal(look.faded, 0);
    // Tab leaves the graph for the details of the focused container; Shift+Tab comes back to it.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Show in editor');
    assert.equal(await page.locator('.details h2').textContent(), 'orders-api');
    assert.equal(await press('Shift+Tab'), 'orders-api');
  });

  test('keyboard: a focused container scrolls fully into view, and the details reveal each arrow', async () => {
    const { page } = await open({ width: 700, height: 420 });
    const graph = fixture('ten-with-cycle');
    await show(page, graph, DOC);
    // At full size the graph is wider and taller than its area: the area scrolls.
    await page.getByRole('button', { name: 'Fit to width' }).click();
    assert.equal(
      await page.getByRole('button', { name: 'Fit to width' }).getAttribute('aria-pressed'),
      'false',
    );
    assert.equal(await page.locator('.zoom-level').textContent(), '100 %');
    const visible = async () =>
      page.evaluate(() => {
        const el = document.activeElement!.querySelector('.node-box')!.getBoundingClientRect();
        const area = document.querySelector('.graph-scroll')!.getBoundingClientRect();
        const inside = (r: DOMRect) =>
          r.left >= area.left &&
          r.right <= area.right &&
          r.top >= area.top &&
          r.bottom <= area.bottom;
        return inside(el) && el.bottom <= window.innerHeight && el.right <= window.innerWidth;
      });
    await tabIntoGraph(page);
    for (const key of [
      'End',
      'Home',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowDown',
      'End',
    ]) {
      await page.keyboard.press(key);
      assert.ok(await visible(), `after ${key}, ${await focusedNode(page)} shows whole`);
    }
    // The area keeps its scroll bars within the window.
    const area = await page.evaluate(() => {
      const el = document.querySelector('.graph-scroll')!;
      return {
        bottom: el.getBoundingClientRect().bottom,
        scrolls: el.scrollWidth > el.clientWidth,
      };
    });
    assert.ok(area.scrolls && area.bottom <= 420, `the area ends at ${area.bottom}`);
    // From orders-api's details, a keyboard user reveals the dependsOn entry of each arrow.
    await page.locator('[data-node-id="orders-api"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'db-migrate (SUCCESS)',
    );
    await page.keyboard.press('Enter');
    const edge = graph.edges.find((e) => e.from === 'db-migrate' && e.to === 'orders-api')!;
    assert.deepEqual((await posted(page)).at(-1), {
      command: 'reveal',
      uri: DOC,
      range: edge.range,
    });
    const problem = graph.nodes.find((n) => n.id === 'orders-api')!.problems[0]!;
    assert.deepEqual(await page.locator('.details-problems li').allTextContents(), [
      `Error (${problem.code}): ${problem.message}`,
    ]);
  });

  test('fit to width and zoom: the ten-container graph fits at 1400 px and zooms in and out', async () => {
    const { page } = await open({ width: 1400, height: 800 });
    await show(page, fixture('ten-with-cycle'), DOC);
    const state = () =>
      page.evaluate(() => {
        const area = document.querySelector('.graph-scroll')!;
        const svg = document.querySelector('svg.graph') as SVGSVGElement | null;
        return {
          fit: document.querySelector('[data-action="zoom-fit"]')!.getAttribute('aria-pressed'),
          level: document.querySelector('.zoom-level')!.textContent,
          scale: svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0,
          cut: area.scrollWidth > area.clientWidth,
        };
      });
    let s = await state();
    assert.equal(s.fit, 'true');
    assert.ok(s.scale > 0.9 && s.scale < 1 && !s.cut, JSON.stringify(s));
    await page.getByRole('button', { name: 'Zoom in' }).click();
    s = await state();
    assert.ok(s.fit === 'false' && s.level === '100 %' && s.cut, JSON.stringify(s));
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.equal((await state()).level, '110 %');
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
    s = await state();
    assert.ok(s.level === '75 %' && Math.abs(s.scale - 0.75) < 0.01 && !s.cut, JSON.stringify(s));
    await page.getByRole('button', { name: 'Fit to width' }).click();
    assert.equal((await state()).fit, 'true');
    // The focus stays on the button pressed, though the page was redrawn.
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-action')),
      'zoom-fit',
    );
  });

  for (const width of [360, 500, 800, 1400]) {
    test(`at ${width} px nothing is cut off: the seed, the ten-container graph, long and right-to-left names`, async (t) => {
      const cases = [
        { name: 'seed', graph: fixture('seed') },
        { name: 'ten-with-cycle', graph: fixture('ten-with-cycle') },
        { name: 'long-rtl-names', graph: longAndRtl() },
      ];
      for (const c of cases) {
        const { page, errors } = await open({ width, height: 800 });
        await show(page, c.graph, DOC);
        const check = await page.evaluate(() => {
          const area = document.querySelector('.graph-scroll')!.getBoundingClientRect();
          const boxes = [...document.querySelectorAll('[data-node-id]')].map((el) => {
            const box = (el.querySelector('.node-box') ?? el).getBoundingClientRect();
            const badge = el.querySelector('.badge')?.getBoundingClientRect();
            return { id: el.getAttribute('data-node-id'), box, badge };
          });
          const inside = (r: DOMRect | undefined) =>
            !r || (r.left >= area.left - 0.5 && r.right <= area.right + 0.5);
          const status = document.querySelector('.status');
          return {
            stacked: document.querySelector('.stacked') !== null,
            pageWidth: document.documentElement.scrollWidth,
            outside: boxes.filter((b) => !inside(b.box) || !inside(b.badge)).map((b) => b.id),
            statusLines: status ? status.getClientRects().length : 0,
            statusHeight: status?.getBoundingClientRect().height ?? 0,
          };
        });
        t.diagnostic(
          `${c.name} at ${width} px: ${check.stacked ? 'stacked list' : 'columns'}, page ${check.pageWidth} px wide`,
        );
        assert.ok(check.pageWidth <= width, `${c.name}: the page is ${check.pageWidth} px wide`);
        assert.deepEqual(check.outside, [], `${c.name}: containers or badges cut off`);
        if (c.graph.cycles.length > 0)
          assert.ok(
            check.statusLines === 1 && check.statusHeight < 24,
            `${c.name}: "1 cycle" on one line`,
          );
        if (c.name !== 'seed')
          assert.equal(check.stacked, width < 1000, `${c.name} stacked below 1000 px`);
        else assert.equal(check.stacked, false, 'the seed fits as columns at every width');
        await screenshot(page, `width-${width}-${c.name}`);
        assert.deepEqual(errors, []);
        await page.close();
      }
    });
  }

  test('long and right-to-left names: isolated in names, in <bdi> on the page, and the graph still works', async () => {
    const { page, errors } = await open({ width: 1500, height: 800 });
    const graph = longAndRtl();
    await show(page, graph, DOC);
    const buttons = await accessibleNodes(page);
    for (const name of [LONG_NAME, ...Object.values(RTL)])
      assert.ok(
        buttons.some((b) => b.name.startsWith(`\u2068${name}\u2069, `)),
        `the accessible name begins with the isolated ${name.slice(0, 20)}`,
      );
    const api = buttons.find((b) => b.name.startsWith(`\u2068${LONG_NAME}`))!;
    assert.match(api.name, /Waits for .*\u2068מטמון-ראשי\u2069 \(HEALTHY\)/);
    assert.equal(await page.locator('h1 .family bdi').textContent(), RTL_FAMILY);
    const bdis = await page.locator('.story bdi').allTextContents();
    assert.ok(
      bdis.includes(RTL.redis) && bdis.includes(LONG_NAME) && bdis.includes(RTL['log-router']),
    );
    // The long name is cut with an ellipsis in its box, and the box keeps its width.
    const box = await page.$eval(`[data-node-id="${LONG_NAME}"]`, (el) => ({
      width: el.querySelector('.node-box')!.getBoundingClientRect().width,
      ellipsis: el.querySelector('.node-name.ellipsis')?.textContent,
    }));
    assert.ok(box.width <= 360 && box.ellipsis === '…', JSON.stringify(box));
    const { violations } = await runAxe(page);
    assert.deepEqual(violations, []);
    await screenshot(page, 'long-rtl-names');
    assert.deepEqual(errors, []);
  });

  test('the stacked list: the same keyboard model and the same words, one column, cards that wrap', async () => {
    const { page } = await open({ width: 360, height: 700 });
    const graph = fixture('ten-with-cycle');
    await show(page, graph, DOC);
    assert.equal(await page.locator('.stacked').count(), 1);
    assert.equal(await page.locator('.zoom-level').textContent(), 'list');
    const order = await page.$$eval('.stacked [data-node-id]', (els) =>
      els.map((el) => el.getAttribute('data-node-id')),
    );
    assert.deepEqual(order.slice(0, 4).sort(), [...graph.phases[0]!].sort());
    assert.deepEqual(order.slice(-3).sort(), ['cache-warmer', 'metrics-agent', 'scheduler']);
    const headings = await page.locator('.stacked h2').allTextContents();
    assert.deepEqual(headings, [
      'Phase 1starts first',
      'Phase 2starts after',
      'Phase 3starts after',
      'Phase 4starts after',
      'Never startsdependency cycle',
    ]);
    const api = page.locator('[data-node-id="orders-api"]');
    assert.equal(
      (await api.locator('.card-waits').textContent())!,
      'waits for db-migrate (SUCCESS), redis (HEALTHY), config-render (COMPLETE), log-router (START, FireLens log router)',
    );
    assert.match(
      (await api.getAttribute('aria-label'))!,
      /^\u2068orders-api\u2069, essential · \u2068api:3\.8\.1\u2069, waits for \u2068db-migrate\u2069 \(SUCCESS\), .*\(START, FireLens log router\), 1 problem\. Phase 3 of 4\. /,
    );
    assert.equal(await tabIntoGraph(page), order[0]);
    assert.equal(await page.keyboard.press('ArrowDown').then(() => focusedNode(page)), order[1]);
    await page.locator('[data-node-id="secrets-init"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedNode(page), 'db-migrate');
    await page.keyboard.press('End');
    assert.equal(await focusedNode(page), order.at(-1));
    const focused = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(focused, 'the focused card is in view');
    await page.keyboard.press(' ');
    assert.deepEqual((await posted(page)).at(-1), {
      command: 'reveal',
      uri: DOC,
      range: graph.nodes.find((n) => n.id === order.at(-1))!.range,
    });
    // Save as SVG still saves the columns graph.
    await page.getByRole('button', { name: 'Save as SVG' }).click();
    const saved = (await posted(page)).at(-1);
    assert.equal(saved.command, 'saveSvg');
    assert.match(saved.svg, /<svg [^>]*viewBox="0 0 \d+ \d+"/);
    assert.ok(saved.svg.includes('>orders-api<'));
    assert.equal(
      await page.locator('svg.graph').count(),
      0,
      'the drawing for the file is gone again',
    );
    await screenshot(page, 'stacked-360-focused');
  });
});
