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
