import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const LEDGER = fixture('start-timeout-without-effect/ledger-start-timeout-nobody-waits-for.json');
const TIMEOUT_LINE = '      "startTimeout": 120,\n';

ruleTester('start-timeout-without-effect', {
  severity: 'hint',
  valid: [
    {
      name: 'startTimeout on the migration others wait for',
      document: edit(
        LEDGER,
        [TIMEOUT_LINE, ''],
        ['"essential": false,', '"essential": false,\n      "startTimeout": 120,'],
      ),
    },
    {
      name: 'the only waiting is implicit (FireLens router)',
      document: `{ "containerDefinitions": [
  { "name": "log_router", "image": "fluent-bit", "startTimeout": 30, "firelensConfiguration": { "type": "fluentbit" } },
  { "name": "app", "image": "x", "logConfiguration": { "logDriver": "awsfirelens" } }
] }`,
    },
    { name: "0, a skeleton's unset value", document: edit(LEDGER, '120', '0') },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a ledger service sets startTimeout though nobody waits for it: faded as unnecessary, saying where it belongs; the fix removes it',
      document: LEDGER,
      findings: [
        {
          message: [
            /startTimeout on ledger has no effect: no container waits for ledger\. AWS documents startTimeout as the time the containers that depend on this one wait for it/,
            /to bound how long ledger waits for db-migrate, set startTimeout on that container/,
          ],
          underlined: '"startTimeout"',
          container: 'ledger',
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove "startTimeout"',
              preferred: true,
              output: edit(LEDGER, TIMEOUT_LINE, ''),
            },
          ],
        },
      ],
    },
  ],
});
