import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'start-timeout-without-effect';

const LEDGER = `{
  "family": "ledger",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "shop/ledger:12.0.1",
      "essential": false,
      "command": ["./ledger", "migrate", "up"]
    },
    {
      "name": "ledger",
      "image": "shop/ledger:12.0.1",
      "startTimeout": 120,
      "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on startTimeout of a container nobody waits for, and says where it belongs', () => {
    const f = onlyFinding(ID, LEDGER);
    assert.equal(f.severity, 'hint');
    assert.deepEqual(f.tags, ['unnecessary']);
    assert.equal(underlined(LEDGER, f.range), '"startTimeout"');
    assert.equal(f.container, 'ledger');
    assert.match(
      f.message,
      /startTimeout on ledger has no effect: no container waits for ledger\. AWS documents startTimeout as the time the containers that depend on this one wait for it/,
    );
    assert.match(
      f.message,
      /to bound how long ledger waits for db-migrate, set startTimeout on that container/,
    );
  });

  test('fix: removes it', () => {
    const f = onlyFinding(ID, LEDGER);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove "startTimeout"', true, false]],
    );
    assert.equal(applyFix(LEDGER, f), LEDGER.replace('      "startTimeout": 120,\n', ''));
  });

  describe('does not fire', () => {
    test('on the container others wait for', () => {
      const text = LEDGER.replace('      "startTimeout": 120,\n', '').replace(
        '"essential": false,',
        '"essential": false,\n      "startTimeout": 120,',
      );
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('when the only waiting is implicit (FireLens router)', () => {
      const text = `{ "containerDefinitions": [
  { "name": "log_router", "image": "fluent-bit", "startTimeout": 30, "firelensConfiguration": { "type": "fluentbit" } },
  { "name": "app", "image": "x", "logConfiguration": { "logDriver": "awsfirelens" } }
] }`;
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test("on 0 (a skeleton's unset value)", () =>
      assert.deepEqual(findingsOf(ID, LEDGER.replace('120', '0')), []));
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
