import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, ruleTester, validCases } from './ruleTester';

/**
 * A billing task on the given launch type whose one container's logConfiguration is `config`:
 * small and inline, since the launch type and the log configuration are what each case is about.
 */
function task(launchType: 'FARGATE' | 'EC2', config: string): string {
  return `{
  "family": "billing",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["${launchType}"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "billing",
      "image": "shop/billing:1.8.0",
      "logConfiguration": ${config}
    }
  ]
}
`;
}

/** An awslogs configuration with the given options, as the fix writes them. */
const awslogsWith = (...options: string[]) =>
  `{
        "logDriver": "awslogs",
        "options": {
          ${options.join(',\n          ')}
        }
      }`;

const NO_PREFIX = awslogsWith('"awslogs-group": "/ecs/billing"', '"awslogs-region": "eu-west-1"');
const NO_OPTIONS = task('FARGATE', '{\n        "logDriver": "awslogs"\n      }');
const NULL_OPTIONS = task(
  'FARGATE',
  '{\n        "logDriver": "awslogs",\n        "options": null\n      }',
);
const EMPTY_REGION = task(
  'EC2',
  '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/billing", "awslogs-region": " " } }',
);
const EC2_NO_GROUP = task(
  'EC2',
  '{ "logDriver": "awslogs", "options": { "awslogs-region": "eu-west-1" } }',
);
/** Fargate without a Region; the stream prefix is a number (a YAML template writes it unquoted). */
const FARGATE_NO_REGION = task(
  'FARGATE',
  '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/billing", "awslogs-stream-prefix": 2024 } }',
);
/** EC2, no family, and a skeleton's empty secretOptions after the driver. */
const NO_FAMILY = edit(
  task('EC2', '{\n        "logDriver": "awslogs",\n        "secretOptions": []\n      }'),
  '  "family": "billing",\n',
  '',
);
/** No requiresCompatibilities: the launch type is not known. */
const UNKNOWN_NO_OPTIONS = edit(
  task('EC2', '{ "logDriver": "awslogs" }'),
  '  "requiresCompatibilities": ["EC2"],\n',
  '',
);

/** The three fixes when every option is missing, each creating the options object. */
const ADD_EACH_OPTION = [
  {
    title: 'Add "awslogs-stream-prefix": "ecs"',
    preferred: true,
    safe: true,
    output: task('FARGATE', awslogsWith('"awslogs-stream-prefix": "ecs"')),
  },
  {
    title: 'Add "awslogs-group": "/ecs/billing"',
    output: task('FARGATE', awslogsWith('"awslogs-group": "/ecs/billing"')),
  },
  {
    title: 'Add "awslogs-region" (fill in your Region)',
    output: task('FARGATE', awslogsWith('"awslogs-region": "<region>"')),
  },
];
const NONE_OF_THREE = /no "awslogs-group", "awslogs-region" or "awslogs-stream-prefix"/;

ruleTester('awslogs-missing-option', {
  severity: 'error',
  valid: [
    {
      name: 'EC2 without a stream prefix (AWS documents it as required on Fargate)',
      document: task('EC2', NO_PREFIX),
    },
    {
      name: 'placeholders for the options',
      document: task(
        'FARGATE',
        awslogsWith(
          '"awslogs-group": "/ecs/billing"',
          '"awslogs-region": "${AWS_REGION}"',
          '"awslogs-stream-prefix": "{{ prefix }}"',
        ),
      ),
    },
    {
      name: 'a placeholder for the whole options object',
      document: task('FARGATE', '{ "logDriver": "awslogs", "options": "${LOG_OPTIONS}" }'),
    },
    {
      name: 'a bare template placeholder for the options object',
      document: task('FARGATE', '{ "logDriver": "awslogs", "options": ${LOG_OPTIONS} }'),
    },
    {
      name: 'another log driver (awsfirelens)',
      document: task(
        'FARGATE',
        '{ "logDriver": "awsfirelens", "options": { "Name": "cloudwatch_logs" } }',
      ),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'Fargate without awslogs-stream-prefix: an error on the driver, the safe fix adds "ecs"',
      document: task('FARGATE', NO_PREFIX),
      findings: [
        {
          message:
            /billing logs with awslogs but its options have no "awslogs-stream-prefix"\. On Fargate the stream prefix is required as well \("Required: Yes, when using Fargate"\)/,
          underlined: '"awslogs"',
          container: 'billing',
          fixes: [
            {
              title: 'Add "awslogs-stream-prefix": "ecs"',
              preferred: true,
              safe: true,
              output: task(
                'FARGATE',
                awslogsWith(
                  '"awslogs-group": "/ecs/billing"',
                  '"awslogs-region": "eu-west-1"',
                  '"awslogs-stream-prefix": "ecs"',
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no options at all: each missing option is named; the fixes create the options object',
      document: NO_OPTIONS,
      findings: [
        {
          message: [
            NONE_OF_THREE,
            /ECS refuses to register the task definition without the group and Region \("Log driver awslogs requires options: awslogs-region, awslogs-group"\)/,
          ],
          underlined: '"awslogs"',
          container: 'billing',
          fixes: ADD_EACH_OPTION,
        },
      ],
    },
    {
      name: '"options": null (console exports) is replaced by the fixes',
      document: NULL_OPTIONS,
      findings: [
        {
          message: NONE_OF_THREE,
          underlined: '"awslogs"',
          container: 'billing',
          fixes: ADD_EACH_OPTION,
        },
      ],
    },
    {
      name: "EC2 asks for group and region only; a blank region counts as missing, an info (the driver takes the instance's Region)",
      document: EMPTY_REGION,
      findings: [
        {
          message:
            /no "awslogs-region"\. The ECS API lists it as required, but on EC2 the driver falls back to the Region of the instance it runs on/,
          severity: 'info',
          underlined: '"awslogs"',
          container: 'billing',
          fixes: [
            {
              title: 'Add "awslogs-region" (fill in your Region)',
              output: edit(EMPTY_REGION, '"awslogs-region": " "', '"awslogs-region": "<region>"'),
            },
          ],
        },
      ],
    },
    {
      name: "EC2 without a log group: a warning (Docker's awslogs driver refuses to create the container)",
      document: EC2_NO_GROUP,
      findings: [
        {
          message:
            /no "awslogs-group"\. Docker's awslogs driver refuses to create a container without a log group \("must specify a value for log opt 'awslogs-group'"\), so the container does not start\.$/,
          severity: 'warning',
          underlined: '"awslogs"',
          container: 'billing',
          fixes: [
            {
              title: 'Add "awslogs-group": "/ecs/billing"',
              output: edit(
                EC2_NO_GROUP,
                '"options": { "awslogs-region": "eu-west-1" }',
                '"options": { "awslogs-region": "eu-west-1", "awslogs-group": "/ecs/billing" }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Fargate without awslogs-region (a number as the stream prefix counts as written): ECS refuses to register it',
      document: FARGATE_NO_REGION,
      findings: [
        {
          message:
            'billing logs with awslogs but its options have no "awslogs-region". On Fargate all three options are required, and ECS refuses to register the task definition without the group and Region ("Log driver awslogs requires options: awslogs-region, awslogs-group").',
          underlined: '"awslogs"',
          container: 'billing',
          fixes: [
            {
              title: 'Add "awslogs-region" (fill in your Region)',
              output: edit(
                FARGATE_NO_REGION,
                '"awslogs-stream-prefix": 2024 }',
                '"awslogs-stream-prefix": 2024, "awslogs-region": "<region>" }',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no family: the group the fix proposes says where the family goes; the options go right after the driver',
      document: NO_FAMILY,
      findings: [
        {
          message: /no "awslogs-group" or "awslogs-region"\./,
          severity: 'warning',
          underlined: '"awslogs"',
          container: 'billing',
          fixes: [
            {
              title: 'Add "awslogs-group": "/ecs/<family>"',
              output: edit(
                NO_FAMILY,
                '"awslogs",\n',
                '"awslogs",\n        "options": {\n          "awslogs-group": "/ecs/<family>"\n        },\n',
              ),
            },
            {
              title: 'Add "awslogs-region" (fill in your Region)',
              output: edit(
                NO_FAMILY,
                '"awslogs",\n',
                '"awslogs",\n        "options": {\n          "awslogs-region": "<region>"\n        },\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no requiresCompatibilities and no options: a warning that names the Region fallback too',
      document: UNKNOWN_NO_OPTIONS,
      findings: [
        {
          message: [
            /no "awslogs-group" or "awslogs-region"\./,
            /Without awslogs-region the driver uses the Region of the EC2 instance it runs on\./,
          ],
          severity: 'warning',
          underlined: '"awslogs"',
          container: 'billing',
          fixes: [
            {
              title: 'Add "awslogs-group": "/ecs/billing"',
              output: edit(
                UNKNOWN_NO_OPTIONS,
                '{ "logDriver": "awslogs" }',
                '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/billing" } }',
              ),
            },
            {
              title: 'Add "awslogs-region" (fill in your Region)',
              output: edit(
                UNKNOWN_NO_OPTIONS,
                '{ "logDriver": "awslogs" }',
                '{ "logDriver": "awslogs", "options": { "awslogs-region": "<region>" } }',
              ),
            },
          ],
        },
      ],
    },
  ],
});
