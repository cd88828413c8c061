/**
 * Driving the VS Code workbench (code-server in headless Chromium) the way a person does: quick
 * open, the command palette, the keyboard, the mouse. Every wait polls with a deadline; nothing
 * sleeps for a fixed time. Selectors are the workbench's own DOM (VS Code 1.100).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

export interface Problem {
  file: string;
  severity: string;
  message: string;
  /** The diagnostic's source, e.g. `ecs-init-order` or `json`. */
  source: string;
  code: string;
  line: number;
  column: number;
}

/** Polls `probe` until it returns something other than undefined/false; fails at the deadline with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail =
        lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly artifacts: string,
  ) {
    mkdirSync(artifacts, { recursive: true });
  }

  /** Saves `<name>.png`, once the widgets that fade in (hovers, menus) have finished animating. */
  async screenshot(name: string): Promise<string> {
    await waitFor(
      'animations to finish',
      () =>
        this.page.evaluate(() =>
          document
            .getAnimations()
            .every(
              (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity,
            ),
        ),
      2_000,
    ).catch(() => undefined); // A screenshot mid-animation is still worth having.
    const path = join(this.artifacts, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Moves the mouse to an empty part of the activity bar, where it shows no hover or tooltip. */
  async parkMouse(): Promise<void> {
    const box = await this.page.locator('.part.activitybar').boundingBox();
    await this.page.mouse.move(
      box ? box.x + box.width / 2 : 5,
      box ? box.y + box.height * 0.6 : 500,
    );
  }

  /** Waits for the workbench and the Explorer listing the folder. */
  async ready(fileInFolder: string): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await waitFor(
      `the Explorer to list ${fileInFolder}`,
      async () =>
        (await this.page
          .locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileInFolder}"]`)
          .count()) > 0,
      60_000,
    );
  }

  /** Quick Open (Ctrl+P), the file's name, Enter; resolves when its editor is the active one. */
  async openFile(name: string): Promise<void> {
    await this.quickInput(
      'Control+P',
      name,
      (label) => label === name || label.startsWith(`${name},`),
    );
    await waitFor(`the editor of ${name}`, async () => {
      const active = this.page.locator('.editor-group-container.active .tab.active');
      return (
        (await active.getAttribute('aria-label'))?.startsWith(name) &&
        (await this.page
          .locator('.editor-group-container.active .monaco-editor .view-lines')
          .count()) > 0
      );
    });
  }

  /** The command palette: types the command's label and runs the row with exactly that label. */
  async runCommand(label: string): Promise<void> {
    await this.quickInput(
      'F1',
      label,
      (rowLabel) => rowLabel === label || rowLabel.startsWith(`${label},`),
    );
  }

  /** Go to Line/Column (Ctrl+G), 1-based like the status bar. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor(`the cursor at Ln ${line}, Col ${column}`, async () => {
      const position = await this.cursor();
      return position?.line === line && position.column === column;
    });
  }

  /** The status bar's "Ln 12, Col 5 (7 selected)". */
  async cursor(): Promise<{ line: number; column: number; selected: number } | undefined> {
    const item = this.page.locator('[id="status.editor.selection"]');
    if ((await item.count()) === 0) return undefined;
    const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(await item.innerText());
    return match
      ? { line: Number(match[1]), column: Number(match[2]), selected: Number(match[3] ?? 0) }
      : undefined;
  }

  async focusEditor(): Promise<void> {
    const editor = this.page
      .locator('.editor-group-container.active .monaco-editor textarea')
      .first();
    await editor.focus();
  }

  /** Ctrl+S, then waits until the active tab is no longer dirty. */
  async save(): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await waitFor(
      'the file to be saved',
      async () =>
        (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0,
    );
  }

  /**
   * The screen position of the first occurrence of `text` in the editor's visible lines (in line
   * order). Reads the rendered lines, so it is what the person sees.
   */
  async positionOf(text: string, occurrence = 0): Promise<{ x: number; y: number }> {
    return waitFor(`"${text}" on screen`, () =>
      this.page.evaluate(
        ({ text, occurrence }) => {
          const lines = [
            ...document.querySelectorAll<HTMLElement>(
              '.editor-group-container.active .monaco-editor .view-lines .view-line',
            ),
          ].sort((a, b) => a.offsetTop - b.offsetTop);
          let seen = 0;
          for (const line of lines) {
            const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
            const index = content.indexOf(text);
            if (index < 0 || seen++ < occurrence) continue;
            // Walk the text nodes to the character offset, then measure the range on screen.
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            let offset = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (offset + length > index) {
                const range = document.createRange();
                const start = index - offset;
                range.setStart(node, start);
                range.setEnd(node, Math.min(length, start + text.length));
                const rect = range.getBoundingClientRect();
                return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
              }
              offset += length;
            }
          }
          return undefined;
        },
        { text, occurrence },
      ),
    );
  }

  /**
   * The Problems panel, read row by row: file rows, then their markers (related-information rows
   * skipped). The list renders only the rows in view, so a list taller than the panel is scrolled
   * through with the mouse wheel and read at each position; rows are keyed by their index.
   */
  async problems(): Promise<Problem[]> {
    const readRows = () =>
      this.page
        .locator('.markers-panel .monaco-list-rows > .monaco-list-row')
        .evaluateAll((elements) =>
          elements.map((e) => {
            // No named functions in here: the page runs this code as it is, without tsx's helpers.
            const [message, source, code, position] = [
              '.marker-message',
              '.marker-source',
              '.marker-code',
              '.marker-line',
            ].map((selector) => e.querySelector(selector)?.textContent?.trim() ?? '');
            return {
              index: Number(e.getAttribute('data-index')),
              label: e.getAttribute('aria-label') ?? '',
              message: message!,
              source: source!,
              code: code!,
              position: position!,
            };
          }),
        );
    type Row = Awaited<ReturnType<typeof readRows>>[number];
    const byIndex = new Map<number, Row>();
    const collect = async () => {
      for (const row of await readRows()) byIndex.set(row.index, row);
    };
    await collect();
    const geometry = await this.page.evaluate(() => {
      const rows = document.querySelector<HTMLElement>('.markers-panel .monaco-list-rows');
      const list = rows?.closest<HTMLElement>('.monaco-list');
      const box = list?.getBoundingClientRect();
      return rows && list && box
        ? {
            content: rows.offsetHeight,
            view: list.clientHeight,
            x: box.left + box.width / 2,
            y: box.top + box.height / 2,
          }
        : undefined;
    });
    if (geometry && geometry.content > geometry.view + 1) {
      await this.page.mouse.move(geometry.x, geometry.y);
      const firstIndex = async () => Math.min(...(await readRows()).map((r) => r.index));
      // Half a panel at a time until the list stops moving: up to its start, then down to its end
      // reading as it goes, then back up so that screenshots show the list from its start.
      const scrollToEnd = async (direction: 1 | -1) => {
        for (let i = 0; i < 200; i++) {
          const before = await firstIndex();
          await this.page.mouse.wheel(0, (direction * geometry.view) / 2);
          const moved = await waitFor(
            'the Problems list to scroll',
            async () => (await firstIndex()) !== before,
            1_000,
          ).catch(() => false);
          await collect();
          if (!moved) return;
        }
      };
      if ((await firstIndex()) > 0) await scrollToEnd(-1);
      await scrollToEnd(1);
      await scrollToEnd(-1);
      await this.parkMouse();
    }
    const problems: Problem[] = [];
    let file = '';
    for (const row of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
      const fileRow = /problems? in file (.+?) of folder/.exec(row.label);
      if (fileRow) {
        file = fileRow[1]!;
        continue;
      }
      const marker = /^(Error|Warning|Info|Hint): /.exec(row.label);
      if (!marker) continue; // A related-information row.
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(row.position);
      problems.push({
        file,
        severity: marker[1]!,
        message: row.message,
        source: row.source,
        code: row.code,
        line: Number(position?.[1] ?? 0),
        column: Number(position?.[2] ?? 0),
      });
    }
    return problems;
  }

  /** The Problems panel's findings of this extension (source ecs-init-order) on `file`. */
  async findings(file: string): Promise<Problem[]> {
    return (await this.problems()).filter((p) => p.file === file && p.source === 'ecs-init-order');
  }

  /** findings(file), once they include every code of `codes` (the first analysis takes a while). */
  async findingsWith(file: string, codes: string[]): Promise<Problem[]> {
    return waitFor(
      `the findings ${codes.join(', ')} of ${file} in the Problems panel`,
      async () => {
        const found = await this.findings(file);
        return codes.every((code) => found.some((p) => p.code === code)) ? found : undefined;
      },
      90_000,
    );
  }

  /** Sets the Problems panel's filter box (a glob such as `**\/package.json`, or '' to clear it). */
  async filterProblems(filter: string): Promise<void> {
    const input = this.page
      .locator('.markers-panel-action-filter input, .viewpane-filter input')
      .first();
    await input.click();
    await input.fill(filter);
  }

  /**
   * The lightbulb in the gutter of the cursor's line opens the Quick Fix menu (as Ctrl+. does);
   * the fix whose title matches is chosen. `screenshot` names a picture of the open menu.
   */
  async quickFix(title: RegExp, screenshot?: string): Promise<void> {
    const lightbulb = this.page.locator('.editor-group-container.active .lightBulbWidget');
    await waitFor('the lightbulb', () => lightbulb.isVisible());
    await lightbulb.click();
    const item = this.page
      .locator('.action-widget .monaco-list-row.action')
      .filter({ hasText: title })
      .first();
    await waitFor(`${title} in the Quick Fix menu`, async () => (await item.count()) > 0);
    if (screenshot) await this.screenshot(screenshot);
    // The menu blocks the pointer until the mouse moves over it, as a person's would.
    await item.hover({ force: true });
    await item.click();
  }

  /** The completion list's row labelled exactly `label`, once the list shows it. */
  async suggestion(label: string): Promise<Locator> {
    const row = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
    });
    await waitFor(`"${label}" in the completion list`, async () => (await row.count()) > 0);
    return row.first();
  }

  /** The webview's content frame: outer iframe.webview, then its iframe#active-frame. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  private async quickInput(
    shortcut: string,
    text: string,
    matches: (rowLabel: string) => boolean,
  ): Promise<void> {
    await this.focusEditorOrWorkbench();
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await this.page.keyboard.type(text);
    await this.clickQuickInputRow(text, matches);
  }

  /**
   * A quick pick the extension opened: the labels of its rows (once it shows `label`), after
   * which the row labelled `label` is clicked.
   */
  async pick(label: string): Promise<string[]> {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // The list renders its rows as they come: the labels count once two readings in a row agree.
    let previous = '';
    const labels = await waitFor(`"${label}" in the quick pick`, async () => {
      const all = await rows.evaluateAll((els) =>
        els.map((e) => e.getAttribute('aria-label') ?? ''),
      );
      const settled = JSON.stringify(all) === previous;
      previous = JSON.stringify(all);
      return settled && all.some((l) => l === label || l.startsWith(`${label},`)) ? all : undefined;
    });
    await this.clickQuickInputRow(label, (l) => l === label || l.startsWith(`${label},`));
    return labels;
  }

  private async clickQuickInputRow(
    text: string,
    matches: (rowLabel: string) => boolean,
  ): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const prompt = await input.getAttribute('aria-label');
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // The list re-renders as results arrive, so the row is found by its label and the click retried.
    await waitFor(`"${text}" in the quick input list`, async () => {
      const labels = await rows.evaluateAll((els) =>
        els.map((e) => e.getAttribute('aria-label') ?? ''),
      );
      const label = labels.find(matches);
      if (label === undefined) return undefined;
      await this.page
        .locator(
          `.quick-input-widget .quick-input-list .monaco-list-row[aria-label="${label.replace(/["\\]/g, '\\$&')}"]`,
        )
        .first()
        .click({ timeout: 2_000 });
      return true;
    });
    // The quick input closes, or a command it ran opens another one (a quick pick of its own).
    await waitFor(
      'the quick input to close or to ask something else',
      async () => !(await input.isVisible()) || (await input.getAttribute('aria-label')) !== prompt,
    );
    await this.parkMouse();
  }

  private async focusEditorOrWorkbench(): Promise<void> {
    if (
      (await this.page.locator('.editor-group-container.active .monaco-editor textarea').count()) >
      0
    )
      await this.focusEditor();
    else await this.page.locator('.monaco-workbench').focus();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
