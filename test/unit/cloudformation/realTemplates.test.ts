/**
 * Real CloudFormation templates (test/fixtures/cloudformation, sources in its README): YAML and
 * JSON, App Mesh examples, Copilot output, AWS samples, cfn-lint's own fixture, aws-cdk snapshots
 * and cdk synth output. The whole rule catalog runs on each as users run it and gives exactly the
 * findings its sibling <name>.expected.json lists (code and 1-based line), each investigated in the
 * README; every fix leaves a valid template and makes its finding go; the CLI lints the folder.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatOf } from '../../../shared/src/taskDefinitionFilter';
import {
  allRules,
  analyze,
  applyTextEdits,
  JSON_SYNTAX,
  syntaxFindings,
  YAML_SYNTAX,
  type Finding,
} from '../../../server/src/engine/index';
import { ensureCli, runCli } from '../../support/cli';

const ROOT = 'test/fixtures/cloudformation';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

const templates = walk(ROOT).filter(
  (f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.expected.json'),
);

const expectedPath = (path: string) => path.replace(/\.(ya?ml|json)$/, '.expected.json');

interface Expected {
  code: string;
  line: number;
}

const byPosition = (a: Expected, b: Expected) => a.line - b.line || a.code.localeCompare(b.code);

function lint(path: string) {
  const text = readFileSync(path, 'utf8');
  const options = { format: formatOf(path, text), uri: path };
  const analysis = analyze(text, options);
  return {
    text,
    options,
    analysis,
    findings: [...syntaxFindings(analysis.file), ...analysis.findings],
  };
}

const keyOf = (f: Finding) => `${f.code} ${f.container ?? '-'}`;

test('the fixtures are templates, and their expected files name only known codes', () => {
  assert.ok(templates.length >= 15, `${templates.length} templates`);
  const codes = new Set([JSON_SYNTAX, YAML_SYNTAX, ...allRules.map((r) => r.id)]);
  for (const path of templates) {
    assert.equal(formatOf(path, readFileSync(path, 'utf8')), 'cloudformation', path);
    for (const e of JSON.parse(readFileSync(expectedPath(path), 'utf8')) as Expected[])
      assert.ok(codes.has(e.code), `${expectedPath(path)}: unknown code ${e.code}`);
  }
});

describe('real templates give exactly their findings', () => {
  for (const path of templates) {
    test(path, () => {
      const { analysis, findings } = lint(path);
      assert.ok(analysis.isTaskDefinition, 'recognised as a template with a task definition');
      assert.deepEqual(
        analysis.ruleFailures.map((f) => `${f.rule}: ${String(f.error)}`),
        [],
        'no rule may throw',
      );
      const expected = (JSON.parse(readFileSync(expectedPath(path), 'utf8')) as Expected[]).sort(
        byPosition,
      );
      assert.deepEqual(
        findings.map((f) => ({ code: f.code, line: f.range.start.line + 1 })).sort(byPosition),
        expected,
        findings.map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`).join('\n'),
      );
    });
  }
});

describe('every fix on a real template', () => {
  for (const path of templates) {
    test(path, () => {
      const { text, options, analysis } = lint(path);
      for (const f of analysis.findings) {
        for (const fix of f.fixes) {
          const after = analyze(applyTextEdits(text, fix.edits), options);
          assert.deepEqual(after.file.syntaxErrors, [], `${f.code}: "${fix.title}"`);
          assert.deepEqual(
            after.definitions.map((d) => d.input.name),
            analysis.definitions.map((d) => d.input.name),
            'the same task definitions',
          );
          if (fix.isPreferred) {
            const count = (fs: Finding[]) => fs.filter((g) => keyOf(g) === keyOf(f)).length;
            assert.ok(
              count(after.findings) < count(analysis.findings),
              `${f.code}: "${fix.title}" makes its finding go`,
            );
          }
        }
      }
    });
  }
});

test('cdk synth output: messages name the construct and where to change it; no fixes', () => {
  const { findings } = lint(join(ROOT, 'cdk.out', 'InitDemoStack.template.json'));
  assert.ok(findings.length > 0);
  for (const f of findings) {
    assert.match(f.message, /^InitDemoStack\/TaskDef\/Resource: /);
    assert.match(
      f.message,
      /This template is cdk synth output: make the change in the CDK app's code for InitDemoStack\/TaskDef and synthesize again\.$/,
    );
    assert.deepEqual(f.fixes, []);
  }
});

test('the CLI lints the folder without an internal error', () => {
  ensureCli();
  const run = runCli(['lint', '--format', 'json', ROOT]);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /internal error/);
  const out = JSON.parse(run.stdout) as { files: { path: string; skipped?: string }[] };
  const linted = out.files.filter((f) => !f.skipped).map((f) => f.path.split('\\').join('/'));
  for (const path of templates) assert.ok(linted.includes(path), `${path} was linted`);
});
