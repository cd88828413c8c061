import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'dependency-invalid-condition';

/** orders waits for a migration (init) and for a health-checked proxy. */
function ordersTask(dependsOn: string): string {
  return `{
  "family": "orders",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10",
      "essential": false,
      "command": ["migrate"]
    },
    {
      "name": "envoy",
      "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod",
      "healthCheck": { "command": ["CMD-SHELL", "curl -s http://localhost:9901/ready"] }
    },
    {
      "name": "orders",
      "image": "shop/orders:4.0.0",
      "dependsOn": [
${dependsOn}
      ]
    }
  ]
}
`;
}

describe(ID, () => {
  test('a lower-case condition: underlines the value, one safe fix to the upper-case word', () => {
    const text = ordersTask(`        { "containerName": "db-migrate", "condition": "success" }`);
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '"success"');
    assert.equal(f.container, 'orders');
    assert.equal(
      f.message,
      '"success" is not a dependsOn condition: ECS accepts exactly START, COMPLETE, SUCCESS or HEALTHY (upper case).',
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "success" to "SUCCESS"', true, true]],
    );
    assert.equal(
      applyFix(text, f),
      `{
  "family": "orders",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10",
      "essential": false,
      "command": ["migrate"]
    },
    {
      "name": "envoy",
      "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod",
      "healthCheck": { "command": ["CMD-SHELL", "curl -s http://localhost:9901/ready"] }
    },
    {
      "name": "orders",
      "image": "shop/orders:4.0.0",
      "dependsOn": [
        { "containerName": "db-migrate", "condition": "SUCCESS" }
      ]
    }
  ]
}
`,
    );
  });

  test('a synonym and a near typo each get the one intended condition', () => {
    const text = ordersTask(`        { "containerName": "db-migrate", "condition": "COMPLETED" },
        { "containerName": "envoy", "condition": "HEALTY" }`);
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [underlined(text, f.range), f.fixes.map((x) => [x.title, x.safe])]),
      [
        ['"COMPLETED"', [['Change "COMPLETED" to "COMPLETE"', true]]],
        ['"HEALTY"', [['Change "HEALTY" to "HEALTHY"', true]]],
      ],
    );
    assert.equal(applyFix(text, found[1]!), text.replace('"HEALTY"', '"HEALTHY"'));
  });

  test('an unrelated word gets all four conditions, none applied automatically', () => {
    const text = ordersTask(`        { "containerName": "envoy", "condition": "ready" }`);
    const f = onlyFinding(ID, text);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Change "ready" to "START"', true, false],
        ['Change "ready" to "COMPLETE"', false, false],
        ['Change "ready" to "SUCCESS"', false, false],
        ['Change "ready" to "HEALTHY"', false, false],
      ],
    );
  });

  test('a condition that is not a string is reported without a fix', () => {
    const text = ordersTask(`        { "containerName": "envoy", "condition": true }`);
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), 'true');
    assert.match(f.message, /condition must be a string/);
    assert.deepEqual(f.fixes, []);
  });

  test('a missing condition: underlines the entry, suggests SUCCESS for an init container', () => {
    const text = ordersTask(`        { "containerName": "db-migrate" }`);
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '{ "containerName": "db-migrate" }');
    assert.match(
      f.message,
      /has no condition: ECS requires one of START, COMPLETE, SUCCESS or HEALTHY/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Add "condition": "START"', false, false],
        ['Add "condition": "COMPLETE"', false, false],
        ['Add "condition": "SUCCESS"', true, false],
        ['Add "condition": "HEALTHY"', false, false],
      ],
    );
    assert.equal(
      applyFix(text, f, 'Add "condition": "SUCCESS"'),
      `{
  "family": "orders",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10",
      "essential": false,
      "command": ["migrate"]
    },
    {
      "name": "envoy",
      "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod",
      "healthCheck": { "command": ["CMD-SHELL", "curl -s http://localhost:9901/ready"] }
    },
    {
      "name": "orders",
      "image": "shop/orders:4.0.0",
      "dependsOn": [
        { "containerName": "db-migrate", "condition": "SUCCESS" }
      ]
    }
  ]
}
`,
    );
  });

  test('a missing condition on a health-checked proxy suggests HEALTHY; the new line follows a tab-indented CRLF file and keeps the comment', () => {
    const text = [
      '{',
      '\t"family": "orders",',
      '\t"containerDefinitions": [',
      '\t\t{',
      '\t\t\t"name": "envoy",',
      '\t\t\t"image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod",',
      '\t\t\t"healthCheck": {',
      '\t\t\t\t"command": ["CMD-SHELL", "curl -s http://localhost:9901/ready"]',
      '\t\t\t}',
      '\t\t},',
      '\t\t{',
      '\t\t\t"name": "orders",',
      '\t\t\t"image": "shop/orders:4.0.0",',
      '\t\t\t"dependsOn": [',
      '\t\t\t\t{',
      '\t\t\t\t\t"containerName": "envoy" // the mesh proxy',
      '\t\t\t\t}',
      '\t\t\t]',
      '\t\t}',
      '\t]',
      '}',
      '',
    ].join('\r\n');
    const f = onlyFinding(ID, text);
    assert.equal(f.fixes.find((x) => x.isPreferred)?.title, 'Add "condition": "HEALTHY"');
    assert.equal(
      applyFix(text, f, 'Add "condition": "HEALTHY"'),
      [
        '{',
        '\t"family": "orders",',
        '\t"containerDefinitions": [',
        '\t\t{',
        '\t\t\t"name": "envoy",',
        '\t\t\t"image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod",',
        '\t\t\t"healthCheck": {',
        '\t\t\t\t"command": ["CMD-SHELL", "curl -s http://localhost:9901/ready"]',
        '\t\t\t}',
        '\t\t},',
        '\t\t{',
        '\t\t\t"name": "orders",',
        '\t\t\t"image": "shop/orders:4.0.0",',
        '\t\t\t"dependsOn": [',
        '\t\t\t\t{',
        '\t\t\t\t\t"containerName": "envoy", // the mesh proxy',
        '\t\t\t\t\t"condition": "HEALTHY"',
        '\t\t\t\t}',
        '\t\t\t]',
        '\t\t}',
        '\t]',
        '}',
        '',
      ].join('\r\n'),
    );
  });

  test('a missing condition on a plain container suggests START', () => {
    const text = `{
  "family": "pair",
  "containerDefinitions": [
    { "name": "redis", "image": "redis:7.4" },
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "redis" }] }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(f.fixes.find((x) => x.isPreferred)?.title, 'Add "condition": "START"');
  });

  test('does not fire on a template placeholder', () => {
    assert.deepEqual(
      findingsOf(
        ID,
        ordersTask(`        { "containerName": "envoy", "condition": "\${ENVOY_CONDITION}" }`),
      ),
      [],
    );
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
