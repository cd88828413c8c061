/**
 * Applying fixes: the safe, preferred fixes of a document, repeatedly, until none is left (a fix
 * can make another finding disappear, so each round re-analyses the text it produced).
 */
import { analyze, type AnalysisOptions } from './analyze';
import { SourceText } from './text';
import type { Finding, TextEdit } from './types';

export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: { code: string; title: string }[];
}

const MAX_ROUNDS = 10;

/** Apply LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const source = new SourceText(text);
  const offsetEdits = edits.map((e) => ({
    start: source.offsetAt(e.range.start),
    end: source.offsetAt(e.range.end),
    newText: e.newText,
  }));
  offsetEdits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of offsetEdits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function editSpan(source: SourceText, edits: TextEdit[]): { start: number; end: number }[] {
  return edits.map((e) => ({
    start: source.offsetAt(e.range.start),
    end: source.offsetAt(e.range.end),
  }));
}

/** Two spans conflict when they overlap or touch: touching edits wait for the next round. */
function conflicts(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function safeFixesOf(findings: Finding[]) {
  return findings.flatMap((f) =>
    f.fixes.filter((x) => x.safe && x.isPreferred).map((fix) => ({ code: f.code, fix })),
  );
}

export function fixAll(text: string, options: AnalysisOptions = {}): FixAllResult {
  let current = text;
  const applied: FixAllResult['applied'] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const analysis = analyze(current, options);
    const candidates = safeFixesOf(analysis.findings);
    if (candidates.length === 0) break;
    const source = analysis.source;
    const taken: { start: number; end: number }[] = [];
    const edits: TextEdit[] = [];
    for (const { code, fix } of candidates) {
      const spans = editSpan(source, fix.edits);
      if (spans.some((s) => taken.some((t) => conflicts(s, t)))) continue;
      taken.push(...spans);
      edits.push(...fix.edits);
      applied.push({ code, title: fix.title });
    }
    if (edits.length === 0) break;
    current = applyTextEdits(current, edits);
  }
  return { text: current, applied };
}
