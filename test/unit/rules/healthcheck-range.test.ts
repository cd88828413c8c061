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

const ID = 'healthcheck-range';

/** A container with a health check whose settings are `settings` (JSON members). */
function task(settings: string): string {
  return `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:2.0.0",
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
        ${settings}
      }
    }
  ]
}
`;
}

describe(ID, () => {
  test('fires on an interval below 5 seconds, on the value', () => {
    const text = task('"interval": 2,\n        "timeout": 1,\n        "retries": 3');
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [f.severity, underlined(text, f.range), f.range.start.line]),
      [
        ['error', '2', 8],
        ['error', '1', 9],
      ],
    );
    assert.match(
      found[0]!.message,
      /^The health-check interval of api is 2: below 5\. ECS accepts 5 to 300 seconds\. Leave it out for the default \(30 seconds\)\./,
    );
    assert.match(
      found[1]!.message,
      /^The health-check timeout of api is 1: below 2\. ECS accepts 2 to 60 seconds\. Leave it out for the default \(5 seconds\)\./,
    );
    assert.deepEqual(
      found[0]!.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change 2 to 5', true, false]],
    );
  });

  test('fix: clamps into the range', () => {
    const text = task('"interval": 2,\n        "retries": 3');
    assert.equal(
      applyFix(text, onlyFinding(ID, text)),
      task('"interval": 5,\n        "retries": 3'),
    );
  });

  test('retries above 10 and a startPeriod above 300', () => {
    const text = task('"retries": 11,\n        "startPeriod": 600');
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => f.fixes[0]!.title),
      ['Change 11 to 10', 'Change 600 to 300'],
    );
    assert.match(
      found[0]!.message,
      /ECS accepts 1 to 10 retries\. Leave it out for the default \(3\)/,
    );
    assert.equal(applyFix(text, found[1]!), task('"retries": 11,\n        "startPeriod": 300'));
  });

  test('a number written as a string: the safe fix drops the quotes', () => {
    const text = task('"interval": "30",\n        "retries": 3');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"30"');
    assert.match(
      f.message,
      /The health-check interval of api is the string "30": the ECS API takes a number here, and the AWS CLI and SDKs reject a string/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "30" to 30', true, true]],
    );
    assert.equal(applyFix(text, f), task('"interval": 30,\n        "retries": 3'));
  });

  test('the zeros of a generated skeleton are reported (startPeriod 0 is valid)', () => {
    const text = task(
      '"interval": 0,\n        "timeout": 0,\n        "retries": 0,\n        "startPeriod": 0',
    );
    assert.deepEqual(
      findingsOf(ID, text).map((f) => f.fixes[0]!.title),
      ['Change 0 to 5', 'Change 0 to 2', 'Change 0 to 1'],
    );
  });

  describe('does not fire', () => {
    test('on the bounds themselves', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          task(
            '"interval": 5,\n        "timeout": 60,\n        "retries": 10,\n        "startPeriod": 300',
          ),
        ),
        [],
      );
      assert.deepEqual(
        findingsOf(
          ID,
          task(
            '"interval": 300,\n        "timeout": 2,\n        "retries": 1,\n        "startPeriod": 0',
          ),
        ),
        [],
      );
    });
    test('on placeholders, quoted or bare', () => {
      assert.deepEqual(
        findingsOf(ID, task('"interval": "${HC_INTERVAL}",\n        "retries": ${hc_retries}')),
        [],
      );
    });
    test('on a null healthCheck or null settings (console exports)', () => {
      assert.deepEqual(findingsOf(ID, task('"interval": null,\n        "retries": null')), []);
      assert.deepEqual(
        findingsOf(
          ID,
          '[\n  { "name": "api", "image": "shop/api:2.0.0", "healthCheck": null }\n]\n',
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
