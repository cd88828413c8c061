/**
 * Generated task definitions of a given size for benchmarks and load tests: rich containers
 * (environment, secrets, ports, health checks, log options, dependsOn, volumes) as real files have,
 * as task-definition JSON or as a YAML CloudFormation template of several.
 */
import { STYLES, templateOfAll } from '../test/support/templates';

function container(i: number, envPerContainer: number): Record<string, unknown> {
  const name = i === 0 ? 'init-config' : i === 1 ? 'log-router' : `service-${i}`;
  const base: Record<string, unknown> = {
    name,
    image:
      i === 0
        ? 'public.ecr.aws/aws-cli/aws-cli:2.17.0'
        : `123456789012.dkr.ecr.eu-west-1.amazonaws.com/service-${i}:1.${i}.0`,
    essential: i !== 0,
    cpu: 128,
    memory: 512,
    environment: Array.from({ length: envPerContainer }, (_, k) => ({
      name: `SETTING_${i}_${k}`,
      value: `value-${k}-${'x'.repeat(k % 40)}`,
    })),
    secrets: [
      {
        name: 'DB_PASSWORD',
        valueFrom: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-${i}`,
      },
    ],
    logConfiguration:
      i === 1
        ? {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/router',
              'awslogs-region': 'eu-west-1',
              'awslogs-stream-prefix': 'ecs',
            },
          }
        : {
            logDriver: 'awsfirelens',
            options: {
              Name: 'cloudwatch_logs',
              region: 'eu-west-1',
              log_group_name: `/ecs/service-${i}`,
              log_stream_prefix: 'app',
            },
          },
  };
  if (i === 0) {
    base.entryPoint = ['sh', '-c'];
    base.command = ['aws s3 cp s3://config-bucket/app.yaml /config/app.yaml'];
    base.mountPoints = [{ sourceVolume: 'config', containerPath: '/config' }];
  } else if (i === 1) {
    base.firelensConfiguration = {
      type: 'fluentbit',
      options: { 'enable-ecs-log-metadata': 'true' },
    };
  } else {
    base.portMappings = [{ containerPort: 8000 + i, protocol: 'tcp' }];
    base.healthCheck = {
      command: ['CMD-SHELL', `curl -f http://localhost:${8000 + i}/health || exit 1`],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 10,
    };
    base.dependsOn = [
      { containerName: 'init-config', condition: 'SUCCESS' },
      ...(i > 2 ? [{ containerName: `service-${i - 1}`, condition: 'HEALTHY' }] : []),
    ];
    base.mountPoints = [{ sourceVolume: 'config', containerPath: '/config', readOnly: true }];
  }
  return base;
}

/**
 * A task definition of about `targetBytes` bytes: 10 containers (ECS's maximum) from 12 KB up, the
 * rest environment variables; below that, as many containers as fit (a small real task has 2-3).
 */
export function generateTaskDefinition(
  targetBytes: number,
  containers = Math.max(2, Math.min(10, Math.floor(targetBytes / 1_200))),
): string {
  const make = (env: number) =>
    JSON.stringify(
      {
        family: 'generated',
        taskRoleArn: 'arn:aws:iam::123456789012:role/app',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '4096',
        memory: '8192',
        volumes: [{ name: 'config' }],
        containerDefinitions: Array.from({ length: containers }, (_, i) => container(i, env)),
      },
      null,
      2,
    );
  return ofSize(make, targetBytes);
}

/** The text `make(n)` of the least n (environment variables per container) that reaches the size. */
function ofSize(make: (env: number) => string, targetBytes: number): string {
  let low = 0;
  let high = 1;
  while (make(high).length < targetBytes) high *= 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (make(mid).length < targetBytes) low = mid + 1;
    else high = mid;
  }
  return make(low);
}

/**
 * A YAML CloudFormation template of about `targetBytes` bytes: task definitions of about 8 KB each
 * (10 containers as real services have), one resource each, until the size is reached.
 * CloudFormation takes 51,200 bytes in a direct upload and 1 MB from S3.
 */
export function generateTemplate(targetBytes: number): string {
  const task = JSON.parse(generateTaskDefinition(8_000)) as Record<string, unknown>;
  const style = STYLES['yaml block']!;
  const one = templateOfAll({ Service1: task }, style).length;
  const count = Math.max(1, Math.round(targetBytes / (one - 120)));
  const tasks: Record<string, unknown> = {};
  for (let i = 1; i <= count; i++) tasks[`Service${i}`] = { ...task, family: `service-${i}` };
  return templateOfAll(tasks, style);
}

/** HCL for a JSON value as people write it in jsonencode: one element per line, short lists inline. */
function hcl(value: unknown, indent: string): string {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object'))
      return `[${value.map((v) => hcl(v, inner)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${hcl(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k));
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)} = ${hcl(v, inner)}`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * A Terraform file of about `targetBytes` bytes as a service's main.tf looks: IAM roles, a log
 * group, and four task definitions with their services, each task's containers in jsonencode
 * (the same containers as generateTaskDefinition's, written as HCL; one image has no tag).
 */
export function generateTerraform(targetBytes: number, tasks = 4): string {
  const make = (env: number) => {
    const parts = [
      'resource "aws_iam_role" "execution" {\n  name               = "ecs-execution"\n  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json\n}\n',
      'resource "aws_iam_role" "task" {\n  name               = "app"\n  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json\n}\n',
      'resource "aws_cloudwatch_log_group" "router" {\n  name              = "/ecs/router"\n  retention_in_days = 30\n}\n',
    ];
    for (let t = 0; t < tasks; t++) {
      const containers = Array.from({ length: 5 }, (_, i) => container(i, env));
      // One image without a tag: a finding to publish (the bench waits for the parser by it).
      if (t === 0) containers[0]!.image = 'public.ecr.aws/aws-cli/aws-cli';
      parts.push(
        `resource "aws_ecs_task_definition" "service_${t}" {
  family                   = "service-${t}"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode(${hcl(containers, '  ')})

  volume {
    name = "config"
  }
}
`,
        `resource "aws_ecs_service" "service_${t}" {
  name            = "service-${t}"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.service_${t}.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}
`,
      );
    }
    return parts.join('\n');
  };
  return ofSize(make, targetBytes);
}
