/**
 * Rule tests as tables, in the manner of ESLint's RuleTester. A rule's test file calls
 * `ruleTester(id, { severity, valid, invalid })`:
 *
 * - `severity`: the rule's default severity.
 * - `valid`: documents on which the rule stays silent, each `{ name, document }`.
 * - `invalid`: documents with their `findings`, in the order the rule reports them. Each finding
 *   gives its `message` (the exact text, a pattern, or several patterns that must all match), what
 *   it underlines (`underlined`, the exact text; or `range`), `severity` where it differs from the
 *   default, and `fixes`: `null` when none is offered, otherwise every fix with its `title`,
 *   whether it is `preferred` and `safe` (applied by `--fix`; both default to false) and `output`,
 *   the whole text after that fix alone. Related locations, tags and `schemaCovered` are checked
 *   too: leaving one out says the finding has none.
 *
 * Every case also checks what any rule owes the user: it does not throw (nor do its fixes when
 * built), and a fix never leaves more JSON syntax errors than it found. Name each case after the
 * real pattern it stands for.
 *
 * Documents live in files: `fixture('<rule-id>/<case>.json')` under test/fixtures/rules (named
 * `<case>.schema-invalid.json` where the JSON schema rejects them: the schema test reads every
 * fixture), `example('<name>.json')` from examples/. `edit(document, [from, to], …)` states a
 * variant, or a fix's output, as the document with exact changes. A small inline document is fine
 * where it is the clearest. What a table cannot say stays a plain test next to it. `npm test` runs
 * every file of this folder in one process (test/unit/rules.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  analyze,
  applyTextEdits,
  SourceText,
  type AnalysisOptions,
  type DiagnosticTag,
  type Finding,
  type Range,
  type Severity,
} from '../../../server/src/engine/index';
import { ruleById } from '../../../server/src/engine/rules/index';

/** Options the rule runs with (severity overrides, the document's URI, bare container arrays). */
export type CaseOptions = Omit<AnalysisOptions, 'rules'>;

export interface ValidCase {
  /** The real pattern the document stands for. */
  name: string;
  document: string;
  options?: CaseOptions;
}

export interface ExpectedFix {
  title: string;
  /** The whole text after this fix alone. */
  output: string;
  preferred?: boolean;
  safe?: boolean;
}

export interface ExpectedRelated {
  message: string;
  underlined?: string;
  /** 1-based line, as an editor shows it. */
  line?: number;
}

export interface ExpectedFinding {
  /** The exact message, a pattern it matches, or patterns it matches all of. */
  message: string | RegExp | readonly RegExp[];
  /** Patterns the message must not match. */
  messageExcludes?: RegExp | readonly RegExp[];
  /** The exact text the finding underlines. Give this, or `range`, or both. */
  underlined?: string;
  /** The exact range (0-based lines and characters, as in LSP). */
  range?: Range;
  /** 1-based line of the range's start, as an editor shows it. */
  line?: number;
  /** Checked against the rule's default severity when left out. */
  severity?: Severity;
  container?: string;
  related?: readonly ExpectedRelated[];
  tags?: readonly DiagnosticTag[];
  schemaCovered?: boolean;
  /** Every fix offered, in order; `null` when the finding offers none. */
  fixes: readonly ExpectedFix[] | null;
}

export interface InvalidCase extends ValidCase {
  findings: readonly ExpectedFinding[];
}

export interface RuleTable {
  /** The rule's default severity: every finding has it unless its case says otherwise. */
  severity: Severity;
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
}

const RULE_FIXTURES = 'test/fixtures/rules';

/** A document of test/fixtures/rules: `fixture('<rule-id>/<case>.json')`. */
export function fixture(path: string): string {
  return readFileSync(join(RULE_FIXTURES, path), 'utf8');
}

/** A document of the repository's examples/ folder: `example('seed-task-definition.json')`. */
export function example(name: string): string {
  return readFileSync(join('examples', name), 'utf8');
}

/**
 * The text with each `from` replaced by its `to`, in turn; each `from` must occur exactly once, so
 * the result says precisely what changed.
 */
export function edit(text: string, ...changes: (readonly [from: string, to: string])[]): string;
export function edit(text: string, from: string, to: string): string;
export function edit(text: string, ...args: unknown[]): string {
  const changes = (
    typeof args[0] === 'string' ? [[args[0], args[1]]] : args
  ) as readonly (readonly [string, string])[];
  let out = text;
  for (const [from, to] of changes) {
    const at = out.indexOf(from);
    assert.ok(at >= 0, `edit: ${JSON.stringify(from)} is not in the document`);
    assert.equal(
      out.indexOf(from, at + 1),
      -1,
      `edit: ${JSON.stringify(from)} occurs more than once in the document`,
    );
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** The same document with CRLF line endings. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Named documents (a record of name → text) as valid cases. */
export function validCases(documents: Record<string, string>, options?: CaseOptions): ValidCase[] {
  return Object.entries(documents).map(([name, document]) => ({ name, document, options }));
}

/** The text a range covers: what the editor underlines. */
function underlinedText(source: SourceText, range: Range): string {
  return source.text.slice(source.offsetAt(range.start), source.offsetAt(range.end));
}

/** A finding as the CLI prints it (line:column message), for failure messages. */
function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`;
}

function syntaxErrorCount(text: string): number {
  return analyze(text, { rules: [] }).file.syntaxErrors.length;
}

function run(id: string, c: ValidCase): Finding[] {
  const rule = ruleById(id);
  assert.ok(rule, `no rule "${id}" in the catalog`);
  const analysis = analyze(c.document, { ...c.options, rules: [rule] });
  const findings = analysis.findings.filter((f) => f.code === id);
  // Fixes are built on first use, and a builder that throws costs only its fixes: build them
  // here, so that a throw fails the case instead of passing for a finding without fixes.
  for (const f of findings) void f.fixes;
  assert.deepEqual(
    analysis.ruleFailures.map((f) => String(f.error)),
    [],
    `rule ${id} threw`,
  );
  return findings;
}

function checkMessage(actual: string, expected: ExpectedFinding, where: string): void {
  if (typeof expected.message === 'string')
    assert.equal(actual, expected.message, `${where}: message`);
  else
    for (const pattern of expected.message instanceof RegExp
      ? [expected.message]
      : expected.message)
      assert.match(actual, pattern, `${where}: message`);
  const excludes = expected.messageExcludes;
  for (const pattern of excludes === undefined
    ? []
    : excludes instanceof RegExp
      ? [excludes]
      : excludes)
    assert.doesNotMatch(actual, pattern, `${where}: message`);
}

function checkFinding(
  severity: Severity,
  source: SourceText,
  actual: Finding,
  expected: ExpectedFinding,
  where: string,
): void {
  checkMessage(actual.message, expected, where);
  assert.ok(
    expected.underlined !== undefined || expected.range !== undefined,
    `${where}: the table gives neither underlined nor range`,
  );
  const end = source.offsetAt(actual.range.end);
  assert.ok(end <= source.text.length, `${where}: range ends past the document`);
  if (expected.underlined !== undefined)
    assert.equal(underlinedText(source, actual.range), expected.underlined, `${where}: underlined`);
  if (expected.range !== undefined)
    assert.deepEqual(actual.range, expected.range, `${where}: range`);
  if (expected.line !== undefined)
    assert.equal(actual.range.start.line + 1, expected.line, `${where}: line`);
  assert.equal(actual.severity, expected.severity ?? severity, `${where}: severity`);
  if (expected.container !== undefined)
    assert.equal(actual.container, expected.container, `${where}: container`);
  assert.deepEqual(actual.tags, expected.tags ?? [], `${where}: tags`);
  assert.equal(
    actual.schemaCovered ?? false,
    expected.schemaCovered ?? false,
    `${where}: schemaCovered`,
  );
  const related = expected.related ?? [];
  assert.deepEqual(
    actual.related.map((r, i) => ({
      message: r.message,
      ...(related[i]?.underlined !== undefined && { underlined: underlinedText(source, r.range) }),
      ...(related[i]?.line !== undefined && { line: r.range.start.line + 1 }),
    })),
    related.map((r) => ({ ...r })),
    `${where}: related locations`,
  );
  checkFixes(source, actual, expected.fixes ?? [], where);
}

function checkFixes(
  source: SourceText,
  actual: Finding,
  expected: readonly ExpectedFix[],
  where: string,
): void {
  assert.deepEqual(
    actual.fixes.map((x) => ({ title: x.title, preferred: x.isPreferred, safe: x.safe })),
    expected.map((x) => ({
      title: x.title,
      preferred: x.preferred ?? false,
      safe: x.safe ?? false,
    })),
    `${where}: fixes (title, preferred, safe)`,
  );
  const errorsBefore = syntaxErrorCount(source.text);
  actual.fixes.forEach((fix, i) => {
    const output = applyTextEdits(source.text, fix.edits);
    assert.equal(output, expected[i]!.output, `${where}: output of fix "${fix.title}"`);
    assert.ok(
      syntaxErrorCount(output) <= errorsBefore,
      `${where}: fix "${fix.title}" leaves a JSON syntax error`,
    );
  });
}

/** One describe block per rule: a test per valid case and a test per invalid case. */
export function ruleTester(id: string, table: RuleTable): void {
  describe(id, () => {
    assert.equal(ruleById(id)?.severity, table.severity, `${id}: default severity`);
    const names = [...table.valid, ...table.invalid].map((c) => c.name);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    assert.deepEqual(twice, [], `${id}: every case needs a name of its own`);

    describe('valid', () => {
      for (const c of table.valid)
        test(c.name, () =>
          assert.deepEqual(run(id, c).map(describeFinding), [], 'the rule reports nothing'),
        );
    });

    describe('invalid', () => {
      for (const c of table.invalid)
        test(c.name, () => {
          const found = run(id, c);
          assert.equal(
            found.length,
            c.findings.length,
            `${found.length} findings, ${c.findings.length} expected:\n${found.map(describeFinding).join('\n')}`,
          );
          const source = new SourceText(c.document);
          found.forEach((f, i) =>
            checkFinding(table.severity, source, f, c.findings[i]!, `finding ${i + 1}`),
          );
        });
    });
  });
}
