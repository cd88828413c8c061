import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const ALL_OPTIONAL = fixture('no-essential-container/migration-and-api-both-optional.json');
const API_ESSENTIAL = '"essential": false,\n      "dependsOn"';
const ALL_INITS = `[
  { "name": "init-a", "image": "busybox:1.36", "essential": false, "command": ["sh", "-c", "chown 1000 /data"] },
  { "name": "init-b", "image": "busybox:1.36", "essential": false, "command": ["sh", "-c", "chmod 700 /data"] }
]
`;

const NONE_ESSENTIAL = [
  /No container of this task definition is essential: every one sets "essential": false/,
  /Task definition doesn't have any essential container/,
];

ruleTester('no-essential-container', {
  severity: 'error',
  valid: [
    {
      name: 'essential left out on the api (it defaults to true)',
      document: edit(ALL_OPTIONAL, `      ${API_ESSENTIAL}`, '      "dependsOn"'),
    },
    {
      name: 'the api is essential',
      document: edit(ALL_OPTIONAL, API_ESSENTIAL, '"essential": true,\n      "dependsOn"'),
    },
    {
      name: 'a template placeholder for essential',
      document: edit(
        ALL_OPTIONAL,
        API_ESSENTIAL,
        '"essential": "${API_ESSENTIAL}",\n      "dependsOn"',
      ),
    },
    {
      name: 'an empty containerDefinitions (missing-required-field reports it)',
      document: '{ "family": "x", "containerDefinitions": [] }',
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      // The fix replaces a value the user wrote: offered, but not applied by --fix.
      name: 'a migration and an api both say essential false: on the main container, the migration related; the fix makes the api essential',
      document: ALL_OPTIONAL,
      findings: [
        {
          message: NONE_ESSENTIAL,
          underlined: 'false',
          line: 13,
          container: 'api',
          related: [
            { message: 'db-migrate is not essential either', underlined: 'false', line: 7 },
          ],
          fixes: [
            {
              title: 'Make api essential',
              preferred: true,
              output: edit(ALL_OPTIONAL, API_ESSENTIAL, '"essential": true,\n      "dependsOn"'),
            },
          ],
        },
      ],
    },
    {
      name: 'every container looks like an init container: the first one is offered',
      document: ALL_INITS,
      findings: [
        {
          message: NONE_ESSENTIAL,
          underlined: 'false',
          container: 'init-a',
          related: [{ message: 'init-b is not essential either', underlined: 'false' }],
          fixes: [
            {
              title: 'Make init-a essential',
              preferred: true,
              output: edit(
                ALL_INITS,
                '"name": "init-a", "image": "busybox:1.36", "essential": false',
                '"name": "init-a", "image": "busybox:1.36", "essential": true',
              ),
            },
          ],
        },
      ],
    },
  ],
});
