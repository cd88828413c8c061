/**
 * One real VS Code for an end-to-end test file: the packaged VSIX installed into a fresh
 * code-server profile exactly as a user installs it (`--install-extension`), opened on a folder of
 * the test's own files in headless Chromium. Screenshots, the tested VSIX, code-server's log, the
 * steps' timings and, for a failed run, VS Code's own logs go to test-artifacts/<name>/.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  createProfile,
  ensureCodeServer,
  installExtension,
  repoRoot,
  startCodeServer,
  type RunningCodeServer,
} from '../../scripts/code-server.mjs';
import { packageExtension } from '../../scripts/package.mjs';
import { Workbench } from './workbench';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * On top of the profile every run gets (scripts/code-server.mjs): typing in the tests must give
 * exactly the typed text, so no auto-closed brackets or quotes, no automatic indentation of YAML and
 * no completion list that pops up by itself and takes a keystroke; the tests open the list with
 * Ctrl+Space, as a person can.
 */
const QUIET_TYPING = { other: 'off', comments: 'off', strings: 'off' };
const E2E_SETTINGS = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.quickSuggestions': QUIET_TYPING,
  '[json]': { 'editor.quickSuggestions': QUIET_TYPING },
  '[jsonc]': { 'editor.quickSuggestions': QUIET_TYPING },
  '[terraform]': { 'editor.quickSuggestions': QUIET_TYPING },
  '[yaml]': { 'editor.quickSuggestions': QUIET_TYPING, 'editor.autoIndent': 'none' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnCommitCharacter': false,
  'editor.parameterHints.enabled': false,
  'editor.formatOnType': false,
};

/** A code-server with its own profile, and a Chromium page on its workbench. */
export interface Window {
  server: RunningCodeServer;
  page: Page;
  wb: Workbench;
}

export interface SessionOptions {
  /** The name of the workspace folder the test's files are written into. */
  folderName: string;
  /** Writes the test's files into the (empty) workspace folder. */
  fill: (folder: string) => void;
  /** A file of the folder: the workbench is ready once the Explorer lists it. */
  readyFile: string;
}

export class E2ESession {
  readonly artifacts: string;
  readonly vsix: string;
  folder = '';
  page!: Page;
  wb!: Workbench;
  private browser: Browser | undefined;
  private server: RunningCodeServer | undefined;
  private failed = false;
  private readonly timings: string[] = [];

  /** `name`: the folder under test-artifacts/. */
  constructor(name: string) {
    this.artifacts = join(repoRoot, 'test-artifacts', name);
    this.vsix = join(this.artifacts, 'ecs-init-order.vsix');
  }

  /** For `before`: code-server installed, the VSIX packaged, the folder written, the workbench up. */
  async start(options: SessionOptions): Promise<void> {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
    rmSync(this.artifacts, { recursive: true, force: true });
    mkdirSync(this.artifacts, { recursive: true });
    await this.timed('code-server ready', () => ensureCodeServer());
    await this.timed('package', async () => {
      packageExtension({ out: this.vsix, quiet: true });
    });
    this.folder = join(mkdtempSync(join(tmpdir(), 'ecs-init-order-e2e-')), options.folderName);
    mkdirSync(this.folder);
    options.fill(this.folder);
    await this.timed('install VSIX + start code-server + workbench', async () => {
      this.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      const window = await this.openWindow([this.vsix], options.readyFile);
      this.server = window.server;
      this.page = window.page;
      this.wb = window.wb;
    });
  }

  /**
   * Another code-server on the same folder, with `vsixes` installed (ours among them, when the
   * test wants it), in a page of its own. The caller stops it: `server.stop()`, `page.close()`.
   */
  async openWindow(vsixes: string[], readyFile: string): Promise<Window> {
    assert.ok(this.browser, 'start() first');
    const profile = createProfile(E2E_SETTINGS);
    for (const vsix of vsixes) installExtension(profile, vsix);
    const server = await startCodeServer({ profile, folder: this.folder });
    const page = await this.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await page.goto(`${server.url}?folder=${encodeURI(this.folder)}`);
      const wb = new Workbench(page, this.artifacts);
      await wb.ready(readyFile);
      return { server, page, wb };
    } catch (error) {
      await page.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  /** For `after`: everything stopped and deleted, the logs kept in the artifacts. */
  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    if (this.server) {
      writeFileSync(join(this.artifacts, 'code-server.log'), this.server.log());
      await this.server.stop({ keepProfile: true });
      // The extension host's and the language client's logs, for a failed run.
      const logs = join(this.server.profile.userDataDir, 'logs');
      if (this.failed && existsSync(logs))
        cpSync(logs, join(this.artifacts, 'vscode-logs'), { recursive: true });
      rmSync(this.server.profile.root, { recursive: true, force: true });
    }
    if (this.folder) rmSync(join(this.folder, '..'), { recursive: true, force: true });
    writeFileSync(join(this.artifacts, 'timings.txt'), `${this.timings.join('\n')}\n`);
  }

  /** Runs one step of a test; on failure saves `<name>-failed.png` before reporting the error. */
  async step(t: TestContext, name: string, body: () => Promise<void>): Promise<void> {
    const started = Date.now();
    try {
      await body();
    } catch (error) {
      this.failed = true;
      await this.wb?.screenshot(`${name}-failed`).catch(() => undefined);
      throw error;
    } finally {
      t.diagnostic(this.record(name, started));
    }
  }

  /** The path of a file in the workspace folder. */
  file(name: string): string {
    return join(this.folder, name);
  }

  /** A file of the workspace folder as it is on disk now. */
  read(name: string): string {
    return readFileSync(this.file(name), 'utf8');
  }

  /** The 1-based line of the `occurrence`-th line of the file on disk that contains `text`. */
  lineOf(name: string, text: string, occurrence = 0): number {
    const lines = this.read(name).split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++)
      if (lines[i]!.includes(text) && seen++ === occurrence) return i + 1;
    return assert.fail(`"${text}" (occurrence ${occurrence}) is not in ${name}`);
  }

  private async timed<T>(what: string, body: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await body();
    } finally {
      this.record(what, started);
    }
  }

  /** Adds "what: 12.3 s" to timings.txt, and returns it. */
  private record(what: string, started: number): string {
    const line = `${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`;
    this.timings.push(line);
    return line;
  }
}
