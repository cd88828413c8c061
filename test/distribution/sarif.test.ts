/**
 * The CLI's SARIF is what GitHub code scanning ingests. Two independent judges, both offline:
 * - the OASIS SARIF 2.1.0 JSON schema (the copy shipped in @microsoft/sarif-multitool), with Ajv;
 * - Microsoft's SARIF validator (`Sarif.Multitool validate`) with its GitHub rule kind (GH1001…,
 *   GH2012…: the properties GitHub Advanced Security requires, relative locations, limits).
 * The validator reports nothing at all for a log it cannot deserialize, so the schema check comes
 * first, and a broken log must make it speak (the control case), or its silence would prove nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { ensureCli, runCli } from '../support/cli';

const require = createRequire(__filename);
const multitoolDir = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const MULTITOOL = join(multitoolDir, 'Sarif.Multitool');
const SCHEMA = join(multitoolDir, 'sarif-2.1.0.json');

let dir: string;
before(() => {
  ensureCli();
  dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-sarif-'));
  copyFileSync(
    resolve('examples/seed-task-definition.json'),
    join(dir, 'seed-task-definition.json'),
  );
  writeFileSync(join(dir, 'broken-taskdef.json'), '{ "family": "x", "containerDefinitions": [ }\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The SARIF of `ecs-init-order lint` run from the folder, as the GitHub Action runs it. */
function lintSarif(): { text: string; status: number } {
  const run = runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
  return { text: run.stdout, status: run.status };
}

interface ValidatorFinding {
  ruleId: string;
  level: string;
  message: string;
}

/** Runs the validator with GitHub's rules and returns what it found (its own SARIF log). */
function validate(sarifText: string, name: string): ValidatorFinding[] {
  const input = join(dir, `${name}.sarif`);
  const output = join(dir, `${name}.validation.sarif`);
  writeFileSync(input, sarifText);
  rmSync(output, { force: true });
  const run = spawnSync(
    MULTITOOL,
    ['validate', '--rule-kind', 'Gh', '--json-schema', SCHEMA, '--output', output, input],
    { encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(run.status, 0, `the validator failed to run:\n${run.stdout}${run.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8'));
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  return (log.runs[0].results ?? []).map(
    (r: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }) => ({
      ruleId: r.ruleId,
      level: r.level ?? 'warning',
      message: r.message.text ?? (r.message.arguments ?? []).join(' '),
    }),
  );
}

test('the seed and a file that is not JSON give findings, including a JSON syntax error', () => {
  const { text, status } = lintSarif();
  assert.equal(status, 1);
  const codes = JSON.parse(text).runs[0].results.map((r: { ruleId: string }) => r.ruleId);
  for (const code of ['json-syntax', 'init-not-awaited', 'entrypoint-overrides-shell'])
    assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
});

test('valid against the SARIF 2.1.0 JSON schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const check = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const valid = check(JSON.parse(lintSarif().text));
  assert.ok(valid, ajv.errorsText(check.errors, { separator: '\n' }));
});

test('the SARIF validator finds nothing against GitHub’s ingestion rules', () => {
  const findings = validate(lintSarif().text, 'seed').filter((f) => f.level !== 'note');
  assert.deepEqual(findings, []);
});

test('control: the validator reports what GitHub would reject', () => {
  const sarif = JSON.parse(lintSarif().text);
  const rule = sarif.runs[0].tool.driver.rules[0];
  delete rule.help;
  delete rule.fullDescription;
  sarif.runs[0].results[0].locations = [];
  const ruleIds = new Set(validate(JSON.stringify(sarif), 'control').map((f) => f.ruleId));
  assert.ok(ruleIds.has('GH2012'), `GH2012 (rule help and full description) in ${[...ruleIds]}`);
  assert.ok(ruleIds.has('GH1015'), `GH1015 (a result without a location) in ${[...ruleIds]}`);
});

test('locations are relative to the folder the CLI ran in', () => {
  const uris = JSON.parse(lintSarif().text).runs[0].results.map(
    (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0]!.physicalLocation.artifactLocation.uri,
  );
  assert.deepEqual([...new Set(uris)].sort(), ['broken-taskdef.json', 'seed-task-definition.json']);
});
