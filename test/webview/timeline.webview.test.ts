/**
 * The timeline view of the start simulation, in headless Chromium: the page gets graphs and
 * simulations as the panel sends them (timelineHost.ts runs the engine as the language server
 * does) and the tests read the DOM, the accessibility tree and the painted colours. The scenario
 * controls, the outcome sentence, the bars, live updates, the keyboard, axe-core and contrast in
 * VS Code's four reference themes, narrow and wide panels. Screenshots go to test-artifacts/webview/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axisFor, barOf, barOrder } from '../../client/webview/bars';
import { barFacts, eventRows } from '../../client/webview/timelineWords';
import type { SimulationResult } from '../../shared/src/simulation';
import { contrast, hex, over, parseColour, type Rgba } from './contrast';
import { ROOT, THEME_NAMES } from './harness';
import { open as openPage, posted, runAxe, screenshot, send, useSession } from './session';
import type { OpenOptions } from './session';
import { answer, asked, openTimeline, sendSimulation, task, type Task } from './timelineHost';

const session = useSession();
const open = (options?: OpenOptions) => openPage(session, options);

const SEED = 'examples/seed-task-definition.json';
const FIXED_SEED = 'examples/fixed-task-definition.json';
const ORDERS = 'test/webview/sources/orders-timeline.task-def.json';

/** Picks a scenario with the mouse and answers the page's simulate message as the panel does. */
async function choose(page: Page, t: Task, label: RegExp | string): Promise<void> {
  const before = (await asked(page)).length;
  await page.getByRole('radio', { name: label }).check();
  await answer(page, t, before);
}

interface RowInfo {
  id: string;
  facts: string;
  phases: string[];
  end: string | null;
  classes: string[];
}

async function rows(page: Page): Promise<RowInfo[]> {
  return page.$$eval('.timeline [data-node-id]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-node-id')!,
      facts: el.querySelector('.bar-facts')!.textContent!,
      phases: [...el.querySelectorAll('.phase')].map((p) =>
        [...p.classList].filter((c) => c !== 'phase').join(' '),
      ),
      end: el.querySelector('.bar-end')?.getAttribute('class') ?? null,
      classes: [...el.classList],
    })),
  );
}

async function outcome(page: Page): Promise<string> {
  return (await page.locator('.outcome-sentence').textContent())!;
}

async function radios(page: Page): Promise<{ label: string; checked: boolean }[]> {
  return page.$$eval('.scenarios label', (labels) =>
    labels.map((l) => ({
      label: l.textContent!,
      checked: (l.querySelector('input') as HTMLInputElement).checked,
    })),
  );
}

async function focusedNode(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null,
  );
}

async function press(page: Page, key: string): Promise<string | null> {
  await page.keyboard.press(key);
  return focusedNode(page);
}

/** Where a bar's phase or mark lies along its track, as a share of the track's width. */
async function along(page: Page, id: string, selector: string): Promise<number> {
  return page.$eval(
    `.timeline [data-node-id="${id}"]`,
    (row, sel) => {
      const track = row.querySelector('.bar-track')!.getBoundingClientRect();
      const mark = row.querySelector(sel)!.getBoundingClientRect();
      const width = parseFloat(getComputedStyle(row.querySelector('.bar-track')!).width);
      return (mark.left - track.left) / width;
    },
    selector,
  );
}

/** Chromium's accessibility tree: what a screen reader gets for each row and radio button. */
async function accessible(
  page: Page,
): Promise<{ role: string; name: string; description: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: any[] };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && ['button', 'radio'].includes(n.role?.value))
    .map((n) => ({
      role: n.role.value,
      name: n.name?.value ?? '',
      description: n.description?.value ?? '',
    }));
}

/** The words of a text, without isolates and punctuation, for "the name begins with the label". */
function words(text: string): string[] {
  return text
    .replace(/[\u2068\u2069]/g, '')
    .split(/[\s,.:·()]+/)
    .filter(Boolean);
}

describe('the timeline', () => {
  test('the seed: the outcome on top, a bar per container, and "init-setup fails"', async () => {
    const { page, errors } = await open({ width: 1100, height: 800 });
    const t = task(SEED);
    await openTimeline(page, t);
    assert.deepEqual(await asked(page), [{ kind: 'succeeds' }]);
    assert.equal(
      await outcome(page),
      'The task stops because init-setup is essential and exited with code 0 at 5 s (every container has stopped by 35 s).',
    );
    // On top: the outcome, then the scenarios, then the chart.
    const tops = await page.evaluate(() =>
      ['.outcome', '.scenarios', '.timeline'].map(
        (s) => document.querySelector(s)!.getBoundingClientRect().top,
      ),
    );
    assert.ok(tops[0]! < tops[1]! && tops[1]! < tops[2]!, JSON.stringify(tops));
    assert.deepEqual(await radios(page), [
      { label: 'Everything succeeds', checked: true },
      { label: 'init-setup fails (exits with code 1)', checked: false },
    ]);
    assert.deepEqual(await rows(page), [
      {
        id: 'init-setup',
        facts: 'starts at 0 s · exits with code 0 at 5 s',
        phases: ['running'],
        end: 'bar-end exited',
        classes: ['node', 'bar-row', 'essential', 'init'],
      },
      {
        id: 'app-container',
        facts: 'starts at 0 s · stopped by 35 s',
        phases: ['running', 'stopping'],
        end: 'bar-end stopped',
        classes: ['node', 'bar-row', 'essential'],
      },
    ]);
    // The axis runs to 35 s: init-setup's exit and the task's stop at 5 s sit at a seventh of it.
    assert.equal((await page.locator('.timeline-axis .tick').allTextContents()).at(-1), '35 s');
    assert.ok(Math.abs((await along(page, 'init-setup', '.bar-end')) - 5 / 35) < 0.01);
    assert.ok(Math.abs((await along(page, 'app-container', '.task-stop')) - 5 / 35) < 0.01);
    assert.equal(
      await page.locator('[role="status"]').textContent(),
      await outcome(page),
      'the status line says the outcome',
    );

    await choose(page, t, 'init-setup fails (exits with code 1)');
    assert.deepEqual((await asked(page)).at(-1), { kind: 'fails', container: 'init-setup' });
    assert.equal(
      await outcome(page),
      'The task stops because init-setup is essential and exited with code 1 at 5 s (every container has stopped by 35 s).',
    );
    assert.equal((await rows(page))[0]!.end, 'bar-end exited failed');
    assert.equal((await rows(page))[0]!.facts, 'starts at 0 s · exits with code 1 at 5 s');
    assert.deepEqual(
      (await radios(page)).map((r) => r.checked),
      [false, true],
    );
    await screenshot(page, 'timeline-seed-init-fails');
    assert.deepEqual(errors, []);
  });

  test('the fixed seed with "init-setup fails": app-container never starts, and the task stops because it is essential', async () => {
    const { page } = await open({ width: 1100, height: 700 });
    const t = task(FIXED_SEED);
    await openTimeline(page, t);
    assert.equal(await outcome(page), 'Every container starts and the task keeps running.');
    await choose(page, t, /init-setup fails/);
    assert.equal(
      await outcome(page),
      'app-container never starts: init-setup exited with code 1 and app-container waits for SUCCESS; the task stops because app-container is essential and was stopped without starting at 5 s.',
    );
    const app = (await rows(page)).find((r) => r.id === 'app-container')!;
    assert.deepEqual(app.phases, ['blocked']);
    assert.equal(app.end, 'bar-end stopped failed');
    assert.equal(app.facts, 'never starts · stopped at 5 s (exit code 143)');
    assert.ok(app.classes.includes('blocked'));
  });

  test('orders: the scenarios that make sense, slower than a startTimeout, a health check that never passes', async () => {
    const { page, errors } = await open({ width: 1400, height: 900 });
    const t = task(ORDERS);
    await openTimeline(page, t);
    assert.deepEqual(
      (await radios(page)).map((r) => r.label),
      [
        'Everything succeeds',
        'secrets-init fails (exits with code 1)',
        'db-migrate fails (exits with code 1)',
        'db-migrate is slower than its startTimeout (runs 240 s, limit 120 s)',
        'redis never becomes healthy',
        'orders-api never becomes healthy',
      ],
    );
    assert.equal(await outcome(page), 'Every container starts and the task keeps running.');
    const ordered = await rows(page);
    assert.deepEqual(
      ordered.map((r) => r.id),
      ['log-router', 'secrets-init', 'redis', 'db-migrate', 'orders-api', 'orders-worker'],
      'in the order they start',
    );
    assert.deepEqual(ordered.find((r) => r.id === 'orders-api')!.phases, [
      'waiting',
      'running',
      'healthy open',
    ]);
    assert.equal(
      ordered.find((r) => r.id === 'orders-api')!.facts,
      'starts at 10 s · healthy at 25 s · keeps running',
    );
    await screenshot(page, 'timeline-1400-everything-succeeds');

    await choose(page, t, /db-migrate is slower/);
    assert.match(
      await outcome(page),
      /^orders-api never starts: db-migrate did not reach SUCCESS within its startTimeout \(120 s from its start at 5 s\)/,
    );
    let now = await rows(page);
    assert.deepEqual(now.find((r) => r.id === 'orders-api')!.phases, ['blocked']);
    assert.deepEqual(now.find((r) => r.id === 'db-migrate')!.phases, [
      'waiting',
      'running',
      'stopping',
    ]);
    assert.equal(
      now.find((r) => r.id === 'orders-worker')!.facts,
      'never starts · stopped at 125 s',
    );
    assert.ok(Math.abs((await along(page, 'orders-api', '.bar-end')) - 125 / 180) < 0.01);
    // The table tells it all, the task's stop included.
    const result = t.simulate(t.scenario);
    const table = await page.$$eval('.events tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)),
    );
    assert.equal(table.length, eventRows(result).length);
    assert.ok(table.some((r) => r[1] === 'the task' && r[2] === 'stops' && r[0] === '125 s'));
    await screenshot(page, 'timeline-1400-slower');

    await choose(page, t, /redis never becomes healthy/);
    now = await rows(page);
    assert.deepEqual(now.find((r) => r.id === 'redis')!.phases, ['running', 'unhealthy open']);
    assert.equal(now.find((r) => r.id === 'orders-api')!.facts, 'never starts · waits forever');
    assert.deepEqual(now.find((r) => r.id === 'orders-api')!.phases, ['blocked open']);
    assert.match(
      await outcome(page),
      /the task stays PENDING: an essential container never starts\.$/,
    );
    await screenshot(page, 'timeline-1400-never-healthy');
    assert.deepEqual(errors, []);
  });

  test('live: a new graph and its simulation redraw in place; the scenario stays while it applies', async () => {
    const { page, errors } = await open({ width: 1100, height: 800 });
    const t = task(ORDERS);
    await openTimeline(page, t);
    await choose(page, t, /secrets-init fails/);
    const failing = await outcome(page);
    assert.match(failing, /^db-migrate never starts: secrets-init exited with code 1/);
    await page.locator('.timeline [data-node-id="orders-api"]').focus();

    // The file changes (here: redis gets a shorter stopTimeout): the panel sends the graph, then
    // the simulation in the same scenario.
    const text = readFileSync(join(ROOT, ORDERS), 'utf8');
    const slower = task(
      ORDERS,
      text.replace(
        '"image": "redis:7.2-alpine",',
        '"image": "redis:7.2-alpine", "stopTimeout": 10,',
      ),
    );
    slower.scenario = t.scenario;
    await send(page, { command: 'update', graph: slower.graph, documentUri: slower.uri });
    await sendSimulation(page, slower);
    assert.equal(await focusedNode(page), 'orders-api', 'the focus stays on its bar');
    assert.deepEqual(
      (await radios(page)).find((r) => r.checked)?.label,
      'secrets-init fails (exits with code 1)',
    );
    assert.equal(
      (await rows(page)).find((r) => r.id === 'redis')!.facts,
      'starts at 0 s · stopped by 15 s',
    );

    // secrets-init is renamed: the scenario no longer applies, and falls back to everything
    // succeeding, on the page as in the panel.
    const renamed = task(ORDERS, text.replaceAll('secrets-init', 'vault-init'));
    await send(page, { command: 'update', graph: renamed.graph, documentUri: renamed.uri });
    assert.deepEqual((await radios(page))[0], { label: 'Everything succeeds', checked: true });
    // Until its simulation comes, the bars are the old file's, and still one tab stop.
    await page.locator('.timeline [data-node-id="secrets-init"]').focus();
    await send(page, { command: 'update', graph: renamed.graph, documentUri: renamed.uri });
    assert.equal(await page.locator('.timeline [tabindex="0"]').count(), 1);
    await sendSimulation(page, renamed);
    assert.equal(await outcome(page), 'Every container starts and the task keeps running.');
    assert.ok((await rows(page)).some((r) => r.id === 'vault-init'));

    // A simulation of another document, or of the wrong shape, changes nothing.
    const seed = task(SEED);
    await send(page, {
      command: 'simulation',
      documentUri: seed.uri,
      scenario: { kind: 'succeeds' },
      result: seed.simulate({ kind: 'succeeds' }),
    });
    const forgedResult = structuredClone(renamed.simulate({ kind: 'succeeds' })) as any;
    forgedResult.outcome = ['forged'];
    await send(page, {
      command: 'simulation',
      documentUri: renamed.uri,
      scenario: { kind: 'succeeds' },
      result: forgedResult,
    });
    await send(page, {
      command: 'simulation',
      documentUri: renamed.uri,
      scenario: { kind: 'explodes' },
      result: renamed.simulate({ kind: 'succeeds' }),
    });
    assert.equal(await outcome(page), 'Every container starts and the task keeps running.');
    assert.ok((await rows(page)).some((r) => r.id === 'vault-init'));
    assert.deepEqual(errors, []);
  });

  test('keyboard: the view buttons, the scenario radios, one tab stop for the bars, Enter reveals', async () => {
    const { page } = await open({ width: 1100, height: 800 });
    const t = task(ORDERS);
    await send(page, { command: 'update', graph: t.graph, documentUri: t.uri });
    await page.locator('body').focus();
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return el.getAttribute('data-action') ?? el.getAttribute('data-node-id') ?? el.localName;
      });
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'view-graph');
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'view-timeline');
    await page.keyboard.press('Enter');
    await answer(page, t, 0);
    assert.equal(await active(), 'view-timeline', 'the focus stays on the button');
    assert.equal(
      await page
        .getByRole('button', { name: 'Timeline', exact: true })
        .getAttribute('aria-pressed'),
      'true',
    );
    // The radio group is one stop; the arrow keys choose, and each choice is simulated.
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'scenario-succeeds');
    const radio = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), 'scenario-fails-secrets-init');
    await answer(page, t, 1);
    assert.deepEqual(t.scenario, { kind: 'fails', container: 'secrets-init' });
    assert.match(await outcome(page), /secrets-init exited with code 1/);
    assert.equal(await active(), 'scenario-fails-secrets-init', 'the radio keeps the focus');
    assert.ok(
      await page.evaluate(
        (r) => r !== null && r !== document.activeElement && r.isConnected,
        radio,
      ),
      'the controls stay in place while the results change',
    );
    // The bars: one tab stop, arrow keys move.
    await page.keyboard.press('Tab');
    const order = (await rows(page)).map((r) => r.id);
    assert.equal(await focusedNode(page), order[0]);
    assert.deepEqual(
      await page.$$eval('.timeline [tabindex="0"]', (els) =>
        els.map((el) => el.getAttribute('data-node-id')),
      ),
      [order[0]],
    );
    assert.equal(await press(page, 'ArrowDown'), order[1]);
    assert.equal(await press(page, 'End'), order.at(-1));
    assert.equal(await press(page, 'Home'), order[0]);
    await page.locator('.timeline [data-node-id="secrets-init"]').focus();
    assert.equal(await press(page, 'ArrowRight'), 'db-migrate', 'to a container that waits for it');
    assert.equal(await press(page, 'ArrowRight'), 'orders-api');
    assert.equal(await press(page, 'ArrowLeft'), 'db-migrate', 'back to what it waits for');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'arrow keys do not scroll the page');
    await screenshot(page, 'timeline-keyboard-focus');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), {
      command: 'reveal',
      uri: t.uri,
      range: t.graph.nodes.find((n) => n.id === 'db-migrate')!.range,
    });
    assert.deepEqual(
      await page.$$eval('.timeline .selected', (els) =>
        els.map((el) => el.getAttribute('data-node-id')),
      ),
      ['db-migrate'],
    );
    // Tab goes on to the focused container's details.
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'reveal-node');
    assert.equal(await page.locator('.details h2').textContent(), 'db-migrate');
    // Back to the graph: the same container keeps the focus mark and the selection.
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    assert.equal(
      await page.locator('svg.graph .node.selected').getAttribute('data-node-id'),
      'db-migrate',
    );
  });

  test('a screen reader: each bar’s name begins with the words its row shows, its description tells the phases', async () => {
    const { page } = await open({ width: 1100, height: 800 });
    const t = task(ORDERS);
    await openTimeline(page, t);
    await choose(page, t, /db-migrate is slower/);
    const tree = await accessible(page);
    const shown = await page.$$eval('.timeline [data-node-id]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-node-id')!,
        text: (el as HTMLElement).innerText,
      })),
    );
    for (const row of shown) {
      const node = tree.find(
        (n) => n.role === 'button' && n.name.startsWith(`\u2068${row.id}\u2069`),
      );
      assert.ok(node, `a button for ${row.id}`);
      const visible = words(row.text);
      assert.deepEqual(
        words(node.name).slice(0, visible.length),
        visible,
        `${row.id}: ${node.name}`,
      );
    }
    const api = tree.find((n) => n.name.startsWith('\u2068orders-api\u2069'))!;
    assert.equal(
      api.name,
      '\u2068orders-api\u2069, never starts · stopped at 125 s (exit code 143). Essential. Its stop stops the task.',
    );
    assert.match(
      api.description,
      /^Waits from 0 s to 125 s and never starts: db-migrate did not reach SUCCESS within its startTimeout .* At 125 s: stopped without starting \(exit code 143\)/,
    );
    const migrate = tree.find((n) => n.name.startsWith('\u2068db-migrate\u2069'))!;
    assert.equal(
      migrate.description,
      'Waits from 0 s to 5 s for \u2068secrets-init\u2069 (SUCCESS). Runs from 5 s to 125 s. Stopping from 125 s to 155 s: ECS sent SIGTERM and gives it its stopTimeout. At 155 s: stopped by ECS as the task stops: SIGTERM at 125 s, SIGKILL after its stopTimeout (30 s) at the latest.',
    );
    const radioNames = tree.filter((n) => n.role === 'radio').map((n) => n.name);
    assert.deepEqual(
      radioNames,
      (await radios(page)).map((r) => r.label),
    );
    // The chart is a group named after its scenario, described by the keys.
    assert.equal(
      await page.locator('.timeline').getAttribute('aria-label'),
      'Timeline: \u2068db-migrate\u2069 is slower than its startTimeout (runs 240 s, limit 120 s)',
    );
  });

  test('the saved state brings the timeline and its scenario back after a reload', async () => {
    const first = await open({ width: 1100, height: 700 });
    const t = task(SEED);
    await openTimeline(first.page, t);
    await choose(first.page, t, /init-setup fails/);
    const state = await first.page.evaluate(() => (window as any).__state);
    assert.equal(state.view, 'timeline');
    assert.deepEqual(state.scenario, { kind: 'fails', container: 'init-setup' });

    const { page } = await open({ width: 1100, height: 700, state });
    assert.deepEqual(
      (await posted(page)).map((m) => m.command),
      ['ready', 'simulate'],
      'it asks for its scenario again',
    );
    assert.deepEqual((await asked(page))[0], { kind: 'fails', container: 'init-setup' });
    assert.equal(
      await page.locator('.timeline-area .placeholder').textContent(),
      'Simulating the start…',
    );
    await answer(page, t, 0);
    assert.match(await outcome(page), /exited with code 1 at 5 s/);
    assert.equal(await page.getByRole('radio', { name: /init-setup fails/ }).isChecked(), true);
  });

  test('a task refused before anything starts, and a simulation that could not run', async () => {
    const { page, errors } = await open({ width: 1100, height: 700 });
    const t = task('test/webview/sources/orders-platform.task-def.json');
    await openTimeline(page, t);
    assert.match(await outcome(page), /^The task fails before any container starts: /);
    const all = await rows(page);
    assert.equal(all.length, 10);
    assert.ok(
      all.every((r) => r.facts === 'never starts · the task fails first' && r.phases.length === 0),
    );
    assert.equal(await page.locator('.timeline .task-stop').count(), 0);
    await send(page, {
      command: 'simulation',
      documentUri: t.uri,
      scenario: { kind: 'succeeds' },
      result: null,
    });
    assert.equal(
      await page.locator('.timeline-area .placeholder').textContent(),
      'The start of this task definition could not be simulated.',
    );
    assert.deepEqual(errors, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Every user: axe, contrast, narrow and wide panels

interface Pair {
  what: string;
  colour: Rgba;
  background: Rgba;
}

/**
 * Each phase's colour (the `color` its fill, stripes, borders and arrow paint with), each end mark
 * and task-stop line, against the row under it (the page, or a selected row's colour).
 */
async function barPairs(page: Page): Promise<Pair[]> {
  const raw = await page.evaluate(() => {
    const css = (el: Element) => getComputedStyle(el);
    const page0 = css(document.body).backgroundColor;
    return [...document.querySelectorAll('.timeline [data-node-id]')].flatMap((row) => {
      const under = [page0, css(row).backgroundColor];
      const id = row.getAttribute('data-node-id');
      return [
        ...[...row.querySelectorAll('.phase')].map((p) => ({
          what: `${id} ${p.className}`,
          colour: css(p).color,
          under,
        })),
        ...[...row.querySelectorAll('.bar-end')].map((p) => ({
          what: `${id} ${p.className}`,
          colour: css(p).backgroundColor,
          under,
        })),
        ...[...row.querySelectorAll('.task-stop')].map((p) => ({
          what: `${id} task-stop`,
          colour: css(p).borderLeftColor,
          under,
        })),
      ];
    });
  });
  return raw.map((r) => {
    const background = r.under.map(parseColour).reduce((below, layer) => over(layer, below));
    return { what: r.what, colour: over(parseColour(r.colour), background), background };
  });
}

/** Small texts: the axis's seconds, the INIT tags, the rows' facts, each on what lies under it. */
async function textPairs(page: Page): Promise<Pair[]> {
  const raw = await page.evaluate(() =>
    [
      ...document.querySelectorAll('.tick, .bar-label .init-marker, .bar-facts, .outcome-sentence'),
    ].map((el) => {
      const layers: string[] = [];
      for (let e: Element | null = el; e; e = e.parentElement)
        layers.push(getComputedStyle(e).backgroundColor);
      return {
        what: `${el.className} "${el.textContent}"`,
        colour: getComputedStyle(el).color,
        layers,
      };
    }),
  );
  return raw.map((r) => {
    let background = parseColour(r.layers.at(-1)!);
    for (const layer of r.layers.slice(0, -1).reverse())
      background = over(parseColour(layer), background);
    return { what: r.what, colour: over(parseColour(r.colour), background), background };
  });
}

function lowest(pairs: Pair[]): { ratio: number; what: string } {
  let result = { ratio: Infinity, what: '' };
  for (const p of pairs) {
    const ratio = contrast(p.colour, p.background);
    if (ratio < result.ratio)
      result = { ratio, what: `${p.what}: ${hex(p.colour)} on ${hex(p.background)}` };
  }
  return result;
}

function below(pairs: Pair[], minimum: number): string[] {
  return pairs
    .filter((p) => contrast(p.colour, p.background) < minimum)
    .map(
      (p) =>
        `${p.what}: ${hex(p.colour)} on ${hex(p.background)} = ${contrast(p.colour, p.background).toFixed(2)}:1`,
    );
}

/** Every kind of phase and mark on one page: the slow scenario has stopping, never healthy the rest. */
async function everyKind(page: Page, t: Task, scenario: RegExp): Promise<void> {
  await openTimeline(page, t);
  await choose(page, t, scenario);
  // A selected row and a focused one are states of their own: check them too.
  await page.locator('.timeline [data-node-id="redis"]').click();
  await page.locator('.timeline [data-node-id="db-migrate"]').focus();
}

describe('the timeline for every user', () => {
  for (const theme of THEME_NAMES) {
    test(`axe-core finds nothing in ${theme}, at 1400 and 500 px`, async (t) => {
      for (const [width, scenario] of [
        [1400, /db-migrate is slower/],
        [500, /redis never becomes healthy/],
      ] as const) {
        const { page, errors } = await open({ theme, width, height: 900 });
        await everyKind(page, task(ORDERS), scenario);
        const { violations, incomplete } = await runAxe(page);
        t.diagnostic(
          `${theme} at ${width} px: ${violations.length} violations, ${incomplete.length} to review (${incomplete.map((i) => `${i.rule} ×${i.targets.length}`).join(', ') || 'none'})`,
        );
        assert.deepEqual(violations, [], `${theme} at ${width} px`);
        assert.deepEqual(errors, []);
        await page.close();
      }
    });

    test(`bars reach 3:1 against their rows and text 4.5:1 in ${theme}, selected and focused too`, async (t) => {
      const bars: Pair[] = [];
      const texts: Pair[] = [];
      for (const [width, scenario] of [
        [1400, /db-migrate is slower/],
        [500, /redis never becomes healthy/],
      ] as const) {
        const { page } = await open({ theme, width, height: 900 });
        await everyKind(page, task(ORDERS), scenario);
        bars.push(...(await barPairs(page)));
        texts.push(...(await textPairs(page)));
        await screenshot(page, `timeline-${width}-${theme}`);
        await page.close();
      }
      const kinds = new Set(
        bars.map((b) =>
          b.what
            .split(' ')
            .slice(1)
            .join(' ')
            .replace(/ (open|failed)/g, ''),
        ),
      );
      for (const kind of [
        'phase waiting',
        'phase blocked',
        'phase running',
        'phase healthy',
        'phase unhealthy',
        'phase stopping',
        'bar-end exited',
        'bar-end stopped',
        'task-stop',
      ])
        assert.ok(kinds.has(kind), `${kind} is measured (${[...kinds].join(', ')})`);
      const bar = lowest(bars);
      const text = lowest(texts);
      t.diagnostic(
        `${theme}: lowest bar ${bar.ratio.toFixed(2)}:1 (${bar.what}); lowest text ${text.ratio.toFixed(2)}:1 (${text.what})`,
      );
      assert.deepEqual(below(bars, 3), []);
      assert.deepEqual(below(texts, 4.5), []);
    });
  }

  for (const width of [500, 1400]) {
    test(`at ${width} px nothing is cut off, and the names sit ${width < 620 ? 'above' : 'beside'} the bars`, async () => {
      const { page, errors } = await open({ width, height: 900 });
      const t = task(ORDERS);
      await openTimeline(page, t);
      await choose(page, t, /db-migrate is slower/);
      const check = await page.evaluate(() => {
        const area = document.querySelector('.timeline-area')!.getBoundingClientRect();
        const rowsOut = [...document.querySelectorAll('.timeline [data-node-id]')].filter((row) => {
          const r = row.getBoundingClientRect();
          const marks = [...row.querySelectorAll('.phase, .bar-end')].map((m) =>
            m.getBoundingClientRect(),
          );
          return [r, ...marks].some((m) => m.left < area.left - 0.5 || m.right > area.right + 0.5);
        });
        const row = document.querySelector('.timeline [data-node-id="orders-api"]')!;
        const label = row.querySelector('.bar-label')!.getBoundingClientRect();
        const track = row.querySelector('.bar-track')!.getBoundingClientRect();
        const ticks = [...document.querySelectorAll('.tick')].map((e) => e.getBoundingClientRect());
        return {
          pageWidth: document.documentElement.scrollWidth,
          cut: rowsOut.map((r) => r.getAttribute('data-node-id')),
          beside: track.left >= label.right,
          above: track.top >= label.bottom,
          ticksOverlap: ticks.some((r, i) => i > 0 && r.left < ticks[i - 1]!.right + 4),
          ticksInside: ticks.every((r) => r.left >= area.left && r.right <= area.right),
        };
      });
      assert.ok(check.pageWidth <= width, `the page is ${check.pageWidth} px wide`);
      assert.deepEqual(check.cut, []);
      if (width < 620) assert.ok(check.above, 'the name above the bar');
      else assert.ok(check.beside, 'the name beside the bar');
      assert.ok(!check.ticksOverlap && check.ticksInside, JSON.stringify(check));
      await screenshot(page, `timeline-width-${width}`);
      assert.deepEqual(errors, []);
    });
  }
});

describe('pure parts of the timeline', () => {
  test('bars: phases end to end from 0 s, and how each ends', () => {
    const r = task(SEED).simulate({ kind: 'succeeds' });
    const axis = axisFor(r, 8);
    const bars = barOrder(r).map((c) => barOf(c, axis.end));
    for (const bar of bars) {
      assert.equal(bar.phases[0]?.from ?? 0, 0);
      for (let i = 1; i < bar.phases.length; i++)
        assert.equal(bar.phases[i]!.from, bar.phases[i - 1]!.to, 'no hole, no overlap');
    }
    assert.deepEqual(bars.map(barFacts), [
      ['starts at 0 s', 'exits with code 0 at 5 s'],
      ['starts at 0 s', 'stopped by 35 s'],
    ]);
  });

  test('the axis: round steps, room for what still runs, never more ticks than asked', () => {
    const t = task(ORDERS);
    const base: SimulationResult = t.simulate({ kind: 'succeeds' });
    assert.deepEqual(axisFor(base, 8), { end: 30, ticks: [0, 5, 10, 15, 20, 25, 30] });
    assert.deepEqual(axisFor(base, 3).ticks, [0, 15, 30, 45]);
    const slow = t.simulate({ kind: 'slower', container: 'db-migrate' });
    assert.deepEqual(axisFor(slow, 8).ticks, [0, 30, 60, 90, 120, 150, 180]);
    const seed = task(SEED).simulate({ kind: 'succeeds' });
    assert.equal(
      axisFor(seed, 8).end,
      35,
      'everything has stopped: the axis ends at the last stop',
    );
    const huge = structuredClone(base);
    huge.containers[0]!.stoppedAt = 1e9;
    for (const max of [2, 5, 10]) assert.ok(axisFor(huge, max).ticks.length - 1 <= max);
    const nothing = {
      ...base,
      containers: [],
      timeline: [],
      task: { ...base.task, stoppedAt: null },
    };
    assert.deepEqual(axisFor(nothing, 8), { end: 1, ticks: [0, 1] });
  });
});
