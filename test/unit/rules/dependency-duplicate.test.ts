import { CORRECT_FIXTURES } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const TWO_CONDITIONS = fixture(
  'dependency-duplicate/api-waits-for-migrate-with-two-conditions.json',
);
const SECOND = '{ "containerName": "migrate", "condition": "START" }';
const SAME_TWICE = edit(
  TWO_CONDITIONS,
  SECOND,
  '{ "containerName": "migrate", "condition": "SUCCESS" }',
);
const NO_CONDITION = edit(TWO_CONDITIONS, SECOND, '{ "containerName": "migrate" }');
const COMPLETE = edit(
  TWO_CONDITIONS,
  SECOND,
  '{ "containerName": "migrate", "condition": "COMPLETE" }',
);
const HEALTHY = edit(
  TWO_CONDITIONS,
  SECOND,
  '{ "containerName": "migrate", "condition": "HEALTHY" }',
);
/** START first, then HEALTHY: they act as HEALTHY. */
const START_THEN_HEALTHY = edit(
  TWO_CONDITIONS,
  `{ "containerName": "migrate", "condition": "SUCCESS" },\n        ${SECOND}`,
  `${SECOND},\n        { "containerName": "migrate", "condition": "HEALTHY" }`,
);
const COMPLETE_THEN_START = edit(
  TWO_CONDITIONS,
  '"condition": "SUCCESS" }',
  '"condition": "COMPLETE" }',
);
/** Two entries that name no container yet, then migrate without and with a condition. */
const UNNAMED_AND_UNCONDITIONED = edit(
  TWO_CONDITIONS,
  `{ "containerName": "migrate", "condition": "SUCCESS" },\n        ${SECOND}`,
  '{ "condition": "START" },\n        { "condition": "START" },\n        { "containerName": "migrate" },\n        { "containerName": "migrate", "condition": "SUCCESS" }',
);
/** The document without its second entry, whatever that entry is. */
const withoutSecond = (document: string, second: string) =>
  edit(document, `"SUCCESS" },\n        ${second}\n`, '"SUCCESS" }\n');
const BOTH_HOLD = /starts only once both hold\. Keep the one entry you mean\.$/;

const FIRST_ENTRY = {
  message: 'first dependency on migrate',
  underlined: '{ "containerName": "migrate", "condition": "SUCCESS" }',
  line: 14,
};
const SAME_CONDITION =
  'api lists "migrate" twice in dependsOn with the same condition: the second entry adds nothing. Keep one.';
/** SAME_TWICE without its second entry. */
const SAME_TWICE_FIXED = edit(
  SAME_TWICE,
  '"SUCCESS" },\n        { "containerName": "migrate", "condition": "SUCCESS" }\n',
  '"SUCCESS" }\n',
);

ruleTester('dependency-duplicate', {
  severity: 'warning',
  valid: [
    {
      name: 'api waits for a migration and for redis: different containers are no duplicate',
      document: fixture('dependency-duplicate/api-waits-for-migrate-and-redis.json'),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'the same migration listed twice with SUCCESS: a warning on the second entry, removed by a safe fix',
      document: SAME_TWICE,
      findings: [
        {
          message: SAME_CONDITION,
          underlined: '{ "containerName": "migrate", "condition": "SUCCESS" }',
          line: 15,
          container: 'api',
          related: [FIRST_ENTRY],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              safe: true,
              output: SAME_TWICE_FIXED,
            },
          ],
        },
      ],
    },
    {
      name: 'a user override still sets the severity of a same-condition duplicate',
      document: SAME_TWICE,
      options: { severities: { 'dependency-duplicate': 'error' } },
      findings: [
        {
          message: SAME_CONDITION,
          underlined: '{ "containerName": "migrate", "condition": "SUCCESS" }',
          severity: 'error',
          container: 'api',
          related: [FIRST_ENTRY],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              safe: true,
              output: SAME_TWICE_FIXED,
            },
          ],
        },
      ],
    },
    {
      name: 'SUCCESS and START for one migration: a warning that they act as SUCCESS; which one to remove is left to the user',
      document: TWO_CONDITIONS,
      findings: [
        {
          message: [
            /api lists "migrate" twice in dependsOn \(SUCCESS and START\)/,
            /the ECS agent requires every entry, so api starts only once both hold: together they act as SUCCESS alone \(a START entry is also met once the container has exited, in ECS agents since late 2023\)\. Keep the one entry you mean\./,
          ],
          underlined: SECOND,
          container: 'api',
          related: [FIRST_ENTRY],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: edit(TWO_CONDITIONS, `"SUCCESS" },\n        ${SECOND}\n`, '"SUCCESS" }\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'START and then HEALTHY act as HEALTHY (START is met by a container that exited)',
      document: START_THEN_HEALTHY,
      findings: [
        {
          message:
            'api lists "migrate" twice in dependsOn (START and HEALTHY): the ECS agent requires every entry, so api starts only once both hold: together they act as HEALTHY alone (a START entry is also met once the container has exited, in ECS agents since late 2023). Keep the one entry you mean.',
          underlined: '{ "containerName": "migrate", "condition": "HEALTHY" }',
          container: 'api',
          related: [{ ...FIRST_ENTRY, underlined: SECOND }],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: edit(
                START_THEN_HEALTHY,
                `${SECOND},\n        { "containerName": "migrate", "condition": "HEALTHY" }\n`,
                `${SECOND}\n`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'COMPLETE and then START act as COMPLETE',
      document: COMPLETE_THEN_START,
      findings: [
        {
          message: [
            /\(COMPLETE and START\)/,
            /together they act as COMPLETE alone \(a START entry is also met/,
          ],
          underlined: SECOND,
          container: 'api',
          related: [
            {
              ...FIRST_ENTRY,
              underlined: '{ "containerName": "migrate", "condition": "COMPLETE" }',
            },
          ],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: edit(
                COMPLETE_THEN_START,
                `"COMPLETE" },\n        ${SECOND}\n`,
                '"COMPLETE" }\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a first entry without a condition is named as such; entries that name no container are no duplicates',
      document: UNNAMED_AND_UNCONDITIONED,
      findings: [
        {
          message: [
            /api lists "migrate" twice in dependsOn \(no condition and SUCCESS\)/,
            BOTH_HOLD,
          ],
          underlined: '{ "containerName": "migrate", "condition": "SUCCESS" }',
          container: 'api',
          related: [{ ...FIRST_ENTRY, underlined: '{ "containerName": "migrate" }', line: 16 }],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: edit(
                UNNAMED_AND_UNCONDITIONED,
                '{ "containerName": "migrate" },\n        { "containerName": "migrate", "condition": "SUCCESS" }\n',
                '{ "containerName": "migrate" }\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a second entry without a condition is named as such',
      document: NO_CONDITION,
      findings: [
        {
          message: [
            /api lists "migrate" twice in dependsOn \(SUCCESS and no condition\)/,
            BOTH_HOLD,
          ],
          underlined: '{ "containerName": "migrate" }',
          container: 'api',
          related: [FIRST_ENTRY],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: edit(
                NO_CONDITION,
                '"SUCCESS" },\n        { "containerName": "migrate" }\n',
                '"SUCCESS" }\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'SUCCESS and COMPLETE for one migration act as SUCCESS',
      document: COMPLETE,
      findings: [
        {
          message: /together they act as SUCCESS alone\. Keep the one entry you mean\.$/,
          underlined: '{ "containerName": "migrate", "condition": "COMPLETE" }',
          container: 'api',
          related: [FIRST_ENTRY],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: withoutSecond(
                COMPLETE,
                '{ "containerName": "migrate", "condition": "COMPLETE" }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'SUCCESS and HEALTHY have no single equivalent: both must hold',
      document: HEALTHY,
      findings: [
        {
          message: BOTH_HOLD,
          underlined: '{ "containerName": "migrate", "condition": "HEALTHY" }',
          container: 'api',
          related: [FIRST_ENTRY],
          fixes: [
            {
              title: 'Remove the second dependency on migrate',
              preferred: true,
              output: withoutSecond(
                HEALTHY,
                '{ "containerName": "migrate", "condition": "HEALTHY" }',
              ),
            },
          ],
        },
      ],
    },
  ],
});
