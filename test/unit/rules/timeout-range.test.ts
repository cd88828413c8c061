import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { ruleTester, validCases } from './ruleTester';

/**
 * A one-container worker task on the given launch type with the given timeout fields: small and
 * inline, since the launch type and the fields are what each case is about.
 */
function task(launchType: 'FARGATE' | 'EC2', fields: string): string {
  return `{
  "family": "jobs",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["${launchType}"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "shop/worker:1.0.0",
      ${fields}
    }
  ]
}
`;
}

ruleTester('timeout-range', {
  severity: 'error',
  valid: [
    {
      name: 'EC2 above 120 (AWS documents no maximum there)',
      document: task('EC2', '"stopTimeout": 600, "startTimeout": 300'),
    },
    {
      name: 'a bare container array (the launch type is not known): only the type is checked',
      document: '[\n  { "name": "worker", "image": "shop/worker:1.0.0", "stopTimeout": 300 }\n]\n',
    },
    {
      name: 'Fargate values in range',
      document: task('FARGATE', '"startTimeout": 2, "stopTimeout": 120'),
    },
    {
      name: 'a value built from a placeholder',
      document: task('FARGATE', '"stopTimeout": "${STOP_SECONDS}0"'),
    },
    {
      name: 'placeholders, quoted or bare',
      document: task('FARGATE', '"startTimeout": "${START_TIMEOUT}", "stopTimeout": ${stop}'),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'a Fargate stopTimeout of 300: the fix clamps it to 120',
      document: task('FARGATE', '"stopTimeout": 300'),
      findings: [
        {
          message:
            /^stopTimeout of worker is 300: above 120\. ECS accepts at most 120 seconds on Fargate\. stopTimeout is how long ECS waits after SIGTERM before it kills the container\.$/,
          underlined: '300',
          container: 'worker',
          fixes: [
            {
              title: 'Change 300 to 120',
              preferred: true,
              output: task('FARGATE', '"stopTimeout": 120'),
            },
          ],
        },
      ],
    },
    {
      name: 'a Fargate startTimeout of 1: an error (the ECS API model: "2-120 seconds")',
      document: task('FARGATE', '"startTimeout": 1'),
      findings: [
        {
          message:
            /^startTimeout of worker is 1: below 2\. ECS accepts 2 to 120 seconds on Fargate\. startTimeout is how long the containers that depend on this one wait for it to reach its condition\.$/,
          messageExcludes: /CloudFormation/,
          underlined: '1',
          container: 'worker',
          fixes: [
            {
              title: 'Change 1 to 2',
              preferred: true,
              output: task('FARGATE', '"startTimeout": 2'),
            },
          ],
        },
      ],
    },
    {
      name: 'a Fargate startTimeout of 180 is an error',
      document: task('FARGATE', '"startTimeout": 180'),
      findings: [
        {
          message: /startTimeout of worker is 180: above 120/,
          underlined: '180',
          container: 'worker',
          fixes: [
            {
              title: 'Change 180 to 120',
              preferred: true,
              output: task('FARGATE', '"startTimeout": 120'),
            },
          ],
        },
      ],
    },
    {
      name: 'a number written as a string ("120"): the safe fix drops the quotes',
      document: task('EC2', '"startTimeout": "120"'),
      findings: [
        {
          message:
            /startTimeout of worker is the string "120": the ECS API takes a number here, and the AWS CLI and SDKs reject a string/,
          underlined: '"120"',
          container: 'worker',
          fixes: [
            {
              title: 'Change "120" to 120',
              preferred: true,
              safe: true,
              output: task('EC2', '"startTimeout": 120'),
            },
          ],
        },
      ],
    },
    {
      name: 'a string that is also out of range ("150" on Fargate): one finding, one unsafe fix',
      document: task('FARGATE', '"stopTimeout": "150"'),
      findings: [
        {
          message: /is "150": a string, where ECS takes a number; above 120/,
          underlined: '"150"',
          container: 'worker',
          fixes: [
            {
              title: 'Change "150" to 120',
              preferred: true,
              output: task('FARGATE', '"stopTimeout": 120'),
            },
          ],
        },
      ],
    },
    {
      name: 'a negative stopTimeout on EC2',
      document: task('EC2', '"stopTimeout": -5'),
      findings: [
        {
          message: /is -5: below 0\. ECS accepts a whole number of seconds, 0 or more/,
          underlined: '-5',
          container: 'worker',
          fixes: [
            { title: 'Change -5 to 0', preferred: true, output: task('EC2', '"stopTimeout": 0') },
          ],
        },
      ],
    },
    {
      name: 'a fractional stopTimeout on EC2',
      document: task('EC2', '"stopTimeout": 12.5'),
      findings: [
        {
          message: /is 12\.5: not a whole number/,
          underlined: '12.5',
          container: 'worker',
          fixes: [
            {
              title: 'Change 12.5 to 13',
              preferred: true,
              output: task('EC2', '"stopTimeout": 13'),
            },
          ],
        },
      ],
    },
    {
      name: 'a value that is not a number at all: reported without a fix',
      document: task('EC2', '"stopTimeout": true'),
      findings: [
        {
          message: /stopTimeout of worker must be a number/,
          underlined: 'true',
          container: 'worker',
          fixes: null,
        },
      ],
    },
    {
      name: 'a duration with its unit ("30s"): not a number, reported without a fix',
      document: task('EC2', '"stopTimeout": "30s"'),
      findings: [
        {
          message:
            /^stopTimeout of worker must be a number: ECS accepts a whole number of seconds, 0 or more\./,
          underlined: '"30s"',
          container: 'worker',
          fixes: null,
        },
      ],
    },
    {
      name: 'a number with a plus sign ("+30"): not a number the API reads, reported without a fix',
      document: task('EC2', '"stopTimeout": "+30"'),
      findings: [
        {
          message: /^stopTimeout of worker must be a number/,
          underlined: '"+30"',
          container: 'worker',
          fixes: null,
        },
      ],
    },
    {
      name: 'a fraction written as a string ("7.25"): one finding, the fix rounds it',
      document: task('EC2', '"stopTimeout": "7.25"'),
      findings: [
        {
          message:
            /^stopTimeout of worker is "7\.25": a string, where ECS takes a number; not a whole number\./,
          underlined: '"7.25"',
          container: 'worker',
          fixes: [
            {
              title: 'Change "7.25" to 7',
              preferred: true,
              output: task('EC2', '"stopTimeout": 7'),
            },
          ],
        },
      ],
    },
  ],
});
