import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harmlessValue, looksSecret } from '../../../server/src/engine/rules/secretNames';
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
/** A value that begins with the name but goes on: a real key, not a stand-in. */
const NAMED_KEY = withEnv('DD_API_KEY', 'dd-api-key-9f8e7d6c5b4a');

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

/** LITERAL without the password entry, running the given command (and entryPoint). */
const running = (command: string[], entryPoint?: string[]) =>
  edit(LITERAL, WITHOUT_PASSWORD, [
    '      "portMappings"',
    `${entryPoint ? `      "entryPoint": ${JSON.stringify(entryPoint)},\n` : ''}      "command": ${JSON.stringify(command)},\n      "portMappings"`,
  ]);
const argument = (name: string, command: string[], entryPoint?: string[]): ValidCase => ({
  name,
  document: running(command, entryPoint),
});
const IN_COMMAND = /payments passes a password in plain text in its command/;
const READ_THE_VARIABLE =
  /reference it from "secrets" so ECS injects it as an environment variable, and have the command read that variable/;

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
    // kklein90/aws's GitHub Actions template: a stand-in the pipeline replaces, not a key.
    notSecret('DD_API_KEY', 'DD-API-KEY'),
    notSecret('dbPassword', 'DB_PASSWORD'),
    argument('--password with a placeholder', ['migrate', '--password', '${DB_PASSWORD}']),
    argument('--password= reading a variable in sh -c', [
      'sh',
      '-c',
      'exec migrate --password="$DB_PASSWORD" --host db',
    ]),
    argument('--password= reading a file through $(cat …)', [
      'sh',
      '-c',
      'migrate --password=$(cat /run/secrets/db)',
    ]),
    argument('mysql -p"$MYSQL_ROOT_PASSWORD" in sh -c', [
      'sh',
      '-c',
      'mysql -uroot -p"$MYSQL_ROOT_PASSWORD" shop < /seed/schema.sql',
    ]),
    argument('mysql -p alone prompts; the next word is the database', ['mysql', '-p', 'shop']),
    argument('-p of another client is not a password (pg_isready -p5432)', [
      'pg_isready',
      '-h',
      'db',
      '-p5432',
    ]),
    argument('PGPASSWORD from a variable', [
      'sh',
      '-c',
      'PGPASSWORD=$DB_PASSWORD psql -h db -U app',
    ]),
    argument('--password-file names a file, not a password', [
      'migrate',
      '--password-file',
      '/run/secrets/db',
    ]),
    argument('--password followed by another flag', ['migrate', '--password', '--verbose']),
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
      name: 'a key that starts with the variable name and goes on is still a secret',
      document: NAMED_KEY,
      findings: [
        {
          message: /^DD_API_KEY of payments looks like a secret/,
          underlined: '"dd-api-key-9f8e7d6c5b4a"',
          container: 'payments',
          fixes: [
            {
              title: "Move DD_API_KEY to secrets (fill in the secret's ARN)",
              preferred: true,
              output: edit(
                NAMED_KEY,
                ',\n        { "name": "DD_API_KEY", "value": "dd-api-key-9f8e7d6c5b4a" }\n      ],',
                newSecrets('DD_API_KEY'),
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
    {
      name: 'migrate --password hunter2: a hint on the value, no fix (the command must change)',
      document: running(['migrate', '--password', 'hunter2-prod']),
      findings: [
        {
          message: [
            /payments passes a password in plain text in its command \(--password\)/,
            READ_THE_VARIABLE,
          ],
          underlined: '"hunter2-prod"',
          container: 'payments',
          fixes: null,
        },
      ],
    },
    {
      name: '--db-password=<value> in one element',
      document: running(['migrate', '--db-password=hunter2-prod']),
      findings: [
        {
          message: [IN_COMMAND, /\(--db-password\)/],
          underlined: '"--db-password=hunter2-prod"',
          container: 'payments',
          fixes: null,
        },
      ],
    },
    {
      name: 'mysql -pHunter2 in the script of sh -c',
      document: running(['sh', '-c', 'mysql -h db -uroot -pHunter2 shop < /seed/schema.sql']),
      findings: [
        {
          message: [IN_COMMAND, /\(-p\)/],
          underlined: '"mysql -h db -uroot -pHunter2 shop < /seed/schema.sql"',
          container: 'payments',
          fixes: null,
        },
      ],
    },
    {
      name: 'PGPASSWORD=… inline before psql, the script after an entryPoint ["sh", "-c"]',
      document: running(["PGPASSWORD=hunter2 psql -h db -U app -c 'select 1'"], ['sh', '-c']),
      findings: [
        {
          message: [IN_COMMAND, /\(PGPASSWORD=\)/],
          underlined: `"PGPASSWORD=hunter2 psql -h db -U app -c 'select 1'"`,
          container: 'payments',
          fixes: null,
        },
      ],
    },
    {
      name: 'redis-server --requirepass in the entryPoint',
      document: running(['--appendonly', 'yes'], ['redis-server', '--requirepass', 's3cret-redis']),
      findings: [
        {
          message: /payments passes a password in plain text in its entryPoint \(--requirepass\)/,
          underlined: '"s3cret-redis"',
          container: 'payments',
          fixes: null,
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
    'DB_PASSWD',
    'SSH_KEY_PASSPHRASE',
    'MAILGUN_APIKEY',
    'GCP_CREDENTIAL',
    'REGISTRY_CREDS',
    'AWS_SECRET_KEY',
    'BASIC_AUTH_KEY',
    'JWT_SIGNING_KEY',
    'DATA_ENCRYPTION_KEY',
    'VAULT_MASTER_KEY',
    'HTTP_PROXY_PASSWORD',
    // A blank typed after the name.
    'DB_PASSWORD ',
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
    'UWSGI_PASS',
    'SCGI_PASS',
    'GRPC_PASS',
    'MEMCACHED_PASS',
    'OPENAI_MAXTOKENS',
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

test('plaintext-secret: values that are no secret themselves, and secrets that look a little like them', () => {
  for (const value of [
    '   ',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db',
    'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db',
    '/run/secrets/db-password',
    'true',
    'disabled',
    '30',
    'https://vault.example.com/v1/db',
    'redis.internal:6379',
  ])
    assert.ok(harmlessValue(value), JSON.stringify(value));
  for (const value of [
    'xarn:aws:s3cr3t',
    'p4ss/w0rd',
    'Xk9-none',
    'onion-Pa55',
    '2024Summer!',
    'hunter2 http://example.com',
    'postgres://app:s3cret@db:5432/app',
    'app:s3cret@db:5432',
    'root:1234abcd',
  ])
    assert.ok(!harmlessValue(value), JSON.stringify(value));
});
