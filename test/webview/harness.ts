/**
 * Serves the start-order webview to a headless browser the way VS Code does: the page comes from
 * the same `renderWebviewHtml` the panel uses (same CSP, same nonce'd script), the theme's
 * `--vscode-*` variables are set as VS Code sets them, and `acquireVsCodeApi` is a fake that records
 * what the page posts. Only our two local files are served: anything else is a 404.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createNonce, renderWebviewHtml } from '../../client/src/graphHtml';

export const ROOT = join(__dirname, '..', '..');

/** The font variables VS Code gives every webview (on Linux). */
const FONT: Record<string, string> = {
  'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
};

export type Theme = 'dark' | 'light' | 'high-contrast' | 'high-contrast-light';
export const THEME_NAMES: Theme[] = ['dark', 'light', 'high-contrast', 'high-contrast-light'];

export interface ThemeColours {
  /** The theme's id in VS Code, e.g. "Default Light+". */
  theme: string;
  source: string;
  /** Variables the stylesheet reads that the theme leaves unset (VS Code then sets none). */
  missing: string[];
  colours: Record<string, string>;
}

/**
 * VS Code's own colour values for its four built-in reference themes, as VS Code 1.100 resolves
 * them (theme file plus the colour registry's defaults), captured by scripts/capture-theme-colours.mjs.
 */
export function themeColours(theme: Theme): ThemeColours {
  return JSON.parse(
    readFileSync(join(__dirname, 'themes', `${theme}.json`), 'utf8'),
  ) as ThemeColours;
}

/** The variables and body classes a VS Code webview gets in each theme. */
export const THEMES: Record<Theme, { vars: Record<string, string>; bodyClass: string }> = {
  dark: { vars: { ...FONT, ...themeColours('dark').colours }, bodyClass: 'vscode-dark' },
  light: { vars: { ...FONT, ...themeColours('light').colours }, bodyClass: 'vscode-light' },
  'high-contrast': {
    vars: { ...FONT, ...themeColours('high-contrast').colours },
    bodyClass: 'vscode-high-contrast',
  },
  // VS Code gives a light high-contrast webview both classes.
  'high-contrast-light': {
    vars: { ...FONT, ...themeColours('high-contrast-light').colours },
    bodyClass: 'vscode-high-contrast vscode-high-contrast-light',
  },
};

/** Rebuilds dist/webview.js when it is missing or older than any of its sources. */
export function ensureWebviewBundle(): string {
  const bundle = join(ROOT, 'dist', 'webview.js');
  const sources = [join(ROOT, 'client', 'webview'), join(ROOT, 'shared', 'src')];
  const newest = Math.max(
    ...sources.flatMap((p) =>
      statSync(p).isDirectory()
        ? readdirSync(p).map((f) => statSync(join(p, f)).mtimeMs)
        : [statSync(p).mtimeMs],
    ),
  );
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest) {
    const result = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'webview'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`building the webview failed:\n${result.stdout}\n${result.stderr}`);
  }
  return bundle;
}

export interface Harness {
  origin: string;
  /** The page URL for a theme. */
  url(theme?: Theme): string;
  /** Nonces of the pages served so far, newest last. */
  nonces: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const nonces: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const asked = url.searchParams.get('theme');
    const theme: Theme = THEME_NAMES.find((t) => t === asked) ?? 'dark';
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/index.html') {
      const nonce = createNonce();
      nonces.push(nonce);
      send(
        'text/html; charset=utf-8',
        renderWebviewHtml({
          scriptUri: `${origin}/dist/webview.js`,
          styleUri: `${origin}/media/graph.css?theme=${theme}`,
          cspSource: origin,
          nonce,
        }),
      );
    } else if (url.pathname === '/dist/webview.js' || url.pathname === '/dist/webview.js.map') {
      send('text/javascript; charset=utf-8', readFileSync(join(ROOT, url.pathname)));
    } else if (url.pathname === '/media/graph.css') {
      // VS Code puts the theme's variables on <html>; a rule on :root before ours does the same here.
      const vars = Object.entries(THEMES[theme].vars)
        .map(([k, v]) => `  --vscode-${k}: ${v};`)
        .join('\n');
      send(
        'text/css; charset=utf-8',
        `html {\n${vars}\n}\n${readFileSync(join(ROOT, 'media', 'graph.css'), 'utf8')}`,
      );
    } else if (url.pathname === '/favicon.ico') {
      // The browser asks for it on its own (a VS Code webview does not): not a resource of the page.
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (theme: Theme = 'dark') => `${origin}/index.html?theme=${theme}`,
    nonces,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The script that runs in the page before its own (page.addInitScript): the fake VS Code API, traps
 * for alert/confirm/prompt, and the theme's body class. It is source text, not a function, because
 * the test runner's transpiler adds helpers to functions that do not exist in the page.
 */
export function fakeVsCodeApiScript(options: { bodyClass: string; state?: unknown }): string {
  return `(() => {
  const options = ${JSON.stringify(options)};
  const posted = [];
  const alerts = [];
  window.__posted = posted;
  window.__alerts = alerts;
  window.__state = options.state;
  window.__apiCalls = 0;
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (message) => void alerts.push(name + ': ' + String(message));
  window.acquireVsCodeApi = () => {
    window.__apiCalls++;
    return {
      postMessage: (message) => void posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => window.__state,
      setState: (state) => void (window.__state = JSON.parse(JSON.stringify(state))),
    };
  };
  document.addEventListener('DOMContentLoaded', () => document.body.classList.add(...options.bodyClass.split(' ')));
})();`;
}
