import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyFix,
  CORRECT_FIXTURES,
  EC2_BRIDGE_LINKS,
  findingsOf,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'start-condition-on-init';

const CHECKOUT = `{
  "family": "checkout",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10",
      "essential": false,
      "command": ["migrate"]
    },
    {
      "name": "api",
      "image": "shop/checkout-api:2.0.0",
      "dependsOn": [
        { "containerName": "db-migrate", "condition": "START" }
      ],
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on START for an init container and underlines the condition', () => {
    const f = onlyFinding(ID, CHECKOUT);
    assert.equal(f.severity, 'warning');
    assert.equal(underlined(CHECKOUT, f.range), '"START"');
    assert.equal(f.range.start.line, 13);
    assert.equal(f.container, 'api');
    assert.match(
      f.message,
      /api waits for db-migrate with START, which only waits until db-migrate has started, not until its setup has finished/,
    );
    assert.match(f.message, /Use SUCCESS/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "START" to "SUCCESS"', true, true]],
    );
  });

  test('fix: START becomes SUCCESS', () => {
    assert.equal(
      applyFix(CHECKOUT, onlyFinding(ID, CHECKOUT)),
      `{
  "family": "checkout",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10",
      "essential": false,
      "command": ["migrate"]
    },
    {
      "name": "api",
      "image": "shop/checkout-api:2.0.0",
      "dependsOn": [
        { "containerName": "db-migrate", "condition": "SUCCESS" }
      ],
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`,
    );
  });

  test('an essential init container: the fix is offered but not applied automatically (SUCCESS needs a non-essential target)', () => {
    const text = CHECKOUT.replace('"essential": false,', '"essential": true,');
    const f = onlyFinding(ID, text);
    assert.deepEqual(
      f.fixes.map((x) => [x.isPreferred, x.safe]),
      [[true, false]],
    );
  });

  test('does not fire on START for a long-running container, or on implicit order from links', () => {
    const text = `{
  "family": "cache",
  "containerDefinitions": [
    { "name": "redis", "image": "redis:7.4", "portMappings": [{ "containerPort": 6379 }] },
    { "name": "api", "image": "shop/api:1", "dependsOn": [{ "containerName": "redis", "condition": "START" }] }
  ]
}
`;
    assert.deepEqual(findingsOf(ID, text), []);
    assert.deepEqual(findingsOf(ID, EC2_BRIDGE_LINKS), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
