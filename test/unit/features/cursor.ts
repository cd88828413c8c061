/**
 * Test helpers for the feature functions: a document with the cursor marked by `|`, its analysis,
 * and the text after applying an LSP WorkspaceEdit (whole-text comparison, as
 * vscode-json-languageservice's tests do).
 */
import { readFileSync } from 'node:fs';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import {
  analyze,
  applyTextEdits,
  type Analysis,
  type AnalysisOptions,
} from '../../../server/src/engine/index';

export const URI = 'file:///project/task-definition.json';

export interface AtCursor {
  text: string;
  offset: number;
  position: Position;
  analysis: Analysis;
}

/** `text` with one `|` marking the cursor: the text without it, the cursor position and the analysis. */
export function atCursor(textWithCursor: string, options: AnalysisOptions = {}): AtCursor {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0 || textWithCursor.indexOf('|', offset + 1) >= 0)
    throw new Error('mark the cursor with exactly one |');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const analysis = analyze(text, { uri: URI, ...options });
  return { text, offset, position: analysis.source.positionAt(offset), analysis };
}

/** The cursor placed just after the first occurrence of `before` (plus `delta`) in a fixture. */
export function cursorAfter(text: string, before: string, delta = 0): string {
  const i = text.indexOf(before);
  if (i < 0) throw new Error(`not in the text: ${before}`);
  const at = i + before.length + delta;
  return text.slice(0, at) + '|' + text.slice(at);
}

/** The cursor inside the first occurrence of `needle`, `into` characters from its start. */
export function cursorIn(text: string, needle: string, into = 1): string {
  return cursorAfter(text, needle, into - needle.length);
}

/** The text edits of a WorkspaceEdit for one document (from `changes` or `documentChanges`). */
export function editsOf(edit: WorkspaceEdit | null | undefined, uri = URI): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri
        ? c.edits.filter((e): e is TextEdit => 'range' in e)
        : [],
    );
  }
  return edit.changes?.[uri] ?? [];
}

export function applyWorkspaceEdit(
  text: string,
  edit: WorkspaceEdit | null | undefined,
  uri = URI,
): string {
  return applyTextEdits(text, editsOf(edit, uri));
}

export function fixture(name: string): string {
  return readFileSync(`test/fixtures/lsp/${name}`, 'utf8');
}

export const SEED_PATH = 'examples/seed-task-definition.json';

export const SEED = readFileSync(SEED_PATH, 'utf8');
