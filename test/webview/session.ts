/**
 * What the webview test files share: one headless Chromium and one harness per file, a page per
 * test with the fake VS Code API, and the messages VS Code would send. Screenshots go to
 * test-artifacts/webview/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { StartOrderGraph } from '../../shared/src/graph';
import { isStartOrderGraph } from '../../shared/src/graphShape';
import {
  ROOT,
  THEMES,
  ensureWebviewBundle,
  fakeVsCodeApiScript,
  startHarness,
  type Harness,
  type Theme,
} from './harness';

export const ARTIFACTS = join(ROOT, 'test-artifacts', 'webview');
export const DOC = 'file:///workspace/task-def.json';

/** A graph from test/webview/fixtures/<name>.graph.json. */
export function fixture(name: string): StartOrderGraph {
  const graph: unknown = JSON.parse(
    readFileSync(join(__dirname, 'fixtures', `${name}.graph.json`), 'utf8'),
  );
  assert.ok(isStartOrderGraph(graph), `${name}.graph.json is not a graph the webview accepts`);
  return graph;
}

export interface Session {
  browser: Browser;
  harness: Harness;
}

/** Starts the harness and the browser before the file's tests and closes them after. */
export function useSession(): Session {
  const session = {} as Session;
  before(async () => {
    ensureWebviewBundle();
    mkdirSync(ARTIFACTS, { recursive: true });
    session.harness = await startHarness();
    session.browser = await chromium.launch({
      // Debian's Chromium unless CHROMIUM_PATH says otherwise (.ci/run sets it), as in the e2e tests.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    await session.browser?.close();
    await session.harness?.close();
  });
  return session;
}

export interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
}

export interface OpenOptions {
  theme?: Theme;
  state?: unknown;
  width?: number;
  height?: number;
}

/** A fresh page as a VS Code panel shows it, once it has said 'ready'. */
export async function open(session: Session, options: OpenOptions = {}): Promise<Opened> {
  const theme = options.theme ?? 'dark';
  const context = await session.browser.newContext({
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
  await page.goto(session.harness.url(theme));
  await page.waitForFunction(() =>
    (window as any).__posted.some((m: any) => m.command === 'ready'),
  );
  return opened;
}

export async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  // Messages are delivered as tasks; one animation frame later the page has handled them.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))),
  );
}

/** Sends a graph and waits until its containers are drawn (as the columns graph or the list). */
export async function show(
  page: Page,
  graph: StartOrderGraph,
  documentUri = graph.uri,
): Promise<void> {
  await send(page, { command: 'update', graph, documentUri });
  await page.waitForSelector('[data-node-id]');
}

export async function posted(page: Page): Promise<any[]> {
  return page.evaluate(() => (window as any).__posted);
}

/**
 * axe-core's source, run in the page. The page's CSP (`script-src 'nonce-…'`) blocks any script
 * element without the nonce, so playwright's addScriptTag (an inline <script>) is refused, as an
 * injected script should be. page.evaluate sends the source through the DevTools protocol
 * (Runtime.evaluate), which no CSP governs: axe runs in the page's own window while the policy
 * under test stays exactly as the panel sets it (the CSP test still sees inline script refused).
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  targets: string[];
}

export async function runAxe(
  page: Page,
): Promise<{ violations: AxeFinding[]; incomplete: AxeFinding[] }> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    const summary = (list: any[]) =>
      list.map((r) => ({
        rule: r.id,
        impact: r.impact,
        targets: r.nodes.map((n: any) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }));
    return { violations: summary(result.violations), incomplete: summary(result.incomplete) };
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
