/**
 * Engine per edit (parse + model + all rules + graph) next to two references on the same text:
 * jsonc-parser's parseTree alone (the floor), and vscode-json-languageservice doValidation against
 * our schema (what VS Code already runs on every keystroke of a JSON file).
 */
import { readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { analyze } from '../server/src/engine/index';

export interface Stats {
  median: number;
  p95: number;
  runs: number;
}

export function measure(fn: () => unknown, budgetMs: number, minRuns = 7, maxRuns = 400): Stats {
  for (let i = 0; i < 2; i++) fn(); // warm-up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budgetMs)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: times.length };
}

export interface EngineRow {
  label: string;
  size_bytes: number;
  median_ms: number;
  p95_ms: number;
  parse_median_ms: number;
  jsonls_median_ms: number | null;
  runs: number;
}

export async function benchEngine(docs: { label: string; text: string }[], budgetMs: number): Promise<EngineRow[]> {
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync('schemas/task-definition.schema.json', 'utf8'));
  } catch {
    schema = undefined;
  }
  const service = getLanguageService({});
  if (schema) {
    service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'https://ecs-init-order/task-definition.schema.json', fileMatch: ['*.json'], schema: schema as never }] });
  }
  const rows: EngineRow[] = [];
  for (const { label, text } of docs) {
    const engine = measure(() => analyze(text).graph(), budgetMs);
    const parse = measure(() => parseTree(text, [], { allowTrailingComma: true }), budgetMs);
    let jsonls: Stats | undefined;
    if (schema) {
      const doc = JsonTextDocument.create('file:///bench/task-def.json', 'json', 1, text);
      // doValidation is async; time it sequentially, as the editor does per keystroke.
      const times: number[] = [];
      const start = performance.now();
      for (let i = 0; i < 2; i++) await service.doValidation(doc, service.parseJSONDocument(doc));
      while (times.length < 5 || (times.length < 200 && performance.now() - start < budgetMs)) {
        const t = performance.now();
        await service.doValidation(doc, service.parseJSONDocument(doc));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      jsonls = { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, runs: times.length };
    }
    rows.push({
      label,
      size_bytes: Buffer.byteLength(text),
      median_ms: round(engine.median),
      p95_ms: round(engine.p95),
      parse_median_ms: round(parse.median),
      jsonls_median_ms: jsonls ? round(jsonls.median) : null,
      runs: engine.runs,
    });
  }
  return rows;
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
