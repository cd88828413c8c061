import { CORRECT_FIXTURES } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const FIRST_ENTRY = fixture('dependency-self/api-waits-for-itself-first-entry.json');
const INLINE_LAST_ENTRY = fixture('dependency-self/api-waits-for-itself-inline-last-entry.json');
const ONLY_ENTRY = fixture('dependency-self/worker-waits-for-itself-only-entry.json');

const WAITS_FOR_ITSELF = [/waits for itself/, /never starts/];

ruleTester('dependency-self', {
  severity: 'error',
  valid: [
    {
      name: 'a nameless container cannot name itself',
      document: `{ "family": "x", "containerDefinitions": [{ "image": "shop/api:1", "dependsOn": [{ "containerName": "", "condition": "START" }] }] }`,
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'api waits for itself in the first entry of a multi-line dependsOn: the fix removes the entry and its line',
      document: FIRST_ENTRY,
      findings: [
        {
          message: [/api waits for itself/, /never starts/],
          underlined: '"api"',
          line: 8,
          container: 'api',
          // Removing an entry removes something the user wrote: offered, but not applied by --fix.
          fixes: [
            {
              title: 'Remove the dependency of api on itself',
              preferred: true,
              output: edit(
                FIRST_ENTRY,
                '        { "containerName": "api", "condition": "START" },\n',
                '',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'api waits for itself in the last entry of a one-line dependsOn: the fix removes it with its comma',
      document: INLINE_LAST_ENTRY,
      findings: [
        {
          message: WAITS_FOR_ITSELF,
          underlined: '"api"',
          container: 'api',
          fixes: [
            {
              title: 'Remove the dependency of api on itself',
              preferred: true,
              output: edit(
                INLINE_LAST_ENTRY,
                ', { "containerName": "api", "condition": "HEALTHY" }]',
                ']',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a worker whose only dependency is itself: the fix leaves an empty array',
      document: ONLY_ENTRY,
      findings: [
        {
          message: WAITS_FOR_ITSELF,
          underlined: '"worker"',
          container: 'worker',
          fixes: [
            {
              title: 'Remove the dependency of worker on itself',
              preferred: true,
              output: edit(
                ONLY_ENTRY,
                `"dependsOn": [
        {
          "containerName": "worker",
          "condition": "START"
        }
      ]`,
                '"dependsOn": []',
              ),
            },
          ],
        },
      ],
    },
  ],
});
