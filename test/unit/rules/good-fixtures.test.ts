/**
 * The shared correct fixtures (test/fixtures/good) under the whole catalog, as a user runs it: no
 * error and no warning from any rule, and fix-all leaves each file byte for byte alone. Hints and
 * infos are allowed only where they are right for a correct file (register-readonly-field on
 * describe output, by design).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, fixAll, syntaxFindings } from '../../../server/src/engine/index';
import { GOOD_FIXTURES } from './helpers';

const EXPECTED_QUIET_NOTES: Record<string, string[]> = {
  'good/describe-output-nulls.json': ['register-readonly-field'],
};

describe('test/fixtures/good under every rule', () => {
  test('the folder holds the six shapes', () => {
    assert.deepEqual(Object.keys(GOOD_FIXTURES).sort(), [
      'good/appmesh-envoy.json',
      'good/describe-output-nulls.json',
      'good/ec2-bridge-links.json',
      'good/fargate-init-done-right.json',
      'good/firelens-datadog.json',
      'good/worker.jsonc',
    ]);
  });

  for (const [name, text] of Object.entries(GOOD_FIXTURES)) {
    test(`${name}: no error, no warning, and only the expected hints`, () => {
      const analysis = analyze(text, { uri: name });
      assert.deepEqual(analysis.ruleFailures, []);
      assert.ok(analysis.isTaskDefinition);
      const findings = [...syntaxFindings(analysis.file), ...analysis.findings];
      assert.deepEqual(
        findings
          .filter((f) => f.severity === 'error' || f.severity === 'warning')
          .map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`),
        [],
      );
      assert.deepEqual([...new Set(findings.map((f) => f.code))], EXPECTED_QUIET_NOTES[name] ?? []);
    });

    test(`${name}: fix-all changes nothing`, () => {
      const result = fixAll(text);
      assert.deepEqual(result.applied, []);
      assert.equal(result.text, text);
    });
  }
});
