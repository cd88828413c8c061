/**
 * Shared helpers for the rule tests: run one rule the way the engine runs it, read back the text a
 * finding underlines, apply a fix's edits to the whole text, and a set of correct task definitions
 * (written as they look in real repositories) on which a rule must stay silent.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  applyTextEdits,
  SourceText,
  type AnalysisOptions,
  type Finding,
  type Range,
} from '../../../server/src/engine/index';
import { ruleById } from '../../../server/src/engine/rules/index';

/** Findings of one rule, run on its own through analyze() (severity overrides still apply). */
export function findingsOf(
  id: string,
  text: string,
  options: Omit<AnalysisOptions, 'rules'> = {},
): Finding[] {
  const rule = ruleById(id);
  assert.ok(rule, `no rule "${id}" in the catalog`);
  const analysis = analyze(text, { ...options, rules: [rule] });
  assert.deepEqual(analysis.ruleFailures, [], `rule ${id} threw`);
  return analysis.findings.filter((f) => f.code === id);
}

/** The one finding of a rule on a text (fails when there are none or several). */
export function onlyFinding(
  id: string,
  text: string,
  options: Omit<AnalysisOptions, 'rules'> = {},
): Finding {
  const found = findingsOf(id, text, options);
  assert.equal(
    found.length,
    1,
    `expected exactly one ${id} finding, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`,
  );
  return found[0]!;
}

/** The text a range covers: what the editor underlines. */
export function underlined(text: string, range: Range): string {
  const source = new SourceText(text);
  return text.slice(source.offsetAt(range.start), source.offsetAt(range.end));
}

/** Apply one fix of a finding (by index or by exact title) and return the whole resulting text. */
export function applyFix(text: string, finding: Finding, which: number | string = 0): string {
  const fix =
    typeof which === 'number' ? finding.fixes[which] : finding.fixes.find((f) => f.title === which);
  assert.ok(
    fix,
    `finding ${finding.code} has no fix ${JSON.stringify(which)} (fixes: ${finding.fixes.map((f) => f.title).join(' | ')})`,
  );
  return applyTextEdits(text, fix.edits);
}

/** The rules these helpers' fixtures are known to be correct for. */
export const INIT_ORDER_RULES = [
  'dependency-unknown-container',
  'dependency-self',
  'dependency-cycle',
  'dependency-invalid-condition',
  'dependency-duplicate',
  'completion-condition-on-essential',
  'healthy-without-healthcheck',
  'essential-init-container',
  'init-not-awaited',
  'start-condition-on-init',
  'init-output-not-shared',
  'entrypoint-overrides-shell',
  'aws-cli-without-task-role',
  'awslogs-execution-role',
  'complete-ignores-exit-code',
] as const;

/** An init container done right: non-essential, awaited with SUCCESS, a shared volume, a shell entryPoint. */
export const INIT_DONE_RIGHT = `{
  "family": "my-app-with-init",
  "taskRoleArn": "arn:aws:iam::123456789012:role/my-app-task-role",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:2.17.0",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 cp s3://my-bucket/config.yaml /app/config/config.yaml && echo 'Setup complete'"],
      "mountPoints": [
        {
          "sourceVolume": "app-config",
          "containerPath": "/app/config"
        }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/my-app-with-init/init-setup",
          "awslogs-region": "eu-west-1",
          "awslogs-stream-prefix": "ecs"
        }
      }
    },
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "essential": true,
      "dependsOn": [
        {
          "containerName": "init-setup",
          "condition": "SUCCESS"
        }
      ],
      "command": ["python", "app.py", "--config", "/app/config/config.yaml"],
      "portMappings": [
        {
          "containerPort": 8080
        }
      ],
      "mountPoints": [
        {
          "sourceVolume": "app-config",
          "containerPath": "/app/config",
          "readOnly": true
        }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/my-app-with-init/app-container",
          "awslogs-region": "eu-west-1",
          "awslogs-stream-prefix": "ecs"
        }
      }
    }
  ],
  "volumes": [
    {
      "name": "app-config"
    }
  ],
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "1024",
  "memory": "2048"
}
`;

/** App Mesh: the app waits for a health-checked Envoy proxy with HEALTHY. */
export const ENVOY_HEALTHY = `{
  "family": "colorteller",
  "taskRoleArn": "arn:aws:iam::123456789012:role/colorteller-task",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "proxyConfiguration": {
    "type": "APPMESH",
    "containerName": "envoy",
    "properties": [
      { "name": "IgnoredUID", "value": "1337" },
      { "name": "ProxyIngressPort", "value": "15000" },
      { "name": "ProxyEgressPort", "value": "15001" },
      { "name": "AppPorts", "value": "9080" },
      { "name": "EgressIgnoredIPs", "value": "169.254.170.2,169.254.169.254" }
    ]
  },
  "containerDefinitions": [
    {
      "name": "app",
      "image": "123456789012.dkr.ecr.us-west-2.amazonaws.com/colorteller:1.4.2",
      "essential": true,
      "dependsOn": [
        { "containerName": "envoy", "condition": "HEALTHY" }
      ],
      "portMappings": [{ "containerPort": 9080, "protocol": "tcp" }]
    },
    {
      "name": "envoy",
      "image": "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.27.3.0-prod",
      "essential": true,
      "user": "1337",
      "environment": [
        { "name": "APPMESH_RESOURCE_ARN", "value": "arn:aws:appmesh:us-west-2:123456789012:mesh/demo/virtualNode/colorteller-vn" }
      ],
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"],
        "interval": 5,
        "timeout": 2,
        "retries": 3,
        "startPeriod": 10
      }
    }
  ]
}
`;

/** EC2, bridge networking: nginx links to the app (links already order the start). */
export const EC2_BRIDGE_LINKS = `{
  "family": "web-bridge",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "app",
      "image": "my-registry.example.com/shop/app:5.1.0",
      "memory": 512,
      "essential": true,
      "portMappings": [{ "containerPort": 3000 }],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/web-bridge",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "app"
        }
      }
    },
    {
      "name": "nginx",
      "image": "nginx:1.27-alpine",
      "memory": 128,
      "essential": true,
      "links": ["app:app"],
      "portMappings": [{ "containerPort": 80, "hostPort": 80 }]
    }
  ]
}
`;

/** \`aws ecs describe-task-definition\` output: the taskDefinition wrapper and the fields ECS adds. */
export const DESCRIBE_OUTPUT = `{
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/billing-api:42",
        "containerDefinitions": [
            {
                "name": "db-migrate",
                "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing-api:2024.11.3",
                "cpu": 0,
                "portMappings": [],
                "essential": false,
                "command": ["bundle", "exec", "rails", "db:migrate"],
                "environment": [],
                "mountPoints": [],
                "volumesFrom": [],
                "secrets": [
                    {
                        "name": "DATABASE_URL",
                        "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/billing/database-url"
                    }
                ],
                "systemControls": []
            },
            {
                "name": "api",
                "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing-api:2024.11.3",
                "cpu": 0,
                "portMappings": [
                    {
                        "containerPort": 3000,
                        "hostPort": 3000,
                        "protocol": "tcp"
                    }
                ],
                "essential": true,
                "environment": [],
                "mountPoints": [],
                "volumesFrom": [],
                "dependsOn": [
                    {
                        "containerName": "db-migrate",
                        "condition": "SUCCESS"
                    }
                ],
                "secrets": [
                    {
                        "name": "DATABASE_URL",
                        "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/billing/database-url"
                    }
                ],
                "systemControls": []
            }
        ],
        "family": "billing-api",
        "taskRoleArn": "arn:aws:iam::123456789012:role/billing-api",
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "networkMode": "awsvpc",
        "revision": 42,
        "volumes": [],
        "status": "ACTIVE",
        "requiresAttributes": [
            { "name": "com.amazonaws.ecs.capability.ecr-auth" },
            { "name": "ecs.capability.container-ordering" },
            { "name": "ecs.capability.secrets.ssm.environment-variables" }
        ],
        "placementConstraints": [],
        "compatibilities": ["EC2", "FARGATE"],
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "512",
        "memory": "1024",
        "registeredAt": "2024-11-20T10:14:03.512000+01:00",
        "registeredBy": "arn:aws:sts::123456789012:assumed-role/deploy/ci"
    },
    "tags": []
}
`;

/** JSONC with comments and trailing commas, as kept in a repository next to the deploy script. */
export const JSONC_COMMENTED = `// Task definition for the worker; rendered by deploy.sh (envsubst) before registration.
{
  "family": "report-worker",
  /* Roles are created by the platform stack. */
  "taskRoleArn": "arn:aws:iam::123456789012:role/report-worker",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "fetch-templates", // one-shot: downloads the report templates
      "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 sync s3://reports-templates/v3 /templates"],
      "mountPoints": [{ "sourceVolume": "templates", "containerPath": "/templates" }],
    },
    {
      "name": "worker",
      "image": "\${WORKER_IMAGE}",
      "essential": true,
      "dependsOn": [
        { "containerName": "fetch-templates", "condition": "SUCCESS" }, // wait for the download
      ],
      "command": ["node", "worker.js", "--templates", "/templates"],
      "mountPoints": [{ "sourceVolume": "templates", "containerPath": "/templates", "readOnly": true }],
    },
  ],
  "volumes": [{ "name": "templates" }],
}
`;

/** A one-container migration task run with \`aws ecs run-task\`: essential, and rightly so. */
export const MIGRATION_SINGLE = `{
  "family": "orders-db-migrate",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10.21",
      "essential": true,
      "command": ["-url=jdbc:postgresql://orders-db.internal:5432/orders", "-user=flyway", "migrate"],
      "secrets": [
        { "name": "FLYWAY_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/flyway" }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/orders-db-migrate",
          "awslogs-region": "eu-west-1",
          "awslogs-stream-prefix": "migrate"
        }
      }
    }
  ]
}
`;

/** The app with a Datadog agent sidecar (health-checked, waited for with HEALTHY). */
export const DATADOG_SIDECAR = `{
  "family": "payments",
  "taskRoleArn": "arn:aws:iam::123456789012:role/payments",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [
    {
      "name": "payments",
      "image": "123456789012.dkr.ecr.eu-central-1.amazonaws.com/payments:7.2.0",
      "essential": true,
      "dependsOn": [{ "containerName": "datadog-agent", "condition": "HEALTHY" }],
      "environment": [
        { "name": "DD_SERVICE", "value": "payments" },
        { "name": "DD_AGENT_HOST", "value": "localhost" }
      ],
      "portMappings": [{ "containerPort": 8080 }],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/payments",
          "awslogs-region": "eu-central-1",
          "awslogs-stream-prefix": "payments"
        }
      }
    },
    {
      "name": "datadog-agent",
      "image": "public.ecr.aws/datadog/agent:7.57.0",
      "essential": true,
      "environment": [
        { "name": "ECS_FARGATE", "value": "true" },
        { "name": "DD_APM_ENABLED", "value": "true" }
      ],
      "secrets": [
        { "name": "DD_API_KEY", "valueFrom": "arn:aws:secretsmanager:eu-central-1:123456789012:secret:datadog-api-key" }
      ],
      "portMappings": [{ "containerPort": 8126, "protocol": "tcp" }],
      "healthCheck": {
        "command": ["CMD-SHELL", "agent health"],
        "interval": 30,
        "timeout": 5,
        "retries": 3,
        "startPeriod": 15
      }
    }
  ]
}
`;

/** A FireLens log router (Fluent Bit) that the app logs through; ECS orders them on its own. */
export const FIRELENS_ROUTER = `{
  "family": "catalog",
  "taskRoleArn": "arn:aws:iam::123456789012:role/catalog",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "log_router",
      "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4",
      "essential": true,
      "firelensConfiguration": {
        "type": "fluentbit",
        "options": { "enable-ecs-log-metadata": "true" }
      },
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/catalog/firelens",
          "awslogs-region": "eu-west-1",
          "awslogs-stream-prefix": "firelens"
        }
      },
      "memoryReservation": 50
    },
    {
      "name": "catalog",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/catalog:3.0.1",
      "essential": true,
      "portMappings": [{ "containerPort": 8080 }],
      "logConfiguration": {
        "logDriver": "awsfirelens",
        "options": {
          "Name": "cloudwatch_logs",
          "region": "eu-west-1",
          "log_group_name": "/ecs/catalog/app",
          "log_stream_prefix": "app-",
          "auto_create_group": "true"
        }
      }
    }
  ]
}
`;

/** Correct task definitions: none of the init-order rules may report anything on them. */
export const CORRECT_FIXTURES: Record<string, string> = {
  'init container done right (non-essential, SUCCESS, shared volume, entryPoint)': INIT_DONE_RIGHT,
  'HEALTHY on a health-checked Envoy proxy': ENVOY_HEALTHY,
  'EC2 bridge task with links': EC2_BRIDGE_LINKS,
  'describe-task-definition output': DESCRIBE_OUTPUT,
  'JSONC with comments and trailing commas': JSONC_COMMENTED,
  'single-container migration task (essential)': MIGRATION_SINGLE,
  'Datadog agent sidecar': DATADOG_SIDECAR,
  'FireLens log router': FIRELENS_ROUTER,
};

/** The shared correct fixtures: files in test/fixtures/good, as they look in repositories and consoles. */
export const GOOD_FIXTURE_DIR = 'test/fixtures/good';

export const GOOD_FIXTURES: Record<string, string> = Object.fromEntries(
  readdirSync(GOOD_FIXTURE_DIR)
    .filter((f) => /\.(json|jsonc)$/.test(f))
    .sort()
    .map((f) => [`good/${f}`, readFileSync(join(GOOD_FIXTURE_DIR, f), 'utf8')]),
);

/** Every correct task definition the rule tests know: the inline ones above and test/fixtures/good. */
export const ALL_CORRECT: Record<string, string> = { ...CORRECT_FIXTURES, ...GOOD_FIXTURES };
