/**
 * Terraform files as real repositories write them (test/fixtures/terraform/real-world, modelled on
 * public files; its README names them). The whole rule catalog runs on each as users run it: a
 * correct file has no finding at all, a broken one exactly those its sibling <name>.expected.json
 * lists (code and 1-based line), a file without the resource is not a task definition. The built
 * CLI lints the folder's files that declare the resource without an internal error.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { applyTextEdits, syntaxFindings } from '../../../server/src/engine/index';
import { declaresTerraformTaskDefinition } from '../../../shared/src/taskDefinitionFilter';
import { ensureCli, runCli } from '../../support/cli';
import { analyzeTf, terraformReady } from '../../support/terraform';

before(terraformReady);

const ROOT = 'test/fixtures/terraform/real-world';
const files = readdirSync(ROOT)
  .filter((f) => f.endsWith('.tf'))
  .sort()
  .map((f) => join(ROOT, f));

interface Expected {
  code: string;
  line: number;
}

const expectedPath = (path: string) => path.replace(/\.tf$/, '.expected.json');
const byPosition = (a: Expected, b: Expected) => a.line - b.line || a.code.localeCompare(b.code);

test('the README names every fixture', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const f of files) assert.ok(readme.includes(`\`${f.slice(ROOT.length + 1)}\``), f);
  assert.ok(files.length >= 20);
});

describe('real-world Terraform files', () => {
  for (const path of files) {
    test(path, () => {
      const analysis = analyzeTf(readFileSync(path, 'utf8'), { uri: path });
      assert.deepEqual(analysis.ruleFailures, [], 'no rule may throw');
      const findings = [...syntaxFindings(analysis.file), ...analysis.findings];
      const expected: Expected[] = existsSync(expectedPath(path))
        ? JSON.parse(readFileSync(expectedPath(path), 'utf8'))
        : [];
      assert.deepEqual(
        findings.map((f) => ({ code: f.code, line: f.range.start.line + 1 })).sort(byPosition),
        [...expected].sort(byPosition),
        findings.map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`).join('\n'),
      );
      if (!analysis.isTaskDefinition)
        assert.equal(analysis.file.notRecognised, 'no aws_ecs_task_definition resource');
      // Every fix leaves valid HCL.
      for (const f of analysis.findings)
        for (const fix of f.fixes)
          assert.deepEqual(
            syntaxFindings(analyzeTf(applyTextEdits(analysis.source.text, fix.edits)).file),
            syntaxFindings(analysis.file),
            `${f.code}: ${fix.title}`,
          );
    });
  }
});

test('the CLI lints the folder without an internal error', () => {
  ensureCli();
  const run = runCli(['lint', '--format', 'json', ROOT]);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  assert.doesNotMatch(run.stderr, /internal error/);
  const out = JSON.parse(run.stdout) as { files: { path: string }[] };
  // A directory stands for the .tf files that declare the resource (not those of modules' locals).
  const declaring = files.filter((f) => declaresTerraformTaskDefinition(readFileSync(f, 'utf8')));
  assert.equal(out.files.filter((f) => f.path.endsWith('.tf')).length, declaring.length);
});
