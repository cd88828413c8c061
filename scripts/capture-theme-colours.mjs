// Captures the colours VS Code really gives a webview in its four built-in reference themes
// (Dark+, Light+, Dark High Contrast, Light High Contrast), for the webview tests' contrast checks.
//
// A theme file names only a few colours; the rest are defaults that VS Code's colour registry
// computes per theme kind (mixes, transparencies, high-contrast fallbacks, or none at all). The
// workbench writes every resolved colour as a `--vscode-*` variable on `.monaco-workbench`, the same
// values it hands a webview, so this script opens code-server once per theme and reads them there.
//
//   node scripts/capture-theme-colours.mjs     writes test/webview/themes/<theme>.json
//
// Only the variables media/graph.css reads are kept; a webview test fails when the stylesheet
// reads a colour the files do not have, which is the moment to run this again.
/* global document, getComputedStyle */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import {
  CODE_SERVER_VERSION,
  createProfile,
  ensureCodeServer,
  repoRoot,
  startCodeServer,
} from './code-server.mjs';

/** Our name for each theme, its id in VS Code, and its file in the theme-defaults extension. */
const THEMES = {
  dark: { id: 'Default Dark+', file: 'dark_plus' },
  light: { id: 'Default Light+', file: 'light_plus' },
  'high-contrast': { id: 'Default High Contrast', file: 'hc_black' },
  'high-contrast-light': { id: 'Default High Contrast Light', file: 'hc_light' },
};

const stylesheet = readFileSync(join(repoRoot, 'media', 'graph.css'), 'utf8');
const wanted = [
  ...new Set([...stylesheet.matchAll(/var\(\s*--vscode-([A-Za-z0-9-]+)/g)].map((m) => m[1])),
]
  .filter((name) => !name.startsWith('font-'))
  .sort();

await ensureCodeServer();
/** The VS Code inside code-server: the version the colours come from. */
const vscodeVersion = JSON.parse(
  readFileSync(
    join(
      repoRoot,
      '.cache',
      'code-server',
      CODE_SERVER_VERSION,
      'node_modules',
      'code-server',
      'lib',
      'vscode',
      'package.json',
    ),
    'utf8',
  ),
).version;

const folder = mkdtempSync(join(tmpdir(), 'ecs-init-order-themes-'));
const out = join(repoRoot, 'test', 'webview', 'themes');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const [key, theme] of Object.entries(THEMES)) {
    const server = await startCodeServer({
      profile: createProfile({ 'workbench.colorTheme': theme.id }),
      folder,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
      // The workbench starts with built-in defaults and applies the theme once the theme extension
      // has loaded; then the theme file's name appears among its classes.
      await page.waitForFunction(
        (file) =>
          document
            .querySelector('.monaco-workbench')
            ?.classList.contains(`vscode-theme-defaults-themes-${file}-json`),
        theme.file,
        { timeout: 60_000 },
      );
      const values = await page.evaluate((names) => {
        const style = getComputedStyle(document.querySelector('.monaco-workbench'));
        return names.map((name) => [name, style.getPropertyValue(`--vscode-${name}`).trim()]);
      }, wanted);
      const file = {
        theme: theme.id,
        source: `VS Code ${vscodeVersion} (code-server ${CODE_SERVER_VERSION}), read from .monaco-workbench`,
        missing: values.filter(([, value]) => value === '').map(([name]) => name),
        colours: Object.fromEntries(values.filter(([, value]) => value !== '')),
      };
      // Written as the project's formatter writes JSON, so that `npm run lint` accepts it as is.
      const path = join(out, `${key}.json`);
      const options = (await prettier.resolveConfig(path)) ?? {};
      writeFileSync(
        path,
        await prettier.format(JSON.stringify(file), { ...options, filepath: path }),
      );
      console.log(
        `${key}: ${Object.keys(file.colours).length} colours; not set: ${file.missing.join(', ') || 'none'}`,
      );
      await page.close();
    } finally {
      await server.stop();
    }
  }
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}
