/**
 * Real-world task definitions (test/fixtures/real-world): the shapes task definitions take in real
 * repositories, consoles and pipelines. The whole rule catalog runs on each, as users run it:
 * a correct file gives no error and no warning, a broken one exactly the findings its sibling
 * <name>.expected.json lists (code and 1-based line). The built CLI lints the whole folder without
 * an internal error.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { allRules, analyze, JSON_SYNTAX, syntaxFindings } from '../../server/src/engine/index';
import { ensureCli, runCli } from '../support/cli';
import { seedDocuments } from '../support/fuzzing';

const ROOT = 'test/fixtures/real-world';
const FIXTURE = /\.(json|jsonc|json\.tpl)$/;

interface Expected {
  code: string;
  line: number;
}

function fixtures(kind: 'good' | 'bad'): string[] {
  return readdirSync(join(ROOT, kind))
    .filter((f) => FIXTURE.test(f) && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => join(ROOT, kind, f));
}

function expectedPath(path: string): string {
  return path.replace(/\.(json|jsonc|json\.tpl)$/, '.expected.json');
}

/** Everything a user sees for the file: JSON syntax errors (as the CLI shows them) and the findings. */
function lint(path: string) {
  const text = readFileSync(path, 'utf8');
  const analysis = analyze(text, { uri: path });
  assert.deepEqual(
    analysis.ruleFailures.map((f) => `${f.rule}: ${String(f.error)}`),
    [],
    'no rule may throw',
  );
  assert.ok(analysis.isTaskDefinition, `${path} is recognised as a task definition`);
  return { analysis, findings: [...syntaxFindings(analysis.file), ...analysis.findings] };
}

const byPosition = (a: Expected, b: Expected) => a.line - b.line || a.code.localeCompare(b.code);

/** The findings a fixture's sibling <name>.expected.json lists (none when there is no such file). */
function expectedOf(path: string): Expected[] {
  const listed: Expected[] = existsSync(expectedPath(path))
    ? JSON.parse(readFileSync(expectedPath(path), 'utf8'))
    : [];
  return listed.sort(byPosition);
}

test('expected files name only rules of the catalog', () => {
  const codes = new Set([JSON_SYNTAX, ...allRules.map((r) => r.id)]);
  for (const path of [...fixtures('good'), ...fixtures('bad')]) {
    if (!existsSync(expectedPath(path))) continue;
    for (const e of JSON.parse(readFileSync(expectedPath(path), 'utf8')) as Expected[]) {
      assert.ok(codes.has(e.code), `${expectedPath(path)}: unknown rule "${e.code}"`);
      assert.ok(Number.isInteger(e.line) && e.line >= 1, `${expectedPath(path)}: line ${e.line}`);
    }
  }
});

describe('real-world task definitions: correct ones', () => {
  for (const path of fixtures('good')) {
    test(`${path}: no error and no warning`, () => {
      const { findings } = lint(path);
      const loud = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(
        loud.map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`),
        [],
      );
      // Hints and infos are listed exactly when a sibling .expected.json says which; otherwise there are none.
      assert.deepEqual(
        findings.map((f) => ({ code: f.code, line: f.range.start.line + 1 })).sort(byPosition),
        expectedOf(path),
      );
    });
  }
});

describe('real-world task definitions: broken ones give exactly their findings', () => {
  for (const path of fixtures('bad')) {
    test(path, () => {
      assert.ok(
        existsSync(expectedPath(path)),
        `${expectedPath(path)} lists the expected findings`,
      );
      const { findings } = lint(path);
      const actual = findings
        .map((f) => ({ code: f.code, line: f.range.start.line + 1 }))
        .sort(byPosition);
      assert.deepEqual(
        actual,
        expectedOf(path),
        findings.map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`).join('\n'),
      );
      // Every finding has a message, a non-empty range inside the text and fixes with edits.
      for (const f of findings) {
        assert.ok(f.message.length > 0);
        for (const fix of f.fixes)
          assert.ok(fix.edits.length > 0, `${f.code}: fix "${fix.title}" has edits`);
      }
    });
  }
});

test('the fuzz tests take every real-world fixture as a seed', () => {
  const seeds = new Set(seedDocuments().map((s) => s.name.split('\\').join('/')));
  for (const f of [...fixtures('good'), ...fixtures('bad')])
    assert.ok(seeds.has(f), `${f} is a fuzz seed`);
});

describe('real-world task definitions: the CLI', () => {
  before(() => ensureCli());

  const run = (args: string[]) => runCli(['lint', '--format', 'json', ...args]);
  // The directory walk takes *.json and *.jsonc; templates (*.json.tpl) are named explicitly.
  const templates = [...fixtures('good'), ...fixtures('bad')].filter((f) =>
    f.endsWith('.json.tpl'),
  );

  test('lints every real-world fixture without an internal error (exit 0 or 1)', () => {
    const r = run([ROOT, ...templates]);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error/);
    const out = JSON.parse(r.stdout) as {
      files: { path: string; skipped?: string; diagnostics: { code: string }[] }[];
    };
    const linted = out.files.filter((f) => !f.skipped).map((f) => f.path.split('\\').join('/'));
    for (const f of [...fixtures('good'), ...fixtures('bad')])
      assert.ok(linted.includes(f), `${f} was linted`);
  });

  test('the correct fixtures alone exit 0', () => {
    const r = run(fixtures('good'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
  });

  test('each broken fixture exits 1 when it has an error, 0 when only warnings and hints', () => {
    for (const path of fixtures('bad')) {
      const expected = expectedOf(path);
      const r = run([path]);
      assert.doesNotMatch(r.stderr, /internal error/, path);
      const out = JSON.parse(r.stdout) as {
        files: { diagnostics: { code: string; severity: string }[] }[];
      };
      const hasError = out.files[0]!.diagnostics.some((d) => d.severity === 'error');
      assert.equal(r.status, hasError ? 1 : 0, `${path} (${expected.length} expected findings)`);
    }
  });
});
