import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'aws-cli-without-task-role';

/** 4-space indentation, a comment after the anchor property (family). */
const EXPORT = `{
    "family": "nightly-export", // scheduled by EventBridge
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "256",
    "memory": "512",
    "containerDefinitions": [
        {
            "name": "export",
            "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
            "command": ["s3", "sync", "/data", "s3://exports-bucket/nightly"]
        }
    ]
}
`;

describe(ID, () => {
  test('fires on Fargate: underlines the command, says the aws command fails without credentials', () => {
    const f = onlyFinding(ID, EXPORT);
    assert.equal(f.severity, 'warning');
    assert.equal(
      underlined(EXPORT, f.range),
      '["s3", "sync", "/data", "s3://exports-bucket/nightly"]',
    );
    assert.equal(f.container, 'export');
    assert.match(f.message, /export runs the AWS CLI, but the task definition has no taskRoleArn/);
    assert.match(f.message, /the execution role is only for ECS itself/);
    assert.match(f.message, /fails with "Unable to locate credentials"\. Add a task role/);
    assert.doesNotMatch(f.message, /instance metadata/);
    // The ARN is the user's to give: offered with a placeholder, never applied by --fix.
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add "taskRoleArn" (fill in your role ARN)', true, false]],
    );
  });

  test('fix: taskRoleArn with a placeholder after family, the comment stays on the family line', () => {
    assert.equal(
      applyFix(EXPORT, onlyFinding(ID, EXPORT)),
      `{
    "family": "nightly-export", // scheduled by EventBridge
    "taskRoleArn": "arn:aws:iam::<account-id>:role/<task-role-name>",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "256",
    "memory": "512",
    "containerDefinitions": [
        {
            "name": "export",
            "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
            "command": ["s3", "sync", "/data", "s3://exports-bucket/nightly"]
        }
    ]
}
`,
    );
  });

  test('on EC2 the message allows for the instance role; aws in a shell script and a bare aws-cli image both count', () => {
    const text = `{
  "family": "nightly-export",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "export",
      "image": "python:3.12-slim",
      "memory": 256,
      "command": ["sh", "-c", "pip install awscli && aws s3 sync /data s3://exports-bucket/nightly"]
    },
    {
      "name": "uploader",
      "image": "amazon/aws-cli:2.17.0",
      "memory": 128
    }
  ]
}
`;
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [f.container, underlined(text, f.range)]),
      [
        [
          'export',
          '["sh", "-c", "pip install awscli && aws s3 sync /data s3://exports-bucket/nightly"]',
        ],
        ['uploader', '"amazon/aws-cli:2.17.0"'],
      ],
    );
    assert.match(
      found[0]!.message,
      /or, on EC2 where the instance metadata service is reachable, runs with the container instance's role/,
    );
    // Inserted after executionRoleArn, the preferred anchor.
    assert.equal(
      applyFix(text, found[0]!),
      `{
  "family": "nightly-export",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "taskRoleArn": "arn:aws:iam::<account-id>:role/<task-role-name>",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "export",
      "image": "python:3.12-slim",
      "memory": 256,
      "command": ["sh", "-c", "pip install awscli && aws s3 sync /data s3://exports-bucket/nightly"]
    },
    {
      "name": "uploader",
      "image": "amazon/aws-cli:2.17.0",
      "memory": 128
    }
  ]
}
`,
    );
  });

  test('fix in a CRLF file', () => {
    const text = [
      '{',
      '  "family": "nightly-export",',
      '  "containerDefinitions": [',
      '    { "name": "export", "image": "amazon/aws-cli:2.17.0", "command": ["s3", "ls"] }',
      '  ]',
      '}',
      '',
    ].join('\r\n');
    assert.equal(
      applyFix(text, onlyFinding(ID, text)),
      [
        '{',
        '  "family": "nightly-export",',
        '  "taskRoleArn": "arn:aws:iam::<account-id>:role/<task-role-name>",',
        '  "containerDefinitions": [',
        '    { "name": "export", "image": "amazon/aws-cli:2.17.0", "command": ["s3", "ls"] }',
        '  ]',
        '}',
        '',
      ].join('\r\n'),
    );
  });

  test('does not fire with a taskRoleArn, on a bare container array, or when nothing runs aws', () => {
    assert.deepEqual(
      findingsOf(
        ID,
        EXPORT.replace(
          '"networkMode"',
          '"taskRoleArn": "arn:aws:iam::123456789012:role/export",\n    "networkMode"',
        ),
      ),
      [],
    );
    assert.deepEqual(
      findingsOf(
        ID,
        '[{ "name": "export", "image": "amazon/aws-cli:2.17.0", "command": ["s3", "ls"] }]',
      ),
      [],
    );
    assert.deepEqual(
      findingsOf(ID, EXPORT.replace('public.ecr.aws/aws-cli/aws-cli:2.17.0', 'rclone/rclone:1.68')),
      [],
    );
    // "aws" inside another word or path is not the CLI.
    assert.deepEqual(
      findingsOf(
        ID,
        EXPORT.replace('public.ecr.aws/aws-cli/aws-cli:2.17.0', 'shop/app:1').replace(
          '["s3", "sync", "/data", "s3://exports-bucket/nightly"]',
          '["node", "/srv/laws-engine.js"]',
        ),
      ),
      [],
    );
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
