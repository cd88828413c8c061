import { CORRECT_FIXTURES, EC2_BRIDGE_LINKS } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const CHECKOUT = fixture('start-condition-on-init/checkout-api-starts-with-migration.json');
const ESSENTIAL_INIT = edit(CHECKOUT, '"essential": false,', '"essential": true,');

const START_ON_INIT = [
  /api waits for db-migrate with START, which only waits until db-migrate has started, not until its setup has finished/,
  /Use SUCCESS/,
];

ruleTester('start-condition-on-init', {
  severity: 'warning',
  valid: [
    {
      name: 'START on a long-running redis',
      document: `{
  "family": "cache",
  "containerDefinitions": [
    { "name": "redis", "image": "redis:7.4", "portMappings": [{ "containerPort": 6379 }] },
    { "name": "api", "image": "shop/api:1", "dependsOn": [{ "containerName": "redis", "condition": "START" }] }
  ]
}
`,
    },
    { name: 'implicit start order from links (EC2 bridge)', document: EC2_BRIDGE_LINKS },
    {
      name: 'a dependsOn on the migration without a condition (dependency-invalid-condition reports it)',
      document: edit(CHECKOUT, ', "condition": "START"', ''),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'the checkout api starts with the migration instead of after it: START becomes SUCCESS',
      document: CHECKOUT,
      findings: [
        {
          message: START_ON_INIT,
          underlined: '"START"',
          line: 14,
          container: 'api',
          fixes: [
            {
              title: 'Change "START" to "SUCCESS"',
              preferred: true,
              safe: true,
              output: edit(CHECKOUT, '"START"', '"SUCCESS"'),
            },
          ],
        },
      ],
    },
    {
      name: 'an essential migration: the fix is offered but not applied automatically (SUCCESS needs a non-essential target)',
      document: ESSENTIAL_INIT,
      findings: [
        {
          message: START_ON_INIT,
          underlined: '"START"',
          container: 'api',
          fixes: [
            {
              title: 'Change "START" to "SUCCESS"',
              preferred: true,
              output: edit(ESSENTIAL_INIT, '"START"', '"SUCCESS"'),
            },
          ],
        },
      ],
    },
  ],
});
