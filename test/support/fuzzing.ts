/**
 * Property-based fuzzing of the engine (fast-check, seeded and reproducible). Shared by the bounded
 * run in `npm test` (test/unit/fuzz.test.ts) and the long run behind `npm run fuzz`.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getNodeValue, parseTree } from 'jsonc-parser';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { completion } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { hover } from '../../server/src/features/hover';
import { prepareRename, rename } from '../../server/src/features/rename';
import {
  analyze,
  applyTextEdits,
  fixAll,
  type Analysis,
  type SourceText,
  type Finding,
  type Range,
} from '../../server/src/engine/index';
import { STYLES, templateOf } from './templates';

/** Every example and test task definition, read at run time (new fixtures are covered too). */
export function seedDocuments(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries.sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (
        /\.(json|jsonc|json\.tpl)$/.test(e) &&
        !e.endsWith('.expected.json') &&
        statSync(p).size < 200_000
      ) {
        const text = readFileSync(p, 'utf8');
        if (/containerDefinitions|"image"/.test(text)) out.push({ name: p, text });
      }
    }
  };
  walk('examples');
  walk('test/fixtures');
  return out;
}

const JSON_PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '""',
  'null',
  'true',
  'false',
  '0',
  '-1',
  '1e999',
  '"START"',
  '"SUCCESS"',
  '"essential"',
  '"dependsOn"',
  '"containerName"',
  '"name"',
  '//',
  '/*',
  '*/',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '\uFEFF',
  '\u{1F680}',
  'é',
  '\u202E',
];

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap'; a: number; b: number };

/**
 * One to four mutations: inserting one of a format's `pieces` (or a short random string), deleting
 * a run, truncating, and with `swap` exchanging two JSON values.
 */
export function mutationsOf(
  pieces: readonly string[],
  options: { swap?: boolean } = {},
): fc.Arbitrary<Mutation[]> {
  const kinds: fc.Arbitrary<Mutation>[] = [
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  ];
  if (options.swap)
    kinds.push(fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }));
  return fc.array(fc.oneof(...kinds), { minLength: 1, maxLength: 4 });
}

export const mutationArb = mutationsOf(JSON_PIECES, { swap: true });

/** Values (strings, numbers, booleans, null) with their spans, for value swaps. */
function valueSpans(text: string): { offset: number; length: number }[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const out: { offset: number; length: number }[] = [];
  const visit = (n: ReturnType<typeof parseTree>) => {
    if (!n) return;
    if (n.type === 'property') visit(n.children?.[1]);
    else if (n.children) n.children.forEach(visit);
    else out.push({ offset: n.offset, length: n.length });
  };
  visit(root);
  return out;
}

export function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    if (m.kind === 'insert') {
      const at = t.length === 0 ? 0 : m.at % (t.length + 1);
      t = t.slice(0, at) + m.text + t.slice(at);
    } else if (m.kind === 'delete' && t.length > 0) {
      const at = m.at % t.length;
      t = t.slice(0, at) + t.slice(at + m.length);
    } else if (m.kind === 'truncate' && t.length > 0) {
      t = t.slice(0, m.at % t.length);
    } else if (m.kind === 'swap') {
      const spans = valueSpans(t);
      if (spans.length < 2) continue;
      const [x, y] = [spans[m.a % spans.length]!, spans[m.b % spans.length]!].sort(
        (p, q) => p.offset - q.offset,
      );
      if (x.offset === y.offset) continue;
      t =
        t.slice(0, x.offset) +
        t.slice(y.offset, y.offset + y.length) +
        t.slice(x.offset + x.length, y.offset) +
        t.slice(x.offset, x.offset + x.length) +
        t.slice(y.offset + y.length);
    }
  }
  return t;
}

const URI = 'file:///fuzz/task-definition.json';

/**
 * What every LSP answer must keep, whatever the text: completion edits on the cursor's line and
 * holding the cursor (editors silently drop others), symbols whose selection lies in their range,
 * renames that leave a well-formed file well-formed, and no request that throws.
 */
function checkAnswers(
  analysis: Analysis,
  wellFormed: ((text: string) => boolean) | undefined,
  check: (ok: boolean, what: string) => void,
): void {
  const source = analysis.source;
  const text = source.text;
  // The cursor at both ends, at eight points between, and on every container's name.
  const offsets = new Set<number>();
  for (let k = 0; k <= 8; k++) offsets.add(Math.floor((text.length * k) / 8));
  for (const c of analysis.model?.containers ?? [])
    if (c.nameNode) offsets.add(c.nameNode.offset + 1);
  for (const offset of offsets) {
    const position = source.positionAt(offset);
    const where = `at ${position.line}:${position.character}`;
    const options = { snippetSupport: true, namedLikeTaskDefinition: true };
    for (const item of completion(analysis, position, options).items) {
      const edit = item.textEdit;
      if (!edit) continue;
      const range = 'range' in edit ? edit.range : edit.replace;
      check(
        inside(source, range),
        `completion "${item.label}" ${where}: range outside the document`,
      );
      check(
        range.start.line === position.line && range.end.line === position.line,
        `completion "${item.label}" ${where}: range ${JSON.stringify(range)} not on the cursor's line`,
      );
      check(
        range.start.character <= position.character && position.character <= range.end.character,
        `completion "${item.label}" ${where}: range ${JSON.stringify(range)} does not hold the cursor`,
      );
      for (const extra of item.additionalTextEdits ?? [])
        check(
          inside(source, extra.range),
          `completion "${item.label}" ${where}: extra edit outside`,
        );
    }
    hover(analysis, position);
    const target = prepareRename(analysis, position);
    if (!target) continue;
    check(inside(source, target.range), `prepareRename ${where}: range outside the document`);
    const result = rename(analysis, position, 'renamed-by-fuzz', {
      uri: URI,
      version: 1,
      documentChanges: false,
    });
    if (!result || 'error' in result) continue;
    const edits = result.edit.changes?.[URI] ?? [];
    for (const e of edits) check(inside(source, e.range), `rename ${where}: edit outside`);
    if (wellFormed)
      check(wellFormed(applyTextEdits(text, edits)), `rename ${where} broke the file`);
  }
  const symbolsInside = (symbols: DocumentSymbol[]): void => {
    for (const s of symbols) {
      check(inside(source, s.range), `symbol "${s.name}": range outside the document`);
      const r = s.range;
      const sel = s.selectionRange;
      check(
        source.offsetAt(r.start) <= source.offsetAt(sel.start) &&
          source.offsetAt(sel.end) <= source.offsetAt(r.end),
        `symbol "${s.name}": selection range outside its range`,
      );
      symbolsInside(s.children ?? []);
    }
  };
  symbolsInside(documentSymbols(analysis));
}

function inside(source: SourceText, r: Range): boolean {
  const s = source.offsetAt(r.start);
  const e = source.offsetAt(r.end);
  const pos = (p: Range['start']) =>
    p.line >= 0 &&
    p.line < source.lineCount &&
    p.character >= 0 &&
    source.offsetAt(p) === source.offsetAt({ line: p.line, character: p.character });
  return (
    pos(r.start) &&
    pos(r.end) &&
    s <= e &&
    e <= source.text.length &&
    source.positionAt(s).character === r.start.character &&
    source.positionAt(e).character === r.end.character
  );
}

function syntaxErrorCount(text: string): number {
  const errors: { error: number }[] = [];
  parseTree(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, errors as never, {
    allowTrailingComma: true,
  });
  return errors.length;
}

function stringValues(text: string): string[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const out: string[] = [];
  const visit = (n: ReturnType<typeof parseTree>) => {
    if (!n) return;
    if (n.type === 'string' && !(n.parent?.type === 'property' && n.parent.children?.[0] === n))
      out.push(String(n.value));
    n.children?.forEach(visit);
  };
  visit(root);
  return out;
}

export interface FuzzStats {
  cases: number;
  inputsTried: number;
  fixesApplied: number;
}

/** Checks every property on one input; throws (with a message) on the first violation. */
export function checkDocument(text: string, stats: FuzzStats): void {
  stats.inputsTried++;
  const analysis = analyze(text);
  const source = analysis.source;
  const check = (ok: boolean, what: string, f?: Finding) => {
    if (!ok) throw new Error(`${what}${f ? ` (${f.code}: ${f.message})` : ''}`);
  };
  for (const f of analysis.findings) {
    check(inside(source, f.range), 'finding range outside the document', f);
    for (const r of f.related)
      check(inside(source, r.range), 'related range outside the document', f);
    for (const fix of f.fixes) {
      const spans = fix.edits.map((e) => {
        check(inside(source, e.range), 'fix edit outside the document', f);
        return [source.offsetAt(e.range.start), source.offsetAt(e.range.end)] as const;
      });
      spans.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++)
        check(
          spans[i - 1]![1] <= spans[i]![0] &&
            !(
              spans[i - 1]![0] === spans[i]![0] &&
              spans[i - 1]![1] === spans[i]![1] &&
              spans[i]![0] === spans[i]![1]
            ),
          `overlapping edits in fix "${fix.title}"`,
          f,
        );
    }
  }
  check(
    analysis.ruleFailures.length === 0,
    `a rule threw: ${analysis.ruleFailures.map((r) => `${r.rule}: ${String(r.error)}`).join('; ')}`,
  );
  const parseable = syntaxErrorCount(text) === 0;
  checkAnswers(analysis, parseable ? (t) => syntaxErrorCount(t) === 0 : undefined, check);
  if (!analysis.isTaskDefinition) return;
  const before = stringValues(text);
  for (const f of analysis.findings) {
    for (const fix of f.fixes.filter((x) => x.isPreferred)) {
      const after = applyTextEdits(text, fix.edits);
      stats.fixesApplied++;
      if (parseable) check(syntaxErrorCount(after) === 0, `fix "${fix.title}" broke the JSON`, f);
      if (fix.safe && parseable) {
        const remaining = new Map<string, number>();
        for (const v of stringValues(after)) remaining.set(v, (remaining.get(v) ?? 0) + 1);
        for (const v of before) {
          const n = remaining.get(v) ?? 0;
          if (n > 0) remaining.set(v, n - 1);
          else
            check(
              fix.title.toLowerCase().includes(v.toLowerCase()),
              `safe fix "${fix.title}" removed the value ${JSON.stringify(v)} it does not name`,
              f,
            );
        }
      }
    }
  }
  if (parseable) {
    const once = fixAll(text).text;
    check(syntaxErrorCount(once) === 0, 'fix-all broke the JSON');
    check(fixAll(once).text === once, 'fix-all applied twice differs from fix-all applied once');
  }
}

// ---------------------------------------------------------------------------------------------
// CloudFormation templates: the real ones of test/fixtures/cloudformation and every seed task
// definition written as a YAML template, mutated with YAML's own pieces.

/** Templates to mutate: the real ones, and the JSON seeds as YAML templates of two styles. */
export function templateSeeds(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e) && !e.endsWith('.expected.json'))
        out.push({ name: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk('test/fixtures/cloudformation');
  for (const seed of seedDocuments()) {
    const analysis = analyze(seed.text);
    const definition = analysis.definitions[0];
    if (!definition || definition.model.kind !== 'task' || analysis.file.syntaxErrors.length > 0)
      continue;
    const task = getNodeValue(definition.input.root) as unknown;
    out.push({ name: `${seed.name} (YAML)`, text: templateOf(task, STYLES['yaml block']!) });
    out.push({
      name: `${seed.name} (YAML, flow, CRLF)`,
      text: templateOf(task, STYLES['yaml flow mappings, CRLF']!),
    });
  }
  return out;
}

const YAML_PIECES = [
  ':',
  ': ',
  '- ',
  '-',
  '\n',
  '\r\n',
  '  ',
  '\t',
  '#',
  ' # note',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '!Ref ',
  '!If [C, a, !Ref AWS::NoValue]',
  '!Sub ',
  '!Foo ',
  '&a ',
  '*a',
  '<<: *a',
  '---\n',
  '...',
  '? ',
  '|',
  '>-',
  '%YAML 1.2',
  '@',
  '~',
  'yes',
  'null',
  '0777',
  'Essential: ',
  'DependsOn:',
  'ContainerName: ',
  'Condition: SUCCESS',
  'Name: ',
  '\uFEFF',
  '\u{1F680}',
];

export const yamlMutationArb = mutationsOf(YAML_PIECES);

const TEMPLATE = { format: 'cloudformation' } as const;

/** Does the YAML (or JSON) template read without a syntax error? */
function templateParses(text: string): boolean {
  return analyze(text, TEMPLATE).file.syntaxErrors.length === 0;
}

/** The task definitions of a template as the engine reads them. */
function taskDefinitionNames(text: string): string[] {
  return analyze(text, TEMPLATE).definitions.map((d) => d.input.name ?? '');
}

/** Every property on one template; throws (with a message) on the first violation. */
export function checkTemplate(text: string, stats: FuzzStats): void {
  stats.inputsTried++;
  const analysis = analyze(text, TEMPLATE);
  const source = analysis.source;
  const check = (ok: boolean, what: string, f?: Finding) => {
    if (!ok) throw new Error(`${what}${f ? ` (${f.code}: ${f.message})` : ''}`);
  };
  check(
    analysis.ruleFailures.length === 0,
    `a rule threw: ${analysis.ruleFailures.map((r) => `${r.rule}: ${String(r.error)}`).join('; ')}`,
  );
  for (const e of analysis.file.syntaxErrors)
    check(e.offset >= 0 && e.offset + e.length <= text.length, 'syntax error outside the text');
  checkAnswers(
    analysis,
    analysis.file.syntaxErrors.length === 0 ? templateParses : undefined,
    check,
  );
  for (const f of analysis.findings) {
    check(inside(source, f.range), 'finding range outside the document', f);
    for (const fix of f.fixes)
      for (const e of fix.edits) check(inside(source, e.range), 'fix edit outside the document', f);
  }
  if (!analysis.isTaskDefinition || analysis.file.syntaxErrors.length > 0) return;
  const names = taskDefinitionNames(text);
  for (const f of analysis.findings) {
    for (const fix of f.fixes.filter((x) => x.isPreferred)) {
      const after = applyTextEdits(text, fix.edits);
      stats.fixesApplied++;
      check(templateParses(after), `fix "${fix.title}" broke the template:\n${after}`, f);
      check(
        JSON.stringify(taskDefinitionNames(after)) === JSON.stringify(names),
        `fix "${fix.title}" changed which task definitions the template holds`,
        f,
      );
    }
  }
  const once = fixAll(text, TEMPLATE).text;
  check(templateParses(once), 'fix-all broke the template');
  check(fixAll(once, TEMPLATE).text === once, 'fix-all applied twice differs from once');
}
