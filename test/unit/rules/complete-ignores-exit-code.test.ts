import { CORRECT_FIXTURES } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const CHECKOUT = fixture('complete-ignores-exit-code/checkout-api-after-migration-completes.json');

ruleTester('complete-ignores-exit-code', {
  severity: 'hint',
  valid: [
    {
      name: 'COMPLETE on a metrics exporter that is not an init container',
      document: `{
  "family": "batch",
  "containerDefinitions": [
    { "name": "exporter", "image": "shop/exporter:1", "essential": false, "portMappings": [{ "containerPort": 9100 }] },
    { "name": "report", "image": "shop/report:1", "dependsOn": [{ "containerName": "exporter", "condition": "COMPLETE" }] }
  ]
}
`,
    },
    {
      name: 'the checkout task with the rule turned off',
      document: CHECKOUT,
      options: { severities: { 'complete-ignores-exit-code': 'off' } },
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      // COMPLETE may be deliberate (the app checks the result itself): never applied automatically.
      name: 'the checkout api starts once the migration has exited, also when it failed: COMPLETE becomes SUCCESS',
      document: CHECKOUT,
      findings: [
        {
          message:
            'COMPLETE starts api once db-migrate has exited with any exit code, also when the setup failed. SUCCESS waits for exit code 0.',
          underlined: '"COMPLETE"',
          container: 'api',
          fixes: [
            {
              title: 'Change "COMPLETE" to "SUCCESS"',
              preferred: true,
              output: edit(CHECKOUT, '"COMPLETE"', '"SUCCESS"'),
            },
          ],
        },
      ],
    },
  ],
});
