import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksSecret } from '../../../server/src/engine/rules/plaintext-secret';
import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases, type ValidCase } from './ruleTester';

const LITERAL = fixture('plaintext-secret/payments-db-password-in-environment.json');
const PASSWORD_ENTRY = '{ "name": "DB_PASSWORD", "value": "s3cr3t-Pa55" }';
/** LITERAL with another environment entry in place of the password. */
const withEnv = (name: string, value: string) =>
  edit(
    LITERAL,
    PASSWORD_ENTRY,
    `{ "name": ${JSON.stringify(name)}, "value": ${JSON.stringify(value)} }`,
  );
/** LITERAL with a secrets array before portMappings. */
const withSecrets = (secrets: string) =>
  edit(LITERAL, '      "portMappings"', `      "secrets": ${secrets},\n      "portMappings"`);
const STRIPE_IN_SECRETS = withSecrets(
  '[{ "name": "STRIPE_API_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/stripe" }]',
);
const PASSWORD_IN_SECRETS = withSecrets(
  '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }]',
);
const API_KEY = withEnv('apiKey', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc');
/** mongo-express's admin password as Frankie116/TF-fargate-using-cd-files writes it: no underscore before PASSWORD. */
const MONGO_ADMIN = withEnv('ME_CONFIG_MONGODB_ADMINPASSWORD', 'password');

const PLACEHOLDER_ARN = 'arn:aws:secretsmanager:<region>:<account-id>:secret:<name>';
const WITHOUT_PASSWORD = [`,\n        ${PASSWORD_ENTRY}`, ''] as const;
/** The new secrets array the fix writes for the given name, after environment. */
const newSecrets = (name: string) => `
      ],
      "secrets": [
        {
          "name": "${name}",
          "valueFrom": "${PLACEHOLDER_ARN}"
        }
      ],`;
const LOOKS_SECRET = /looks like a secret, but its value is written in the task definition/;

const notSecret = (name: string, value: string): ValidCase => ({
  name: `${name}=${JSON.stringify(value)}`,
  document: withEnv(name, value),
});

ruleTester('plaintext-secret', {
  severity: 'hint',
  valid: [
    notSecret('DB_PASSWORD', '${DB_PASSWORD}'),
    notSecret('DB_PASSWORD', ''),
    notSecret('API_TOKEN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-token'),
    notSecret('GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'),
    notSecret('FEATURE_SECRET', 'true'),
    notSecret('PIN_TOKEN', '4096'),
    notSecret('VAULT_TOKEN', 'https://vault.internal:8200/v1/auth/token'),
    notSecret('REDIS_PASS', 'redis.internal:6379'),
    notSecret('PASSWORD_FILE', '/run/secrets/db'),
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      // The ARN is the user's to give: offered with a placeholder, never applied by --fix.
      name: 'a database password in plain text: a hint on the value; the fix moves it to a new secrets array with an ARN to fill in',
      document: LITERAL,
      findings: [
        {
          message: [
            /DB_PASSWORD of payments looks like a secret, but its value is written in the task definition/,
            /reference it from "secrets" \(name \+ valueFrom\)/,
          ],
          underlined: '"s3cr3t-Pa55"',
          container: 'payments',
          fixes: [
            {
              title: "Move DB_PASSWORD to secrets (fill in the secret's ARN)",
              preferred: true,
              output: edit(
                LITERAL,
                `,\n        ${PASSWORD_ENTRY}\n      ],`,
                newSecrets('DB_PASSWORD'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a secrets array already exists (Stripe key): the fix appends to it',
      document: STRIPE_IN_SECRETS,
      findings: [
        {
          message: LOOKS_SECRET,
          underlined: '"s3cr3t-Pa55"',
          container: 'payments',
          fixes: [
            {
              title: "Move DB_PASSWORD to secrets (fill in the secret's ARN)",
              preferred: true,
              output: edit(STRIPE_IN_SECRETS, WITHOUT_PASSWORD, [
                '"valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/stripe" }]',
                `"valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/stripe" }, { "name": "DB_PASSWORD", "valueFrom": "${PLACEHOLDER_ARN}" }]`,
              ]),
            },
          ],
        },
      ],
    },
    {
      name: 'secrets already has DB_PASSWORD: the fix only removes the plaintext entry',
      document: PASSWORD_IN_SECRETS,
      findings: [
        {
          message: LOOKS_SECRET,
          underlined: '"s3cr3t-Pa55"',
          container: 'payments',
          fixes: [
            {
              title: 'Remove the plaintext DB_PASSWORD (secrets already has DB_PASSWORD)',
              preferred: true,
              output: edit(PASSWORD_IN_SECRETS, WITHOUT_PASSWORD),
            },
          ],
        },
      ],
    },
    {
      name: "mongo-express's ME_CONFIG_MONGODB_ADMINPASSWORD (the word before PASSWORD has no underscore)",
      document: MONGO_ADMIN,
      findings: [
        {
          message: /^ME_CONFIG_MONGODB_ADMINPASSWORD of payments looks like a secret/,
          underlined: '"password"',
          container: 'payments',
          fixes: [
            {
              title: "Move ME_CONFIG_MONGODB_ADMINPASSWORD to secrets (fill in the secret's ARN)",
              preferred: true,
              output: edit(
                MONGO_ADMIN,
                ',\n        { "name": "ME_CONFIG_MONGODB_ADMINPASSWORD", "value": "password" }\n      ],',
                newSecrets('ME_CONFIG_MONGODB_ADMINPASSWORD'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a Stripe live key under a camelCase name (apiKey)',
      document: API_KEY,
      findings: [
        {
          message: /apiKey of payments looks like a secret/,
          underlined: '"sk_live_4eC39HqLyjWDarjtT1zdp7dc"',
          container: 'payments',
          fixes: [
            {
              title: "Move apiKey to secrets (fill in the secret's ARN)",
              preferred: true,
              output: edit(
                API_KEY,
                ',\n        { "name": "apiKey", "value": "sk_live_4eC39HqLyjWDarjtT1zdp7dc" }\n      ],',
                newSecrets('apiKey'),
              ),
            },
          ],
        },
      ],
    },
  ],
});

test('plaintext-secret: names that say "secret" (the end of the name counts, camelCase too)', () => {
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
    // mongo-express's own variable, in Frankie116/TF-fargate-using-cd-files: no underscore before PASSWORD.
    'ME_CONFIG_MONGODB_ADMINPASSWORD',
    'OAUTH_CLIENTSECRET',
    'GITLABTOKEN',
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
    'ALLOW_BYPASS',
    'MONKEY',
    'TOKENIZER_MODEL',
  ]) {
    assert.ok(!looksSecret(name), name);
  }
});
