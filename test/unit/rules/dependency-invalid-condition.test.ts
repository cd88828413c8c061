import { CORRECT_FIXTURES } from './helpers';
import { crlf, edit, fixture, ruleTester, validCases, type ExpectedFix } from './ruleTester';

/** orders waits for a migration (init) and could wait for a health-checked proxy. */
const ORDERS = fixture(
  'dependency-invalid-condition/orders-lower-case-success.schema-invalid.json',
);
const ENTRY = '{ "containerName": "db-migrate", "condition": "success" }';
/** ORDERS with other dependsOn entries. */
const ordersWaiting = (entries: string) => edit(ORDERS, ENTRY, entries);

const SYNONYM_AND_TYPO = ordersWaiting(`{ "containerName": "db-migrate", "condition": "COMPLETED" },
        { "containerName": "envoy", "condition": "HEALTY" }`);
/** Words for a condition, and a transposition (two edits from COMPLETE). */
const SYNONYMS = ordersWaiting(`{ "containerName": "envoy", "condition": "RUNNING" },
        { "containerName": "db-migrate", "condition": "EXITED" },
        { "containerName": "db-migrate", "condition": "SUCCEEDED" },
        { "containerName": "db-migrate", "condition": "Successful" },
        { "containerName": "db-migrate", "condition": "COMPELTE" }`);
const READY = ordersWaiting('{ "containerName": "envoy", "condition": "ready" }');
const NO_CONDITION = ordersWaiting('{ "containerName": "db-migrate" }');
const ENVOY_TABS = fixture(
  'dependency-invalid-condition/envoy-without-condition-tabs-comment.schema-invalid.json',
);
const REDIS = `{
  "family": "pair",
  "containerDefinitions": [
    { "name": "redis", "image": "redis:7.4" },
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "redis" }] }
  ]
}
`;

/** A misspelled condition key on its own line: the fix adds the condition after containerName. */
const MISSPELLED_KEY = edit(
  REDIS,
  '[{ "containerName": "redis" }]',
  '[\n        {\n          "containerName": "redis",\n          "conditon": "START"\n        }\n      ]',
);
const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;

/** The four "Add condition" fixes of an entry, `preferred` the one the rule should prefer. */
function addCondition(
  document: string,
  entry: string,
  preferred: (typeof CONDITIONS)[number],
  added: (condition: string) => string,
): ExpectedFix[] {
  return CONDITIONS.map((c) => ({
    title: `Add "condition": "${c}"`,
    preferred: c === preferred,
    output: edit(document, entry, added(c)),
  }));
}

const NO_CONDITION_MESSAGE =
  /has no condition: ECS requires one of START, COMPLETE, SUCCESS or HEALTHY/;

ruleTester('dependency-invalid-condition', {
  severity: 'error',
  valid: [
    {
      name: 'a template placeholder for the condition',
      document: ordersWaiting('{ "containerName": "envoy", "condition": "${ENVOY_CONDITION}" }'),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'a lower-case "success": one safe fix to the upper-case word',
      document: ORDERS,
      findings: [
        {
          message:
            '"success" is not a dependsOn condition: ECS accepts exactly START, COMPLETE, SUCCESS or HEALTHY (upper case).',
          underlined: '"success"',
          container: 'orders',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change "success" to "SUCCESS"',
              preferred: true,
              safe: true,
              output: edit(ORDERS, '"success"', '"SUCCESS"'),
            },
          ],
        },
      ],
    },
    {
      name: 'the synonym COMPLETED and the near typo HEALTY each get the one intended condition',
      document: SYNONYM_AND_TYPO,
      findings: [
        {
          message: /"COMPLETED" is not a dependsOn condition/,
          underlined: '"COMPLETED"',
          container: 'orders',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change "COMPLETED" to "COMPLETE"',
              preferred: true,
              safe: true,
              output: edit(SYNONYM_AND_TYPO, '"COMPLETED"', '"COMPLETE"'),
            },
          ],
        },
        {
          message: /"HEALTY" is not a dependsOn condition/,
          underlined: '"HEALTY"',
          container: 'orders',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change "HEALTY" to "HEALTHY"',
              preferred: true,
              safe: true,
              output: edit(SYNONYM_AND_TYPO, '"HEALTY"', '"HEALTHY"'),
            },
          ],
        },
      ],
    },
    {
      name: 'RUNNING, EXITED, SUCCEEDED, Successful and the transposed COMPELTE each get the one intended condition',
      document: SYNONYMS,
      findings: (
        [
          ['RUNNING', 'START'],
          ['EXITED', 'COMPLETE'],
          ['SUCCEEDED', 'SUCCESS'],
          ['Successful', 'SUCCESS'],
          ['COMPELTE', 'COMPLETE'],
        ] as const
      ).map(([written, meant]) => ({
        message: `"${written}" is not a dependsOn condition: ECS accepts exactly START, COMPLETE, SUCCESS or HEALTHY (upper case).`,
        underlined: `"${written}"`,
        container: 'orders',
        schemaCovered: true,
        fixes: [
          {
            title: `Change "${written}" to "${meant}"`,
            preferred: true,
            safe: true,
            output: edit(SYNONYMS, `"${written}"`, `"${meant}"`),
          },
        ],
      })),
    },
    {
      name: 'an unrelated word ("ready") gets all four conditions, none applied automatically',
      document: READY,
      findings: [
        {
          message: /"ready" is not a dependsOn condition/,
          underlined: '"ready"',
          container: 'orders',
          schemaCovered: true,
          fixes: CONDITIONS.map((c) => ({
            title: `Change "ready" to "${c}"`,
            preferred: c === 'START',
            output: edit(READY, '"ready"', `"${c}"`),
          })),
        },
      ],
    },
    {
      name: 'a condition that is not a string (true) is reported without a fix',
      document: ordersWaiting('{ "containerName": "envoy", "condition": true }'),
      findings: [
        {
          message: /condition must be a string/,
          underlined: 'true',
          container: 'orders',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a missing condition on a migration (init container): SUCCESS is preferred',
      document: NO_CONDITION,
      findings: [
        {
          message: NO_CONDITION_MESSAGE,
          underlined: '{ "containerName": "db-migrate" }',
          container: 'orders',
          schemaCovered: true,
          fixes: addCondition(
            NO_CONDITION,
            '{ "containerName": "db-migrate" }',
            'SUCCESS',
            (c) => `{ "containerName": "db-migrate", "condition": "${c}" }`,
          ),
        },
      ],
    },
    {
      name: 'a missing condition on a health-checked Envoy proxy in a tab-indented CRLF file: HEALTHY is preferred, the new line follows the file and keeps the comment',
      document: crlf(ENVOY_TABS),
      findings: [
        {
          message: NO_CONDITION_MESSAGE,
          underlined: '{\r\n\t\t\t\t\t"containerName": "envoy" // the mesh proxy\r\n\t\t\t\t}',
          container: 'orders',
          schemaCovered: true,
          fixes: addCondition(
            crlf(ENVOY_TABS),
            '"containerName": "envoy" // the mesh proxy\r\n',
            'HEALTHY',
            (c) =>
              `"containerName": "envoy", // the mesh proxy\r\n\t\t\t\t\t"condition": "${c}"\r\n`,
          ),
        },
      ],
    },
    {
      name: 'an empty entry (neither containerName nor condition): START is preferred, written on a line of its own',
      document: ordersWaiting('{}'),
      findings: [
        {
          message:
            'This dependsOn entry of orders has no condition: ECS requires one of START, COMPLETE, SUCCESS or HEALTHY.',
          underlined: '{}',
          container: 'orders',
          schemaCovered: true,
          fixes: addCondition(
            ordersWaiting('{}'),
            '{}',
            'START',
            (c) => `{\n          "condition": "${c}"\n        }`,
          ),
        },
      ],
    },
    {
      name: 'a misspelled condition key (conditon): the condition is added after containerName',
      document: MISSPELLED_KEY,
      findings: [
        {
          message: NO_CONDITION_MESSAGE,
          underlined:
            '{\n          "containerName": "redis",\n          "conditon": "START"\n        }',
          container: 'app',
          schemaCovered: true,
          fixes: addCondition(
            MISSPELLED_KEY,
            '"containerName": "redis",\n',
            'START',
            (c) => `"containerName": "redis",\n          "condition": "${c}",\n`,
          ),
        },
      ],
    },
    {
      name: 'a missing condition on a plain container (redis): START is preferred',
      document: REDIS,
      findings: [
        {
          message: NO_CONDITION_MESSAGE,
          underlined: '{ "containerName": "redis" }',
          container: 'app',
          schemaCovered: true,
          fixes: addCondition(
            REDIS,
            '{ "containerName": "redis" }',
            'START',
            (c) => `{ "containerName": "redis", "condition": "${c}" }`,
          ),
        },
      ],
    },
  ],
});
