import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'complete-ignores-exit-code';

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
        { "containerName": "db-migrate", "condition": "COMPLETE" }
      ],
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`;

describe(ID, () => {
  test('a hint on COMPLETE for an init container, underlining the condition', () => {
    const f = onlyFinding(ID, CHECKOUT);
    assert.equal(f.severity, 'hint');
    assert.equal(underlined(CHECKOUT, f.range), '"COMPLETE"');
    assert.equal(f.container, 'api');
    assert.equal(
      f.message,
      'COMPLETE starts api once db-migrate has exited with any exit code, also when the setup failed. SUCCESS waits for exit code 0.',
    );
    // COMPLETE may be deliberate (the app checks the result itself): never applied automatically.
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "COMPLETE" to "SUCCESS"', true, false]],
    );
  });

  test('fix: COMPLETE becomes SUCCESS', () => {
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

  test('does not fire on COMPLETE for a container that is not an init container', () => {
    const text = `{
  "family": "batch",
  "containerDefinitions": [
    { "name": "exporter", "image": "shop/exporter:1", "essential": false, "portMappings": [{ "containerPort": 9100 }] },
    { "name": "report", "image": "shop/report:1", "dependsOn": [{ "containerName": "exporter", "condition": "COMPLETE" }] }
  ]
}
`;
    assert.deepEqual(findingsOf(ID, text), []);
  });

  test('is silenced by a severity override', () => {
    assert.deepEqual(findingsOf(ID, CHECKOUT, { severities: { [ID]: 'off' } }), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
