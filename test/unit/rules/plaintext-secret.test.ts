import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksSecret } from '../../../server/src/engine/rules/plaintext-secret';
import {
  REAL_WORLD_CORRECT,
  applyFix,
  findingsOf,
  GOOD_FIXTURES,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'plaintext-secret';

const LITERAL = `{
  "family": "payments",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "payments",
      "image": "shop/payments:4.0.0",
      "environment": [
        { "name": "DB_HOST", "value": "payments-db.internal" },
        { "name": "DB_PASSWORD", "value": "s3cr3t-Pa55" }
      ],
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`;

/** LITERAL with one more environment entry. */
function withEnv(name: string, value: string): string {
  return LITERAL.replace(
    '{ "name": "DB_PASSWORD", "value": "s3cr3t-Pa55" }',
    `{ "name": ${JSON.stringify(name)}, "value": ${JSON.stringify(value)} }`,
  );
}

describe(ID, () => {
  test('fires on a password in plain text: a hint on the value', () => {
    const f = onlyFinding(ID, LITERAL);
    assert.equal(f.severity, 'hint');
    assert.equal(underlined(LITERAL, f.range), '"s3cr3t-Pa55"');
    assert.equal(f.container, 'payments');
    assert.match(
      f.message,
      /DB_PASSWORD of payments looks like a secret, but its value is written in the task definition/,
    );
    assert.match(f.message, /reference it from "secrets" \(name \+ valueFrom\)/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [["Move DB_PASSWORD to secrets (fill in the secret's ARN)", true, false]],
    );
  });

  test('fix: removes the environment entry and adds a secrets entry with an ARN to fill in', () => {
    const f = onlyFinding(ID, LITERAL);
    assert.equal(
      applyFix(LITERAL, f),
      `{
  "family": "payments",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "payments",
      "image": "shop/payments:4.0.0",
      "environment": [
        { "name": "DB_HOST", "value": "payments-db.internal" }
      ],
      "secrets": [
        {
          "name": "DB_PASSWORD",
          "valueFrom": "arn:aws:secretsmanager:<region>:<account-id>:secret:<name>"
        }
      ],
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`,
    );
  });

  test('fix: appends to an existing secrets array', () => {
    const text = LITERAL.replace(
      '      "portMappings"',
      '      "secrets": [{ "name": "STRIPE_API_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/stripe" }],\n      "portMappings"',
    );
    const f = onlyFinding(ID, text);
    assert.equal(
      applyFix(text, f),
      text
        .replace(',\n        { "name": "DB_PASSWORD", "value": "s3cr3t-Pa55" }', '')
        .replace(
          '"valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/stripe" }]',
          '"valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/stripe" }, { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:<region>:<account-id>:secret:<name>" }]',
        ),
    );
  });

  test('when secrets already has the name, the fix only removes the plaintext entry', () => {
    const text = LITERAL.replace(
      '      "portMappings"',
      '      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }],\n      "portMappings"',
    );
    const f = onlyFinding(ID, text);
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Remove the plaintext DB_PASSWORD (secrets already has DB_PASSWORD)'],
    );
    assert.equal(
      applyFix(text, f),
      text.replace(',\n        { "name": "DB_PASSWORD", "value": "s3cr3t-Pa55" }', ''),
    );
  });

  test('names that say "secret": the end of the name counts, camelCase too', () => {
    for (const name of [
      'DB_PASSWORD',
      'DB_PASS',
      'GITHUB_TOKEN',
      'JWT_SECRET',
      'STRIPE_API_KEY',
      'AWS_SECRET_ACCESS_KEY',
      'PRIVATE_KEY',
      'OAUTH_CLIENT_SECRET',
      'SECRET_KEY_BASE',
      'dbPassword',
      'apiKey',
      'GOOGLE_CREDENTIALS',
    ]) {
      assert.ok(looksSecret(name), name);
    }
    for (const name of [
      'PASSWORD_FILE',
      'TOKEN_URL',
      'SECRET_NAME',
      'AWS_ACCESS_KEY_ID',
      'PASSWORD_MIN_LENGTH',
      'TOKEN_TTL_SECONDS',
      'FASTCGI_PASS',
      'PROXY_PASS',
      'DB_USER',
      'KEYCLOAK_REALM',
      'PASSPORT_STRATEGY',
    ]) {
      assert.ok(!looksSecret(name), name);
    }
    assert.equal(
      onlyFinding(ID, withEnv('apiKey', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc')).fixes[0]!.title,
      "Move apiKey to secrets (fill in the secret's ARN)",
    );
  });

  describe('does not fire', () => {
    for (const [name, value] of [
      ['DB_PASSWORD', '${DB_PASSWORD}'],
      ['DB_PASSWORD', ''],
      ['API_TOKEN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-token'],
      ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'],
      ['FEATURE_SECRET', 'true'],
      ['PIN_TOKEN', '4096'],
      ['VAULT_TOKEN', 'https://vault.internal:8200/v1/auth/token'],
      ['REDIS_PASS', 'redis.internal:6379'],
      ['PASSWORD_FILE', '/run/secrets/db'],
    ] as const) {
      test(`${name}=${JSON.stringify(value)}`, () =>
        assert.deepEqual(findingsOf(ID, withEnv(name, value)), []));
    }
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
