import { CORRECT_FIXTURES, EC2_BRIDGE_LINKS } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const ORDERS = fixture('awslogs-execution-role/orders-fargate-awslogs-ecr-secrets.json');
const TABS = fixture('awslogs-execution-role/orders-tabs-trailing-commas.jsonc');
const FAMILY_SHARES_LINE = `{
  "family": "orders", "cpu": "256", "memory": "512",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [{ "name": "orders", "image": "shop/orders:4", "logConfiguration": { "logDriver": "awslogs" } }]
}
`;
const EC2 = fixture('awslogs-execution-role/ec2-registry-credentials-and-splunk-secret.json');

const ROLE = '"executionRoleArn": "arn:aws:iam::<account-id>:role/ecsTaskExecutionRole"';
const ADD_ROLE = 'Add "executionRoleArn" (fill in your role ARN)';
const AWSLOGS_ON_FARGATE =
  'orders sends its logs to CloudWatch with awslogs, but the task definition has no executionRoleArn: on Fargate, ECS needs a task execution role to do that for the container, and registration or the task start fails without one.';

ruleTester('awslogs-execution-role', {
  severity: 'error',
  valid: [
    {
      name: 'on EC2, awslogs and public images need no execution role',
      document: EC2_BRIDGE_LINKS,
    },
    {
      name: 'the orders task with an executionRoleArn',
      document: edit(
        ORDERS,
        '"taskRoleArn"',
        '"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",\n  "taskRoleArn"',
      ),
    },
    {
      name: 'a bare container array (the roles are set elsewhere)',
      document:
        '[{ "name": "orders", "image": "shop/orders:4", "logConfiguration": { "logDriver": "awslogs" } }]',
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      // The ARN is the user's to give: a placeholder, never applied by --fix.
      name: 'a Fargate task with awslogs, a private ECR image and secrets: once per task, on the first need, the others related; the role goes right after family',
      document: ORDERS,
      findings: [
        {
          message: AWSLOGS_ON_FARGATE,
          underlined: '"awslogs"',
          container: 'orders',
          related: [
            {
              message: 'orders pulls its image from a private Amazon ECR repository',
              underlined: '"123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:4.0.0"',
            },
            {
              message: 'orders reads secrets from Secrets Manager or Parameter Store',
              underlined:
                '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db" }]',
            },
          ],
          fixes: [
            {
              title: ADD_ROLE,
              preferred: true,
              output: edit(ORDERS, '"family": "orders",\n', `"family": "orders",\n  ${ROLE},\n`),
            },
          ],
        },
      ],
    },
    {
      name: 'a tab-indented JSONC file with trailing commas',
      document: TABS,
      findings: [
        {
          message: AWSLOGS_ON_FARGATE,
          underlined: '"awslogs"',
          container: 'orders',
          fixes: [
            {
              title: ADD_ROLE,
              preferred: true,
              output: edit(TABS, '"family": "orders",\n', `"family": "orders",\n\t${ROLE},\n`),
            },
          ],
        },
      ],
    },
    {
      // The output is valid JSON: the comma goes after the array, none after the new property.
      name: 'family shares its line with other properties: the role is appended as the last property instead',
      document: FAMILY_SHARES_LINE,
      findings: [
        {
          message: AWSLOGS_ON_FARGATE,
          underlined: '"awslogs"',
          container: 'orders',
          fixes: [
            {
              title: ADD_ROLE,
              preferred: true,
              output: edit(FAMILY_SHARES_LINE, '} }]\n}', `} }],\n  ${ROLE}\n}`),
            },
          ],
        },
      ],
    },
    {
      name: 'on EC2, private registry credentials and log-driver secrets need the execution role',
      document: EC2,
      findings: [
        {
          message:
            /api uses private registry credentials, but the task definition has no executionRoleArn: ECS needs a task execution role/,
          messageExcludes: /on Fargate/,
          underlined:
            '{ "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry" }',
          container: 'api',
          related: [
            {
              message: 'shipper reads log-driver secrets (secretOptions)',
              underlined:
                '[{ "name": "splunk-token", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/splunk-token" }]',
            },
          ],
          fixes: [
            {
              title: ADD_ROLE,
              preferred: true,
              output: edit(
                EC2,
                '"family": "legacy-api",\n',
                `"family": "legacy-api",\n  ${ROLE},\n`,
              ),
            },
          ],
        },
      ],
    },
  ],
});
