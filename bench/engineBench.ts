/**
 * Engine per edit (parse + model + all rules + graph) next to two references on the same text:
 * jsonc-parser's parseTree alone (the floor), and vscode-json-languageservice doValidation against
 * our schema (what VS Code already runs on every keystroke of a JSON file).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeBundleOptions } from '../scripts/bundle-options.mjs';
import { parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { parseDocument } from 'yaml';
import type { analyze as analyzeFn, FormatId } from '../server/src/engine/index';

/**
 * The engine as users run it: bundled and minified by esbuild with the options of the shipped
 * server (scripts/build.mjs), not the test-time transpilation (which wraps every function to keep
 * its name and so costs more per call).
 */
export function loadShippedEngine(): typeof analyzeFn {
  const outfile = resolve('.cache/bench/engine.cjs');
  mkdirSync('.cache/bench', { recursive: true });
  buildSync({ ...nodeBundleOptions(true), entryPoints: ['server/src/engine/index.ts'], outfile });
  return (createRequire(import.meta.url)(outfile) as { analyze: typeof analyzeFn }).analyze;
}

export interface Stats {
  median: number;
  p95: number;
  /** Mean: the cost per call with garbage collection included, which the median may skip. */
  mean: number;
  runs: number;
}

/**
 * Median and p95 of `fn` in steady state, as in an editor session that has been open a while: a
 * warm-up (a third of the time budget, at least 20 calls) lets the JIT settle, then calls are timed
 * one by one until the budget is spent (at least `minRuns`, at most `maxRuns`). The engine and both
 * references are measured the same way.
 */
export async function measure(
  fn: () => unknown,
  budgetMs: number,
  minRuns = 7,
  maxRuns = 20_000,
): Promise<Stats> {
  const warmUntil = performance.now() + budgetMs / 3;
  // Only a promise is awaited: awaiting a plain value would add a microtask turn to every sample.
  for (let i = 0; i < 20 || (i < maxRuns && performance.now() < warmUntil); i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  const times: number[] = [];
  const start = performance.now();
  while (
    times.length < minRuns ||
    (times.length < maxRuns && performance.now() - start < budgetMs)
  ) {
    const t = performance.now();
    const r = fn();
    if (r instanceof Promise) await r;
    times.push(performance.now() - t);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p95: at(0.95), mean, runs: times.length };
}

export interface EngineRow {
  label: string;
  size_bytes: number;
  median_ms: number;
  p95_ms: number;
  /** Mean per edit, garbage collection included (the median can fall between two collections). */
  mean_ms: number;
  /** The parse alone: jsonc-parser's parseTree, or for a template the yaml package's parseDocument. */
  parse_median_ms: number;
  jsonls_median_ms: number | null;
  runs: number;
}

export interface BenchDocument {
  label: string;
  text: string;
  /** The engine's format for it: a task-definition JSON file unless said otherwise. */
  format?: FormatId;
}

export async function benchEngine(docs: BenchDocument[], budgetMs: number): Promise<EngineRow[]> {
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync('schemas/task-definition.schema.json', 'utf8'));
  } catch {
    schema = undefined;
  }
  const service = getLanguageService({});
  if (schema) {
    service.configure({
      validate: true,
      allowComments: true,
      schemas: [
        {
          uri: 'https://ecs-init-order/task-definition.schema.json',
          fileMatch: ['*.json'],
          schema: schema as never,
        },
      ],
    });
  }
  const analyze = loadShippedEngine();
  const rows: EngineRow[] = [];
  for (const { label, text, format } of docs) {
    // Per edit, as the language server works: each sample types or deletes one character in a
    // value near the middle and analyses the whole new text.
    const [before, after] = editPair(text, format);
    let next = after;
    const engine = await measure(() => {
      const analysis = analyze(next, { format });
      next = next === after ? before : after;
      return analysis.graph();
    }, budgetMs);
    const parse = await measure(
      () =>
        format === 'cloudformation'
          ? parseDocument(text, { prettyErrors: false })
          : parseTree(text, [], { allowTrailingComma: true }),
      budgetMs,
    );
    let jsonls: Stats | undefined;
    if (schema && format !== 'cloudformation') {
      const doc = JsonTextDocument.create('file:///bench/task-def.json', 'json', 1, text);
      // What VS Code's JSON language service does per keystroke: parse the document, validate it.
      jsonls = await measure(
        () => service.doValidation(doc, service.parseJSONDocument(doc)),
        budgetMs,
      );
    }
    rows.push({
      label,
      size_bytes: Buffer.byteLength(text),
      median_ms: round(engine.median),
      p95_ms: round(engine.p95),
      mean_ms: round(engine.mean),
      parse_median_ms: round(parse.median),
      jsonls_median_ms: jsonls ? round(jsonls.median) : null,
      runs: engine.runs,
    });
  }
  return rows;
}

/** The text and the text with one character typed into a string value near the middle. */
export function editPair(text: string, format?: FormatId): [string, string] {
  // A YAML template's plain `Value: value-3-x`, or a JSON string value.
  const value = format === 'cloudformation' ? /: (?=value-)/g : /": "[^"\\]/g;
  value.lastIndex = Math.floor(text.length / 2);
  const m = value.exec(text);
  const at = m ? m.index + (format === 'cloudformation' ? 2 : 4) : Math.floor(text.length / 2);
  return [text, text.slice(0, at) + 'z' + text.slice(at)];
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
