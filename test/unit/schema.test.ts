/**
 * schemas/task-definition.schema.json: it is what scripts/generate-schema.ts generates; it accepts
 * every task definition we ship or test with (JSONC, nulls, placeholders, describe output, container
 * arrays) and rejects the usual mistakes at the right place; it matches the ECS API model in
 * @aws-sdk/client-ecs field for field and enum for enum; and VS Code's own JSON service runs it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { test } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse, type ParseError } from 'jsonc-parser';
import { getLanguageService, type JSONSchema, TextDocument } from 'vscode-json-languageservice';
import { schemaText } from '../../scripts/generate-schema';
import { isPlaceholder } from '../../server/src/engine/index';
import {
  apiEnumValues,
  compareWithApiModel,
  hasApiEnum,
  type Kind,
  taskDefinitionStructure,
} from '../support/ecsApiModel';

const SCHEMA_FILE = 'schemas/task-definition.schema.json';
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
const definitions = schema.definitions as Record<string, Schema>;

interface Schema {
  [keyword: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// ajv, strict, knowing VS Code's extra annotation keywords (so a misspelt keyword in the schema
// itself still fails to compile).

const ajv = new Ajv({ allErrors: true, strict: true });
for (const keyword of [
  'markdownDescription',
  'defaultSnippets',
  'patternErrorMessage',
  'markdownEnumDescriptions',
])
  ajv.addKeyword(keyword);
const validateRoot = ajv.compile(schema);

function validator(definition?: string): ValidateFunction {
  if (!definition) return validateRoot;
  const fn = ajv.getSchema(`${schema.$id as string}#/definitions/${definition}`);
  assert.ok(fn, `no definition ${definition}`);
  return fn;
}

/** Errors at the deepest places: drops the errors of enclosing anyOf/oneOf branches. */
function leafErrors(errors: ErrorObject[]): ErrorObject[] {
  const paths = errors.map((e) => e.instancePath);
  return errors.filter((e) => !paths.some((p) => p.startsWith(`${e.instancePath}/`)));
}

function errorsOf(value: unknown, definition?: string): ErrorObject[] {
  const validate = validator(definition);
  return validate(value) ? [] : leafErrors(validate.errors ?? []);
}

function describeErrors(errors: ErrorObject[]): string {
  return errors
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('\n');
}

function assertValid(value: unknown, definition?: string): void {
  const errors = errorsOf(value, definition);
  assert.equal(errors.length, 0, describeErrors(errors));
}

/** Invalid, with every remaining error at `path` and one of them of `keyword` (and `params`). */
function assertRejected(
  value: unknown,
  path: string,
  keyword: string,
  params: Record<string, unknown> = {},
): void {
  const errors = errorsOf(value);
  assert.ok(errors.length > 0, `expected an error at ${path}`);
  assert.deepEqual([...new Set(errors.map((e) => e.instancePath))], [path], describeErrors(errors));
  assert.ok(
    errors.some(
      (e) =>
        e.keyword === keyword &&
        Object.entries(params).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v),
    ),
    `no ${keyword} error ${JSON.stringify(params)} at ${path}:\n${describeErrors(errors)}`,
  );
}

function parseJsonc(text: string): { value: unknown; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { value, errors };
}

// ---------------------------------------------------------------------------------------------
// The generator

test('the committed schema is what scripts/generate-schema.ts generates from the field table (run it after editing)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), schemaText());
});

test('the schema is draft-07, allows a top-level "$schema", and accepts the three root forms', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(
    (schema.oneOf as Schema[]).map((s) => s.$ref ?? s.type),
    ['#/definitions/TaskDefinition', '#/definitions/DescribeTaskDefinitionResponse', 'array'],
  );
  assertValid({
    $schema: schema.$id,
    family: 'a',
    containerDefinitions: [{ name: 'a', image: 'b' }],
  });
  assertValid({
    $schema: schema.$id,
    taskDefinition: { family: 'a', containerDefinitions: [{ name: 'a', image: 'b' }] },
  });
});

// ---------------------------------------------------------------------------------------------
// (1) Every task definition in the repository (examples/ and test/fixtures/), the seed included.

/**
 * Files that are schema-invalid on purpose but not named so, with the places of their errors.
 * Prefer a `schema-invalid` folder or name segment for new ones.
 */
const KNOWN_SCHEMA_INVALID: Record<string, string[]> = {
  // The broken start-order example (and its copy for the language-server tests) has
  // "condition": "success" (lower case), which ECS rejects; dependency-invalid-condition fixes it.
  'examples/broken-start-order-task-def.json': ['/containerDefinitions/1/dependsOn/0/condition'],
  'test/fixtures/lsp/broken-start-order-task-def.jsonc': [
    '/containerDefinitions/1/dependsOn/0/condition',
  ],
};

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(json|jsonc|json\.tpl)$/.test(entry)) yield path;
  }
}

/** A task definition, describe output, or container array; anything else is not ours to judge. */
function isTaskDefinitionLike(value: unknown): boolean {
  if (Array.isArray(value)) {
    return (
      value.length > 0 &&
      value.every((c) => c !== null && typeof c === 'object' && !Array.isArray(c)) &&
      value.some((c) => 'name' in c || 'image' in c)
    );
  }
  return (
    value !== null &&
    typeof value === 'object' &&
    ['containerDefinitions', 'taskDefinition', 'family'].some((k) => k in value)
  );
}

const markedInvalid = (path: string) => /(^|[/\\._-])schema-invalid([/\\._-]|$)/.test(path);

const fileCases: { path: string; value: unknown }[] = [];
for (const path of [...walk('examples'), ...walk(join('test', 'fixtures'))]) {
  const { value, errors } = parseJsonc(readFileSync(path, 'utf8'));
  // Templates that are not JSON until rendered (e.g. `"cpu": ${cpu}`) cannot be validated.
  if (errors.length === 0 && isTaskDefinitionLike(value))
    fileCases.push({ path: path.split(sep).join('/'), value });
}

for (const { path, value } of fileCases) {
  const known = KNOWN_SCHEMA_INVALID[path];
  if (known) {
    test(`${path} is rejected exactly where it is known to be wrong`, () => {
      assert.deepEqual(
        [...new Set(errorsOf(value).map((e) => e.instancePath))].sort(),
        [...known].sort(),
      );
    });
  } else if (markedInvalid(path)) {
    test(`${path} is rejected (schema-invalid)`, () =>
      assert.ok(errorsOf(value).length > 0, 'expected schema errors'));
  } else {
    test(`${path} is valid`, () => assertValid(value));
  }
}

test('examples/ holds task definitions to check', () => {
  assert.ok(
    fileCases.some((c) => c.path.startsWith('examples/')),
    'no task definition found under examples/',
  );
});

// ---------------------------------------------------------------------------------------------
// Our own good task definitions.

const FARGATE_FIRELENS = {
  family: 'orders',
  taskRoleArn: 'arn:aws:iam::123456789012:role/orders',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '1 vCPU',
  memory: '2 GB',
  runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
  ephemeralStorage: { sizeInGiB: 50 },
  enableFaultInjection: false,
  containerDefinitions: [
    {
      name: 'log_router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      essential: true,
      firelensConfiguration: {
        type: 'fluentbit',
        options: {
          'enable-ecs-log-metadata': 'true',
          'config-file-type': 'file',
          'config-file-value': '/fluent-bit/configs/parse-json.conf',
        },
      },
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/orders/firelens',
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'firelens',
        },
      },
      memoryReservation: 50,
      user: '0',
    },
    {
      name: 'migrate',
      image:
        '123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:94afd1f2e64d908bc90dbca0035a5b567e94afd1f2e64d908bc90dbca0035a5b',
      essential: false,
      entryPoint: ['sh', '-c'],
      command: ['./migrate up'],
      secrets: [
        {
          name: 'DATABASE_URL',
          valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db:url::',
        },
      ],
      environmentFiles: [{ value: 'arn:aws:s3:::orders-config/migrate.env', type: 's3' }],
      logConfiguration: {
        logDriver: 'awsfirelens',
        options: {
          Name: 'cloudwatch_logs',
          region: 'eu-west-1',
          log_group_name: '/ecs/orders/migrate',
        },
      },
      stopTimeout: 60,
    },
    {
      name: 'api',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:2.4.1',
      essential: true,
      versionConsistency: 'enabled',
      dependsOn: [
        { containerName: 'migrate', condition: 'SUCCESS' },
        { containerName: 'log_router', condition: 'START' },
      ],
      portMappings: [
        { containerPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' },
        { containerPortRange: '9000-9010', protocol: 'udp' },
      ],
      environment: [{ name: 'PORT', value: '8080' }],
      mountPoints: [
        { sourceVolume: 'shared', containerPath: '/shared', readOnly: true },
        { sourceVolume: 'efs', containerPath: '/data' },
      ],
      healthCheck: {
        command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
        interval: 10,
        timeout: 2,
        retries: 10,
        startPeriod: 300,
      },
      restartPolicy: { enabled: true, ignoredExitCodes: [0], restartAttemptPeriod: 60 },
      linuxParameters: {
        initProcessEnabled: true,
        capabilities: { add: ['SYS_PTRACE'], drop: ['NET_RAW'] },
      },
      ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 65535 }],
      systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }],
      readonlyRootFilesystem: true,
      startTimeout: 120,
      logConfiguration: {
        logDriver: 'awsfirelens',
        options: { Name: 'cloudwatch_logs' },
        secretOptions: [
          { name: 'apikey', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/apikey' },
        ],
      },
    },
  ],
  volumes: [
    { name: 'shared', host: {} },
    {
      name: 'efs',
      efsVolumeConfiguration: {
        fileSystemId: 'fs-12345678',
        rootDirectory: '/',
        transitEncryption: 'ENABLED',
        transitEncryptionPort: 2999,
        authorizationConfig: { accessPointId: 'fsap-1234', iam: 'ENABLED' },
      },
    },
    {
      name: 'files',
      s3filesVolumeConfiguration: {
        fileSystemArn: 'arn:aws:s3files:eu-west-1:123456789012:file-system/fs-1',
        accessPointArn: 'arn:aws:s3files:eu-west-1:123456789012:access-point/ap-1',
      },
    },
    { name: 'ebs', configuredAtLaunch: true },
  ],
  tags: [{ key: 'team', value: 'orders' }],
};

const EC2_BRIDGE_LINKS = {
  family: 'legacy-web',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  cpu: 2048,
  memory: 4096,
  pidMode: 'host',
  ipcMode: 'task',
  placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g5.*' }],
  inferenceAccelerators: [{ deviceName: 'device_1', deviceType: 'eia2.medium' }],
  containerDefinitions: [
    {
      name: 'db',
      image: 'postgres:16',
      memory: 1024,
      memoryReservation: 512,
      essential: true,
      mountPoints: [{ sourceVolume: 'pgdata', containerPath: '/var/lib/postgresql/data' }],
      linuxParameters: {
        sharedMemorySize: 256,
        tmpfs: [{ containerPath: '/run', size: 64, mountOptions: ['noexec', 'nosuid'] }],
        devices: [
          {
            hostPath: '/dev/fuse',
            containerPath: '/dev/fuse',
            permissions: ['read', 'write', 'mknod'],
          },
        ],
        maxSwap: 512,
        swappiness: 10,
      },
      ulimits: [{ name: 'memlock', softLimit: -1, hardLimit: -1 }],
    },
    {
      name: 'web',
      image: 'nginx:1.27',
      cpu: 256,
      memory: 512,
      links: ['db:database'],
      portMappings: [{ containerPort: 80, hostPort: 0 }],
      volumesFrom: [{ sourceContainer: 'db', readOnly: true }],
      hostname: 'web',
      extraHosts: [{ hostname: 'metadata', ipAddress: '169.254.169.254' }],
      dnsServers: ['10.0.0.2'],
      dnsSearchDomains: ['corp.example'],
      dockerLabels: { 'com.example.team': 'web' },
      dockerSecurityOptions: ['no-new-privileges'],
      privileged: false,
      disableNetworking: false,
      interactive: false,
      pseudoTerminal: false,
      workingDirectory: '/srv',
      resourceRequirements: [
        { type: 'GPU', value: '1' },
        { type: 'InferenceAccelerator', value: 'device_1' },
      ],
      repositoryCredentials: {
        credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub',
      },
      logConfiguration: { logDriver: 'json-file', options: { 'max-size': '10m' } },
    },
    {
      name: 'gpu-worker',
      image: 'worker:1',
      memory: 2048,
      essential: false,
      resourceRequirements: [
        { type: 'GPU', sharingStrategy: { nvidiaMps: { memory: 4096, maxComputePercent: 50 } } },
      ],
      credentialSpecs: [
        'credentialspecdomainless:arn:aws:ssm:eu-west-1:123456789012:parameter/gmsa',
      ],
    },
  ],
  volumes: [
    {
      name: 'pgdata',
      dockerVolumeConfiguration: {
        scope: 'shared',
        autoprovision: true,
        driver: 'local',
        driverOpts: { type: 'none' },
        labels: { app: 'db' },
      },
    },
    { name: 'logs', host: { sourcePath: '/var/log/web' } },
    {
      name: 'winshare',
      fsxWindowsFileServerVolumeConfiguration: {
        fileSystemId: 'fs-0eeb5730b2EXAMPLE',
        rootDirectory: 'share',
        authorizationConfig: {
          credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:fsx',
          domain: 'corp.example.com',
        },
      },
    },
  ],
};

const APP_MESH = {
  family: 'mesh',
  networkMode: 'awsvpc',
  proxyConfiguration: {
    type: 'APPMESH',
    containerName: 'envoy',
    properties: [
      { name: 'IgnoredUID', value: '1337' },
      { name: 'ProxyIngressPort', value: '15000' },
      { name: 'AppPorts', value: '8080' },
    ],
  },
  containerDefinitions: [
    {
      name: 'envoy',
      image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
      user: '1337',
      essential: true,
    },
    { name: 'app', image: 'app:1', dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }] },
  ],
};

// As printed by `aws ecs describe-task-definition --include TAGS`, with console-style nulls.
const DESCRIBE_WITH_NULLS = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/orders:7',
    containerDefinitions: [
      {
        name: 'api',
        image: 'orders:2',
        cpu: 0,
        portMappings: [],
        essential: true,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
        dependsOn: null,
        healthCheck: null,
        linuxParameters: null,
        memory: null,
        logConfiguration: { logDriver: 'awslogs', options: null, secretOptions: null },
      },
    ],
    family: 'orders',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    networkMode: 'awsvpc',
    revision: 7,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      {
        name: 'ecs.capability.task-eni',
        value: null,
        targetType: 'container-instance',
        targetId: null,
      },
    ],
    placementConstraints: [],
    compatibilities: ['EC2', 'FARGATE'],
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    pidMode: null,
    registeredAt: '2025-03-14T09:26:53.123000+01:00',
    deregisteredAt: 1741940813.123,
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/deployer/ci',
    taskRoleArn: null,
  },
  tags: [{ key: 'team', value: 'orders' }],
};

// Terraform `container_definitions`, templated.
const CONTAINER_ARRAY_WITH_PLACEHOLDERS = [
  {
    name: '${service_name}',
    image: '${repository_url}:${image_tag}',
    cpu: '${CPU}',
    memory: '{{memory}}',
    memoryReservation: '<MEMORY_RESERVATION>',
    essential: '$$$ESSENTIAL$$$',
    portMappings: [{ containerPort: '#{port}', hostPort: '$HOST_PORT', protocol: '${protocol}' }],
    dependsOn: [{ containerName: 'init-${env}', condition: '{{ .Values.condition }}' }],
    healthCheck: { command: ['CMD', 'true'], retries: '${RETRIES}' },
    logConfiguration: {
      logDriver: '${log_driver}',
      options: { 'awslogs-group': '/ecs/${service_name}' },
    },
  },
  { name: 'init-${env}', image: 'busybox', essential: false, command: ['true'] },
];

const GOOD: Record<string, unknown> = {
  'a Fargate task with a FireLens router': FARGATE_FIRELENS,
  'an EC2 bridge task with links': EC2_BRIDGE_LINKS,
  'an App Mesh task': APP_MESH,
  'describe output with nulls': DESCRIBE_WITH_NULLS,
  'a container array with placeholders': CONTAINER_ARRAY_WITH_PLACEHOLDERS,
};

for (const [label, value] of Object.entries(GOOD)) {
  test(`valid: ${label}`, () => assertValid(value));
}

test('valid: JSONC with comments and trailing commas, once parsed', () => {
  const { value, errors } = parseJsonc(`// deploy/taskdef.jsonc
  {
    "family": "web", /* the service name */
    "containerDefinitions": [
      { "name": "web", "image": "nginx:1.27", }, // trailing comma
    ],
  }`);
  assert.deepEqual(errors, []);
  assertValid(value);
});

test('task cpu and memory: integers, numeric strings, "1 vCPU" and "2 GB" forms', () => {
  const task = (cpu: unknown, memory: unknown) => ({
    family: 'a',
    cpu,
    memory,
    containerDefinitions: [{ name: 'a', image: 'b' }],
  });
  for (const [cpu, memory] of [
    [256, 512],
    ['256', '512'],
    ['1 vCPU', '2 GB'],
    ['.25 vcpu', '0.5GB'],
    ['2 VCPU', '4gb'],
    ['${CPU}', '{{ memory }}'],
    [null, null],
  ]) {
    assertValid(task(cpu, memory));
  }
  assertRejected(task('1024m', '512'), '/cpu', 'pattern');
  assertRejected(task('1024', '2 GiBs'), '/memory', 'pattern');
  assertRejected(task(1.5, '512'), '/cpu', 'type');
  assertRejected(task('256', true), '/memory', 'type');
});

// ---------------------------------------------------------------------------------------------
// (2) Usual mistakes, each at its place.

const withContainer = (container: Record<string, unknown>) => ({
  family: 'app',
  containerDefinitions: [{ name: 'app', image: 'app:1', ...container }],
});

test('rejected: a misspelt container field ("esential")', () => {
  assertRejected(
    withContainer({ esential: false }),
    '/containerDefinitions/0',
    'additionalProperties',
    { additionalProperty: 'esential' },
  );
});

test('rejected: a misspelt task field ("netwrokMode")', () => {
  const errors = errorsOf({
    family: 'a',
    netwrokMode: 'awsvpc',
    containerDefinitions: [{ name: 'a', image: 'b' }],
  });
  assert.ok(
    errors.some(
      (e) =>
        e.instancePath === '' &&
        e.keyword === 'additionalProperties' &&
        e.params.additionalProperty === 'netwrokMode',
    ),
    describeErrors(errors),
  );
});

test('rejected: a misspelt field in describe output', () => {
  const describe = { taskDefinition: { ...DESCRIBE_WITH_NULLS.taskDefinition, revison: 7 } };
  assertRejected(describe, '/taskDefinition', 'additionalProperties', {
    additionalProperty: 'revison',
  });
});

test('rejected: "condition": "success" (conditions are upper case)', () => {
  assertRejected(
    withContainer({ dependsOn: [{ containerName: 'x', condition: 'success' }] }),
    '/containerDefinitions/0/dependsOn/0/condition',
    // A pattern, not an enum: the language server completes conditions (see below).
    'pattern',
  );
});

test('rejected: "networkMode": "default"', () => {
  assertRejected(
    { family: 'a', networkMode: 'default', containerDefinitions: [{ name: 'a', image: 'b' }] },
    '/networkMode',
    'enum',
  );
});

test('rejected: other wrong enum values (log driver, protocol, compatibility, ulimit)', () => {
  assertRejected(
    withContainer({ logConfiguration: { logDriver: 'cloudwatch' } }),
    '/containerDefinitions/0/logConfiguration/logDriver',
    'enum',
  );
  assertRejected(
    withContainer({ portMappings: [{ containerPort: 80, protocol: 'TCP' }] }),
    '/containerDefinitions/0/portMappings/0/protocol',
    'enum',
  );
  assertRejected(
    {
      family: 'a',
      requiresCompatibilities: ['fargate'],
      containerDefinitions: [{ name: 'a', image: 'b' }],
    },
    '/requiresCompatibilities/0',
    'enum',
  );
  assertRejected(
    withContainer({ ulimits: [{ name: 'nofiles', softLimit: 1, hardLimit: 1 }] }),
    '/containerDefinitions/0/ulimits/0/name',
    'enum',
  );
});

test('rejected: a string where a number belongs ("containerPort": "8080")', () => {
  assertRejected(
    withContainer({ portMappings: [{ containerPort: '8080' }] }),
    '/containerDefinitions/0/portMappings/0/containerPort',
    'type',
    { type: 'integer' },
  );
});

test('rejected: a string where a boolean belongs ("essential": "false")', () => {
  assertRejected(
    withContainer({ essential: 'false' }),
    '/containerDefinitions/0/essential',
    'type',
    { type: 'boolean' },
  );
});

test('rejected: healthCheck retries 11, and the other health-check bounds', () => {
  const hc = (extra: Record<string, unknown>) =>
    withContainer({ healthCheck: { command: ['CMD', 'true'], ...extra } });
  assertRejected(hc({ retries: 11 }), '/containerDefinitions/0/healthCheck/retries', 'maximum', {
    limit: 10,
  });
  assertRejected(hc({ retries: 0 }), '/containerDefinitions/0/healthCheck/retries', 'minimum', {
    limit: 1,
  });
  assertRejected(hc({ interval: 4 }), '/containerDefinitions/0/healthCheck/interval', 'minimum', {
    limit: 5,
  });
  assertRejected(hc({ interval: 301 }), '/containerDefinitions/0/healthCheck/interval', 'maximum', {
    limit: 300,
  });
  assertRejected(hc({ timeout: 1 }), '/containerDefinitions/0/healthCheck/timeout', 'minimum', {
    limit: 2,
  });
  assertRejected(hc({ timeout: 61 }), '/containerDefinitions/0/healthCheck/timeout', 'maximum', {
    limit: 60,
  });
  assertRejected(
    hc({ startPeriod: 301 }),
    '/containerDefinitions/0/healthCheck/startPeriod',
    'maximum',
    { limit: 300 },
  );
  assertRejected(
    withContainer({ healthCheck: { interval: 30 } }),
    '/containerDefinitions/0/healthCheck',
    'required',
    { missingProperty: 'command' },
  );
});

test('rejected: other numeric ranges (ephemeral storage, restart period, swappiness, port)', () => {
  assertRejected(
    {
      family: 'a',
      ephemeralStorage: { sizeInGiB: 20 },
      containerDefinitions: [{ name: 'a', image: 'b' }],
    },
    '/ephemeralStorage/sizeInGiB',
    'minimum',
  );
  assertRejected(
    withContainer({ restartPolicy: { enabled: true, restartAttemptPeriod: 30 } }),
    '/containerDefinitions/0/restartPolicy/restartAttemptPeriod',
    'minimum',
  );
  assertRejected(
    withContainer({ linuxParameters: { swappiness: 101 } }),
    '/containerDefinitions/0/linuxParameters/swappiness',
    'maximum',
  );
  assertRejected(
    withContainer({ portMappings: [{ containerPort: 70000 }] }),
    '/containerDefinitions/0/portMappings/0/containerPort',
    'maximum',
  );
});

test('rejected: a container without "name" or "image" (required by the Developer Guide)', () => {
  assertRejected(
    { family: 'a', containerDefinitions: [{ image: 'b' }] },
    '/containerDefinitions/0',
    'required',
    { missingProperty: 'name' },
  );
  assertRejected(
    { family: 'a', containerDefinitions: [{ name: 'a' }] },
    '/containerDefinitions/0',
    'required',
    { missingProperty: 'image' },
  );
  assertRejected([{ name: 'a' }], '/0', 'required', { missingProperty: 'image' });
});

test('rejected: a task definition without family or containers, and more than 10 containers', () => {
  let errors = errorsOf({ containerDefinitions: [{ name: 'a', image: 'b' }] });
  assert.ok(
    errors.some((e) => e.keyword === 'required' && e.params.missingProperty === 'family'),
    describeErrors(errors),
  );
  errors = errorsOf({ family: 'a', containerDefinitions: [] });
  assert.ok(
    errors.some((e) => e.instancePath === '/containerDefinitions' && e.keyword === 'minItems'),
    describeErrors(errors),
  );
  const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: 'b' }));
  assertRejected(
    { family: 'a', containerDefinitions: eleven },
    '/containerDefinitions',
    'maxItems',
  );
});

test('rejected: null for a required field, and names with invalid characters', () => {
  assertRejected(withContainer({ name: null }), '/containerDefinitions/0/name', 'type');
  assertRejected(
    withContainer({ dependsOn: [{ containerName: 'x', condition: null }] }),
    '/containerDefinitions/0/dependsOn/0/condition',
    'type',
  );
  assertRejected(withContainer({ name: 'my app' }), '/containerDefinitions/0/name', 'pattern');
  assertRejected(
    { family: 'my.family', containerDefinitions: [{ name: 'a', image: 'b' }] },
    '/family',
    'pattern',
  );
});

test('rejected: non-string values in string maps and environment', () => {
  assertRejected(
    withContainer({
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-create-group': true } },
    }),
    '/containerDefinitions/0/logConfiguration/options/awslogs-create-group',
    'type',
  );
  assertRejected(
    withContainer({ environment: [{ name: 'PORT', value: 8080 }] }),
    '/containerDefinitions/0/environment/0/value',
    'type',
  );
});

// ---------------------------------------------------------------------------------------------
// Placeholders and nulls

const WHOLE_PLACEHOLDERS = [
  '${MEMORY}',
  '${var.memory}',
  '{{memory}}',
  '{{ .Values.memory }}',
  '<MEMORY>',
  '$$$MEMORY$$$',
  '#{memory}',
  '$MEMORY',
  ' ${MEMORY} ',
];
const NOT_PLACEHOLDERS = [
  'MEMORY',
  '512',
  '${MEMORY',
  '{{}}',
  '{memory}',
  'x${MEMORY}',
  '${A}-${B}',
  '<>',
  '$$MEMORY$$',
  '#memory',
  '$memory',
  'success',
  'default',
  'ture',
];

test('the placeholder definition matches only whole-string placeholders, like the engine', () => {
  const placeholder = validator('placeholder');
  for (const s of WHOLE_PLACEHOLDERS) {
    assert.ok(placeholder(s), `${s} should be a placeholder`);
    assert.ok(isPlaceholder(s), `the engine should agree that ${s} is a placeholder`);
  }
  for (const s of NOT_PLACEHOLDERS) {
    assert.ok(!placeholder(s), `${s} should not be a placeholder`);
    assert.ok(!isPlaceholder(s), `the engine should agree that ${s} is not a placeholder`);
  }
});

test('a whole placeholder is accepted wherever a number, boolean or enum value is expected; typos are not', () => {
  for (const p of WHOLE_PLACEHOLDERS) {
    assertValid(
      withContainer({
        memory: p,
        essential: p,
        portMappings: [{ containerPort: p, protocol: p }],
        dependsOn: [{ containerName: 'x', condition: p }],
      }),
    );
    assertValid({
      family: 'a',
      networkMode: p,
      requiresCompatibilities: [p],
      cpu: p,
      memory: p,
      containerDefinitions: [{ name: p, image: p }],
    });
  }
  assertRejected(withContainer({ memory: '${MEMORY' }), '/containerDefinitions/0/memory', 'type');
  assertRejected(withContainer({ essential: 'ture' }), '/containerDefinitions/0/essential', 'type');
  assertRejected(
    withContainer({ dependsOn: [{ containerName: 'x', condition: 'START ${X}' }] }),
    '/containerDefinitions/0/dependsOn/0/condition',
    // A pattern, not an enum: the language server completes conditions (see below).
    'pattern',
  );
});

/** Every property of every object definition, with whether it is required. */
function* allProperties(): Generator<{
  shape: string;
  member: string;
  prop: Schema;
  required: boolean;
}> {
  for (const [shape, def] of Object.entries(definitions)) {
    if (def.type !== 'object') continue;
    const required = (def.required as string[] | undefined) ?? [];
    for (const [member, prop] of Object.entries(def.properties as Record<string, Schema>))
      yield { shape, member, prop, required: required.includes(member) };
  }
}

test('every optional property accepts null, no required property does', () => {
  const acceptsNull = (prop: Schema) =>
    ((prop.anyOf as Schema[] | undefined) ?? []).some((s) => s.type === 'null');
  const wrong = [...allProperties()].filter(
    ({ prop, required, member }) => member !== '$schema' && acceptsNull(prop) === required,
  );
  assert.deepEqual(
    wrong.map((w) => `${w.shape}.${w.member}`),
    [],
  );
});

test('every property has a short description and a markdownDescription linking to the AWS reference', () => {
  const problems: string[] = [];
  for (const { shape, member, prop } of allProperties()) {
    const where = `${shape}.${member}`;
    if (
      typeof prop.description !== 'string' ||
      prop.description.length === 0 ||
      prop.description.length > 240
    )
      problems.push(`${where}: description`);
    if (member === '$schema') continue;
    const md = prop.markdownDescription;
    if (
      typeof md !== 'string' ||
      !/\]\(https:\/\/docs\.aws\.amazon\.com\/AmazonECS\/latest\/APIReference\/API_\w+\.html#ECS-[\w-]+\)$/.test(
        md,
      )
    )
      problems.push(`${where}: markdownDescription link`);
  }
  assert.deepEqual(problems, []);
});

/** A defaultSnippets body as VS Code inserts it when every tab stop keeps its default. */
function expandSnippet(body: unknown): unknown {
  if (typeof body === 'string') {
    const text = body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}/g, 'x');
    return text.startsWith('^') ? JSON.parse(text.slice(1)) : text;
  }
  if (Array.isArray(body)) return body.map(expandSnippet);
  if (body && typeof body === 'object')
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, expandSnippet(v)]));
  return body;
}

test('every defaultSnippet, expanded with its defaults, is valid', () => {
  let count = 0;
  for (const [shape, def] of Object.entries(definitions)) {
    for (const snippet of (def.defaultSnippets as { label: string; body: unknown }[] | undefined) ??
      []) {
      const errors = errorsOf(expandSnippet(snippet.body), shape);
      assert.equal(errors.length, 0, `${shape} "${snippet.label}":\n${describeErrors(errors)}`);
      count++;
    }
  }
  assert.ok(count >= 10, `only ${count} snippets`);
});

// ---------------------------------------------------------------------------------------------
// (3) The ECS API model (test/support/ecsApiModel.ts), compared both ways with the schema's
// definitions of the same names.

/** The alternatives of a schema, without null and placeholders. */
function alternatives(s: Schema): Schema[] {
  const all = (s.anyOf as Schema[] | undefined) ?? [s];
  return all.filter(
    (a) =>
      a.type !== 'null' &&
      a.$ref !== '#/definitions/placeholder' &&
      a.$ref !== '#/definitions/templatedString',
  );
}

/**
 * The values an alternative accepts when it is an enum: its `enum`, or, for a value the language
 * server completes itself (the dependsOn condition), the words of its `^(A|B)$` pattern.
 */
function enumValues(a: Schema): string[] | undefined {
  if (a.enum) return a.enum as string[];
  const words = typeof a.pattern === 'string' ? /^\^\(([A-Z_|]+)\)\$$/.exec(a.pattern) : null;
  return words ? words[1]!.split('|') : undefined;
}

/** Differences between an API member and its schema property, as messages. */
function compareKind(where: string, kind: Kind, prop: Schema, queue: string[]): string[] {
  const alts = alternatives(prop);
  const describe = (a: Schema) =>
    a.$ref
      ? String(a.$ref).replace('#/definitions/', 'struct ')
      : `${a.type}${enumValues(a) ? ' enum' : ''}`;
  const only = (...expected: string[]) =>
    alts.map(describe).sort().join(' | ') === [...expected].sort().join(' | ')
      ? []
      : [`${where}: API ${expected.join(' | ')}, schema ${alts.map(describe).join(' | ')}`];
  switch (kind.kind) {
    case 'string': {
      if (TYPE_DIFFERENCES[where]) return only(...TYPE_DIFFERENCES[where]!);
      if (!kind.enumName) return only('string');
      const values = apiEnumValues(kind.enumName);
      const schemaValues = [...((alts[0] && enumValues(alts[0])) ?? [])].sort();
      return [
        ...only('string enum'),
        ...(JSON.stringify(values) === JSON.stringify(schemaValues)
          ? []
          : [
              `${where}: enum ${kind.enumName} is ${values.join(',')} in the API, ${schemaValues.join(',')} in the schema`,
            ]),
      ];
    }
    case 'number':
      return only('integer');
    case 'boolean':
      return only('boolean');
    case 'timestamp':
      return only('string', 'number');
    case 'map': {
      const problems = only('object');
      const value = alts[0]?.additionalProperties as Schema | undefined;
      if (kind.value.kind !== 'string' || value?.type !== 'string')
        problems.push(`${where}: map values are ${kind.value.kind} in the API`);
      return problems;
    }
    case 'list': {
      const problems = only('array');
      const items = alts[0]?.items as Schema | undefined;
      return items
        ? [...problems, ...compareKind(`${where}[]`, kind.item, items, queue)]
        : problems;
    }
    case 'struct':
      queue.push(kind.shape);
      return only(`struct ${kind.shape}`);
    default:
      return [`${where}: unexpected kind in the API model`];
  }
}

// Deliberate differences from the API model, each with its reason.

/** Our own property: lets a file name its schema (other editors). */
const SCHEMA_ONLY_PROPERTIES: Record<string, string[]> = {
  TaskDefinition: ['$schema'],
  DescribeTaskDefinitionResponse: ['$schema'],
};
/** Types wider than the API's. */
const TYPE_DIFFERENCES: Record<string, string[]> = {
  // Strings in the API, but people write numbers ("cpu": 256) and the docs use both forms.
  'TaskDefinition.cpu': ['string', 'integer'],
  'TaskDefinition.memory': ['string', 'integer'],
};

test('the API model: the read-only fields are exactly the ones only describe output has', () => {
  const props = definitions.TaskDefinition!.properties as Record<string, Schema>;
  assert.deepEqual(
    Object.keys(props)
      .filter((m) => props[m]!.readOnly === true)
      .sort(),
    taskDefinitionStructure().describeOnly.sort(),
  );
});

test('the API model: every structure, field, required field, type and enum value matches, both ways', () => {
  // The schema's TaskDefinition stands for both the request and describe's TaskDefinition.
  const objects = Object.keys(definitions).filter((d) => definitions[d]!.type === 'object');
  const { problems, counts } = compareWithApiModel(
    'schema',
    (shape) => {
      const def = definitions[shape];
      if (!def) return undefined;
      return {
        members: Object.keys(def.properties as Record<string, Schema>),
        extra: SCHEMA_ONLY_PROPERTIES[shape],
        required: (def.required as string[] | undefined) ?? [],
      };
    },
    objects,
    (where, member, kind, queue) => {
      const shape = where.slice(0, where.indexOf('.'));
      const prop = (definitions[shape]!.properties as Record<string, Schema>)[member]!;
      return compareKind(where, kind, prop, queue);
    },
  );
  assert.deepEqual(problems, []);
  assert.ok(
    counts.structures >= 40 && counts.fields >= 170 && counts.enums >= 20,
    JSON.stringify(counts),
  );
});

test('the API model: enums in the schema are API enums, nothing more', () => {
  // An enum on a field the API types as a free string would reject values AWS accepts.
  const problems: string[] = [];
  for (const { shape, member, prop } of allProperties()) {
    const hasEnum = alternatives(prop).some(
      (a) =>
        enumValues(a) || (a.items && alternatives(a.items as Schema).some((i) => enumValues(i))),
    );
    if (hasEnum && !hasApiEnum(shape, member)) problems.push(`${shape}.${member}`);
  }
  assert.deepEqual(problems, []);
});

// ---------------------------------------------------------------------------------------------
// (4) VS Code's JSON language service runs the schema as VS Code would.

/** The `contributes.jsonValidation` entry proposed for package.json. */
const JSON_VALIDATION = {
  fileMatch: [
    '*task-def*.json',
    '*task-def*.jsonc',
    '*taskdef*.json',
    '*taskdef*.jsonc',
    '*task-definition*.json',
    '*task-definition*.jsonc',
    '*container-definitions*.json',
    '**/.aws/ecs/*.json',
  ],
  url: './schemas/task-definition.schema.json',
};

function languageService(fileMatch: string[]) {
  const service = getLanguageService({});
  service.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: schema.$id as string, fileMatch, schema: schema as JSONSchema }],
  });
  return service;
}

async function vscodeDiagnostics(
  text: string,
  uri = 'file:///project/app/prod.task-def.json',
  fileMatch = JSON_VALIDATION.fileMatch,
) {
  const service = languageService(fileMatch);
  const doc = TextDocument.create(uri, 'jsonc', 1, text);
  const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc), {
    comments: 'ignore',
    trailingCommas: 'ignore',
  });
  return diagnostics
    .sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start))
    .map((d) => ({
      message: typeof d.message === 'string' ? d.message : d.message.value,
      text: doc.getText(d.range),
    }));
}

test('VS Code JSON service: no diagnostics on good task definitions and the examples', async () => {
  const inputs: [string, unknown][] = [
    ...Object.entries(GOOD),
    ...fileCases
      .filter((c) => !KNOWN_SCHEMA_INVALID[c.path] && !markedInvalid(c.path))
      .map((c): [string, unknown] => [c.path, c.value]),
  ];
  for (const [label, value] of inputs) {
    assert.deepEqual(await vscodeDiagnostics(JSON.stringify(value, null, 2)), [], label);
  }
  // A "$schema" naming this schema resolves to it without a download.
  assert.deepEqual(
    await vscodeDiagnostics(JSON.stringify({ $schema: schema.$id, ...APP_MESH })),
    [],
  );
});

test('VS Code JSON service: reports a typo, a wrong condition, a string port and retries 11 where they are', async () => {
  const text = `{
  "family": "app",
  "containerDefinitions": [
    {
      "name": "app", "image": "app:1", "esential": true,
      "dependsOn": [{ "containerName": "init", "condition": "success" }],
      "portMappings": [{ "containerPort": "8080" }],
      "healthCheck": { "command": ["CMD", "true"], "retries": 11 }
    }
  ]
}`;
  const diagnostics = await vscodeDiagnostics(text);
  assert.deepEqual(
    diagnostics.map((d) => d.text),
    ['"esential"', '"success"', '"8080"', '11'],
    JSON.stringify(diagnostics),
  );
  assert.match(diagnostics[0]!.message, /esential/);
  assert.match(diagnostics[1]!.message, /"START", "COMPLETE", "SUCCESS", "HEALTHY"/);
  assert.match(diagnostics[2]!.message, /integer/);
  assert.match(diagnostics[3]!.message, /10/);
  // In describe output and in a container array, the typo is still reported where it is.
  const describe = await vscodeDiagnostics(
    '{ "taskDefinition": { "family": "a", "revison": 3, "containerDefinitions": [ { "name": "a", "image": "b" } ] }, "tags": [] }',
  );
  assert.deepEqual(
    describe.map((d) => d.text),
    ['"revison"'],
    JSON.stringify(describe),
  );
  const array = await vscodeDiagnostics(
    '[ { "name": "a", "image": "b", "cpu": "${CPU}", "esential": true } ]',
  );
  assert.deepEqual(
    array.map((d) => d.text),
    ['"esential"'],
    JSON.stringify(array),
  );
});

test('docs/schema.md gives the schema\'s URL for "$schema" lines and other editors', () => {
  assert.ok(
    readFileSync('docs/schema.md', 'utf8').includes(`"$schema": "${schema.$id as string}"`),
  );
});

test('VS Code JSON service: completion offers container properties, and leaves condition values to the language server', async () => {
  const service = languageService(JSON_VALIDATION.fileMatch);
  const complete = async (textWithCursor: string) => {
    const offset = textWithCursor.indexOf('|');
    const doc = TextDocument.create(
      'file:///project/app/taskdef.json',
      'json',
      1,
      textWithCursor.replace('|', ''),
    );
    const list = await service.doComplete(
      doc,
      doc.positionAt(offset),
      service.parseJSONDocument(doc),
    );
    return (list?.items ?? []).map((i) => i.label);
  };
  const containerProps = await complete(
    '{ "family": "a", "containerDefinitions": [ { "name": "app", | } ] }',
  );
  for (const p of [
    'image',
    'essential',
    'dependsOn',
    'healthCheck',
    'linuxParameters',
    'firelensConfiguration',
  ])
    assert.ok(containerProps.includes(p), `${p} not offered: ${containerProps.join(', ')}`);
  assert.ok(
    !containerProps.includes('family') && !containerProps.includes('name'),
    'task-level or present properties offered in a container',
  );
  const conditions = await complete(
    '{ "family": "a", "containerDefinitions": [ { "name": "app", "dependsOn": [ { "containerName": "x", "condition": | } ] } ] }',
  );
  // The language server offers them, the likely one first (test/unit/features/completion*.test.ts):
  // from the schema too, VS Code would list each twice.
  for (const c of ['"START"', '"COMPLETE"', '"SUCCESS"', '"HEALTHY"'])
    assert.ok(!conditions.includes(c), `${c} offered by the schema: ${conditions.join(', ')}`);
});

test("VS Code JSON service: the proposed file patterns (and package.json's, once added) pick task definitions only", async () => {
  const typo =
    '{ "family": "a", "containerDefinitions": [ { "name": "a", "image": "b", "esential": true } ] }';
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes?: { jsonValidation?: { fileMatch: string | string[]; url: string }[] };
  };
  const contributed = (manifest.contributes?.jsonValidation ?? []).filter(
    (e) => e.url.replace(/^\.\//, '') === SCHEMA_FILE,
  );
  assert.ok(existsSync(JSON_VALIDATION.url));
  for (const fileMatch of [
    JSON_VALIDATION.fileMatch,
    ...contributed.map((e) => ([] as string[]).concat(e.fileMatch)),
  ]) {
    for (const name of [
      'prod.task-def.json',
      'taskdef.json',
      'api-task-definition.jsonc',
      'deploy/container-definitions.json',
      'home/.aws/ecs/web.json',
    ]) {
      assert.equal(
        (await vscodeDiagnostics(typo, `file:///project/${name}`, fileMatch)).length,
        1,
        `${name} should get the schema (${fileMatch.join(', ')})`,
      );
    }
    for (const name of ['package.json', 'tsconfig.json', 'deploy/service.json', 'tasks.json']) {
      assert.deepEqual(
        await vscodeDiagnostics(typo, `file:///project/${name}`, fileMatch),
        [],
        `${name} should not get the schema`,
      );
    }
  }
});
