import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  REAL_WORLD_CORRECT,
  applyFix,
  findingsOf,
  GOOD_FIXTURES,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'timeout-range';

/** A one-container task on the given launch type, with the given timeout fields. */
function task(launchType: 'FARGATE' | 'EC2', fields: string): string {
  return `{
  "family": "jobs",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["${launchType}"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "shop/worker:1.0.0",
      ${fields}
    }
  ]
}
`;
}

describe(ID, () => {
  test('Fargate: a stopTimeout above 120', () => {
    const text = task('FARGATE', '"stopTimeout": 300');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '300');
    assert.equal(f.container, 'worker');
    assert.match(
      f.message,
      /^stopTimeout of worker is 300: above 120\. ECS accepts at most 120 seconds on Fargate\./,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change 300 to 120', true, false]],
    );
  });

  test('fix: clamps into the range', () => {
    const text = task('FARGATE', '"stopTimeout": 300');
    assert.equal(applyFix(text, onlyFinding(ID, text)), task('FARGATE', '"stopTimeout": 120'));
  });

  test('Fargate: a startTimeout below 2 is a warning that says what the minimum rests on', () => {
    const text = task('FARGATE', '"startTimeout": 1');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'warning');
    assert.match(
      f.message,
      /startTimeout of worker is 1: below 2\. ECS accepts 2 to 120 seconds on Fargate \(the minimum of 2 is stated in AWS CloudFormation's description of the field, not in the ECS API reference\)/,
    );
    assert.equal(applyFix(text, f), task('FARGATE', '"startTimeout": 2'));
  });

  test('Fargate: a startTimeout above 120 is an error', () => {
    const f = onlyFinding(ID, task('FARGATE', '"startTimeout": 180'));
    assert.equal(f.severity, 'error');
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Change 180 to 120'],
    );
  });

  test('a number written as a string: the safe fix drops the quotes', () => {
    const text = task('EC2', '"startTimeout": "120"');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '"120"');
    assert.match(
      f.message,
      /startTimeout of worker is the string "120": the ECS API takes a number here, and the AWS CLI and SDKs reject a string/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "120" to 120', true, true]],
    );
    assert.equal(applyFix(text, f), task('EC2', '"startTimeout": 120'));
  });

  test('a string that is also out of range: one finding, one (unsafe) fix', () => {
    const text = task('FARGATE', '"stopTimeout": "150"');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /is "150": a string, where ECS takes a number; above 120/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [['Change "150" to 120', false]],
    );
    assert.equal(applyFix(text, f), task('FARGATE', '"stopTimeout": 120'));
  });

  test('EC2: negative and fractional values', () => {
    const negative = task('EC2', '"stopTimeout": -5');
    const n = onlyFinding(ID, negative);
    assert.match(n.message, /is -5: below 0\. ECS accepts a whole number of seconds, 0 or more/);
    assert.equal(applyFix(negative, n), task('EC2', '"stopTimeout": 0'));
    const fraction = task('EC2', '"stopTimeout": 12.5');
    const f = onlyFinding(ID, fraction);
    assert.match(f.message, /is 12\.5: not a whole number/);
    assert.equal(applyFix(fraction, f), task('EC2', '"stopTimeout": 13'));
  });

  test('a value that is not a number at all: reported without a fix', () => {
    const text = task('EC2', '"stopTimeout": true');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /stopTimeout of worker must be a number/);
    assert.deepEqual(f.fixes, []);
  });

  describe('does not fire', () => {
    test('on EC2 above 120 (AWS documents no maximum there)', () => {
      assert.deepEqual(findingsOf(ID, task('EC2', '"stopTimeout": 600, "startTimeout": 300')), []);
    });
    test('in a bare container array (the launch type is not known): only the type is checked', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          '[\n  { "name": "worker", "image": "shop/worker:1.0.0", "stopTimeout": 300 }\n]\n',
        ),
        [],
      );
    });
    test('on Fargate values in range, and on placeholders', () => {
      assert.deepEqual(
        findingsOf(ID, task('FARGATE', '"startTimeout": 2, "stopTimeout": 120')),
        [],
      );
      assert.deepEqual(
        findingsOf(
          ID,
          task('FARGATE', '"startTimeout": "${START_TIMEOUT}", "stopTimeout": ${stop}'),
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
