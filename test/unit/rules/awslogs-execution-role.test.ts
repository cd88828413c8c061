import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyFix,
  CORRECT_FIXTURES,
  EC2_BRIDGE_LINKS,
  findingsOf,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'awslogs-execution-role';

const ORDERS = `{
  "family": "orders",
  "taskRoleArn": "arn:aws:iam::123456789012:role/orders",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "orders",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:4.0.0",
      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db" }],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": { "awslogs-group": "/ecs/orders", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "orders" }
      }
    }
  ]
}
`;

describe(ID, () => {
  test('fires once per task: underlines the first need, lists the others as related', () => {
    const f = onlyFinding(ID, ORDERS);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(ORDERS, f.range), '"awslogs"');
    assert.equal(f.container, 'orders');
    assert.equal(
      f.message,
      'orders sends its logs to CloudWatch with awslogs, but the task definition has no executionRoleArn: on Fargate, ECS needs a task execution role to do that for the container, and registration or the task start fails without one.',
    );
    assert.deepEqual(
      f.related.map((r) => [underlined(ORDERS, r.range), r.message]),
      [
        [
          '"123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:4.0.0"',
          'orders pulls its image from a private Amazon ECR repository',
        ],
        [
          '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db" }]',
          'orders reads secrets from Secrets Manager or Parameter Store',
        ],
      ],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add "executionRoleArn" (fill in your role ARN)', true, false]],
    );
  });

  test('fix: executionRoleArn with a placeholder right after family', () => {
    assert.equal(
      applyFix(ORDERS, onlyFinding(ID, ORDERS)),
      `{
  "family": "orders",
  "executionRoleArn": "arn:aws:iam::<account-id>:role/ecsTaskExecutionRole",
  "taskRoleArn": "arn:aws:iam::123456789012:role/orders",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "orders",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:4.0.0",
      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db" }],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": { "awslogs-group": "/ecs/orders", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "orders" }
      }
    }
  ]
}
`,
    );
  });

  test('fix in a tab-indented JSONC file with trailing commas', () => {
    const text = `{
\t"family": "orders",
\t"requiresCompatibilities": ["FARGATE"],
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "orders",
\t\t\t"image": "shop/orders:4.0.0",
\t\t\t"logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/orders" } },
\t\t},
\t],
}
`;
    assert.equal(
      applyFix(text, onlyFinding(ID, text)),
      `{
\t"family": "orders",
\t"executionRoleArn": "arn:aws:iam::<account-id>:role/ecsTaskExecutionRole",
\t"requiresCompatibilities": ["FARGATE"],
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "orders",
\t\t\t"image": "shop/orders:4.0.0",
\t\t\t"logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/orders" } },
\t\t},
\t],
}
`,
    );
  });

  test('family shares its line with another property: the role is appended as the last property instead', () => {
    const text = `{
  "family": "orders", "cpu": "256", "memory": "512",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [{ "name": "orders", "image": "shop/orders:4", "logConfiguration": { "logDriver": "awslogs" } }]
}
`;
    const fixed = applyFix(text, onlyFinding(ID, text));
    assert.equal(
      fixed,
      `{
  "family": "orders", "cpu": "256", "memory": "512",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [{ "name": "orders", "image": "shop/orders:4", "logConfiguration": { "logDriver": "awslogs" } }],
  "executionRoleArn": "arn:aws:iam::<account-id>:role/ecsTaskExecutionRole"
}
`,
    );
    assert.doesNotThrow(() => JSON.parse(fixed));
  });

  test('on EC2, awslogs and public images need no execution role, but registry credentials and secrets do', () => {
    assert.deepEqual(findingsOf(ID, EC2_BRIDGE_LINKS), []);
    const text = `{
  "family": "legacy-api",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "api",
      "image": "registry.example.com/legacy/api:7",
      "memory": 512,
      "repositoryCredentials": { "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry" },
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/legacy", "awslogs-region": "us-east-1" } }
    },
    {
      "name": "shipper",
      "image": "fluent/fluent-bit:3.1",
      "memory": 64,
      "logConfiguration": {
        "logDriver": "splunk",
        "options": { "splunk-url": "https://splunk.example.com:8088" },
        "secretOptions": [{ "name": "splunk-token", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/splunk-token" }]
      }
    }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(
      underlined(text, f.range),
      '{ "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry" }',
    );
    assert.match(
      f.message,
      /api uses private registry credentials, but the task definition has no executionRoleArn: ECS needs a task execution role/,
    );
    assert.doesNotMatch(f.message, /on Fargate/);
    assert.deepEqual(
      f.related.map((r) => r.message),
      ['shipper reads log-driver secrets (secretOptions)'],
    );
  });

  test('does not fire with an executionRoleArn, or on a bare container array', () => {
    assert.deepEqual(
      findingsOf(
        ID,
        ORDERS.replace(
          '"taskRoleArn"',
          '"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",\n  "taskRoleArn"',
        ),
      ),
      [],
    );
    assert.deepEqual(
      findingsOf(
        ID,
        '[{ "name": "orders", "image": "shop/orders:4", "logConfiguration": { "logDriver": "awslogs" } }]',
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
