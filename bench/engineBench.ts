/**
 * Engine per edit (parse + model + all rules + graph) next to two references on the same text:
 * jsonc-parser's parseTree alone (the floor), and vscode-json-languageservice doValidation against
 * our schema (what VS Code already runs on every keystroke of a JSON file).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeBundleOptions } from '../scripts/bundle-options.mjs';
import { parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { parseDocument } from 'yaml';
import type * as Engine from '../server/src/engine/index';
import type { analyze as analyzeFn, FormatId } from '../server/src/engine/index';
import { readTerraformWasm } from '../server/src/node/terraform';

/**
 * The engine as users run it: bundled and minified by esbuild with the options of the shipped
 * server (scripts/build.mjs), not the test-time transpilation (which wraps every function to keep
 * its name and so costs more per call).
 */
export function loadShippedEngine(): typeof analyzeFn {
  return shippedEngineModule().analyze;
}

let shipped: typeof Engine | undefined;

function shippedEngineModule(): typeof Engine {
  if (shipped) return shipped;
  // A folder of this run's own: .cache may be shared with other checkouts running the bench.
  const folder = mkdtempSync(join(tmpdir(), 'ecs-init-order-bench-'));
  const outfile = join(folder, 'engine.cjs');
  buildSync({ ...nodeBundleOptions(true), entryPoints: ['server/src/engine/index.ts'], outfile });
  shipped = createRequire(import.meta.url)(outfile) as typeof Engine;
  // Loaded: the file is no longer needed.
  rmSync(folder, { recursive: true, force: true });
  return shipped;
}

export interface TerraformRow {
  label: string;
  size_bytes: number;
  median_ms: number;
  p95_ms: number;
  mean_ms: number;
  /** The same analysis without re-use (a whole parse, every resource read): what re-use saves. */
  fresh_median_ms: number;
  runs: number;
}

/**
 * The engine on a Terraform file, per edit as the language server works: one character typed into
 * a value near the middle, the document's previous tree and unchanged resources re-used (the
 * analysis carries the document's URI).
 */
export async function benchTerraformEngine(
  label: string,
  text: string,
  budgetMs: number,
): Promise<TerraformRow> {
  const engine = shippedEngineModule();
  await engine.loadTerraformParser(readTerraformWasm());
  const [before, after] = editPair(text, 'terraform');
  let next = after;
  const options = { format: 'terraform' as const, uri: 'file:///bench/main.tf' };
  const measured = await measure(() => {
    const analysis = engine.analyze(next, options);
    next = next === after ? before : after;
    return analysis.graph();
  }, budgetMs);
  const full = await measure(
    () => engine.analyze(text, { format: 'terraform' }).graph(),
    budgetMs / 3,
  );
  return {
    label,
    size_bytes: Buffer.byteLength(text),
    median_ms: round(measured.median),
    p95_ms: round(measured.p95),
    mean_ms: round(measured.mean),
    fresh_median_ms: round(full.median),
    runs: measured.runs,
  };
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
  /**
   * A YAML template is analysed per edit re-using the document's previous reading, as the language
   * server does; this is the same analysis from a whole parse of the text.
   */
  fresh_median_ms: number | null;
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
    const template = format === 'cloudformation';
    const uri = template ? `file:///bench/${encodeURIComponent(label)}.yaml` : undefined;
    const engine = await measure(() => {
      const analysis = analyze(next, { format, uri });
      next = next === after ? before : after;
      return analysis.graph();
    }, budgetMs);
    const fresh = template
      ? await measure(() => analyze(text, { format }).graph(), budgetMs / 3)
      : undefined;
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
      fresh_median_ms: fresh ? round(fresh.median) : null,
      runs: engine.runs,
    });
  }
  return rows;
}

/**
 * Where a character is typed, by format: before a JSON string value's first character, a YAML
 * template's plain `Value: value-3-x`, an HCL `value = "value-3-x"`.
 */
const EDIT_AT: Record<FormatId, { value: RegExp; into: number }> = {
  json: { value: /": "[^"\\]/g, into: 4 },
  cloudformation: { value: /: (?=value-)/g, into: 2 },
  terraform: { value: /= "(?=value-)/g, into: 3 },
};

/** The text and the text with one character typed into a string value near the middle. */
export function editPair(text: string, format: FormatId = 'json'): [string, string] {
  const { value, into } = EDIT_AT[format];
  value.lastIndex = Math.floor(text.length / 2);
  const m = value.exec(text);
  const at = m ? m.index + into : Math.floor(text.length / 2);
  return [text, text.slice(0, at) + 'z' + text.slice(at)];
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
