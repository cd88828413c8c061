import { CORRECT_FIXTURES } from './helpers';
import { crlf, edit, fixture, ruleTester, validCases } from './ruleTester';

/** 4-space indentation, a comment after the anchor property (family). */
const EXPORT = fixture('aws-cli-without-task-role/nightly-s3-export-fargate-4-spaces.jsonc');
const EC2 = fixture('aws-cli-without-task-role/ec2-pip-installed-aws-and-aws-cli-image.json');
const CRLF = crlf(`{
  "family": "nightly-export",
  "containerDefinitions": [
    { "name": "export", "image": "amazon/aws-cli:2.17.0", "command": ["s3", "ls"] }
  ]
}
`);

const ROLE = '"taskRoleArn": "arn:aws:iam::<account-id>:role/<task-role-name>"';
const ON_EC2 =
  /or, on EC2 where the instance metadata service is reachable, runs with the container instance's role/;
/** The ARN is the user's to give: offered with a placeholder, never applied by --fix. */
const addRoleAfter = (document: string, anchor: string, newline = '\n', indent = '  ') => [
  {
    title: 'Add "taskRoleArn" (fill in your role ARN)',
    preferred: true,
    output: edit(document, `${anchor}${newline}`, `${anchor}${newline}${indent}${ROLE},${newline}`),
  },
];

ruleTester('aws-cli-without-task-role', {
  severity: 'warning',
  valid: [
    {
      name: 'the export with a taskRoleArn',
      document: edit(
        EXPORT,
        '"networkMode"',
        '"taskRoleArn": "arn:aws:iam::123456789012:role/export",\n    "networkMode"',
      ),
    },
    {
      name: 'a bare container array (the task role is set elsewhere)',
      document: '[{ "name": "export", "image": "amazon/aws-cli:2.17.0", "command": ["s3", "ls"] }]',
    },
    {
      name: 'nothing runs aws (rclone)',
      document: edit(EXPORT, 'public.ecr.aws/aws-cli/aws-cli:2.17.0', 'rclone/rclone:1.68'),
    },
    {
      name: '"aws" inside another word or path is not the CLI (/srv/laws-engine.js)',
      document: edit(
        EXPORT,
        ['public.ecr.aws/aws-cli/aws-cli:2.17.0', 'shop/app:1'],
        [
          '["s3", "sync", "/data", "s3://exports-bucket/nightly"]',
          '["node", "/srv/laws-engine.js"]',
        ],
      ),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'a nightly S3 export on Fargate without a task role: taskRoleArn goes after family, the comment stays on the family line',
      document: EXPORT,
      findings: [
        {
          message: [
            /export runs the AWS CLI, but the task definition has no taskRoleArn/,
            /the execution role is only for ECS itself/,
            /fails with "Unable to locate credentials"\. Add a task role/,
          ],
          messageExcludes: /instance metadata/,
          underlined: '["s3", "sync", "/data", "s3://exports-bucket/nightly"]',
          container: 'export',
          fixes: addRoleAfter(
            EXPORT,
            '"family": "nightly-export", // scheduled by EventBridge',
            '\n',
            '    ',
          ),
        },
      ],
    },
    {
      name: 'on EC2 the message allows for the instance role; aws in a shell script and a bare aws-cli image both count; the role goes after executionRoleArn',
      document: EC2,
      findings: [
        {
          message: ON_EC2,
          underlined:
            '["sh", "-c", "pip install awscli && aws s3 sync /data s3://exports-bucket/nightly"]',
          container: 'export',
          fixes: addRoleAfter(
            EC2,
            '"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",',
          ),
        },
        {
          message: ON_EC2,
          underlined: '"amazon/aws-cli:2.17.0"',
          container: 'uploader',
          fixes: addRoleAfter(
            EC2,
            '"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",',
          ),
        },
      ],
    },
    {
      name: 'a one-line aws-cli container in a CRLF file',
      document: CRLF,
      findings: [
        {
          message: /export runs the AWS CLI, but the task definition has no taskRoleArn/,
          underlined: '["s3", "ls"]',
          container: 'export',
          fixes: addRoleAfter(CRLF, '"family": "nightly-export",', '\r\n'),
        },
      ],
    },
  ],
});
