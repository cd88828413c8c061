// Generates schemas/task-definition.schema.json, the JSON schema of an Amazon ECS task definition.
//
//   node scripts/generate-schema.mjs           write the schema
//   node scripts/generate-schema.mjs --check   exit 1 when the committed schema is not what this file generates
//
// The committed JSON is the artefact VS Code (and other editors) load; this file is where it is
// maintained. Field names, enums and required fields follow the ECS API (test/unit/schema.test.ts
// compares them with the API model in @aws-sdk/client-ecs, so a field AWS adds fails a test);
// descriptions, ranges and snippets are ours. Structures are named like the API's shapes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCHEMA_PATH = fileURLToPath(
  new URL('../schemas/task-definition.schema.json', import.meta.url),
);
export const SCHEMA_ID =
  'https://raw.githubusercontent.com/ecs-init-order/ecs-init-order/main/schemas/task-definition.schema.json';

const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/';

// A value that is wholly a template placeholder: ${VAR}, {{ var }}, <VAR>, $$$VAR$$$, #{var}, $VAR.
// The same forms as server/src/engine/placeholders.ts, so the schema and the rules agree.
const PLACEHOLDER = String.raw`^\s*(?:\$\{[^{}]+\}|\{\{[^{}]+\}\}|<[A-Za-z0-9_. -]+>|\$\$\$[^$]+\$\$\$|#\{[^{}]+\}|\$[A-Z_][A-Z0-9_]*)\s*$`;
// A string that is or contains a placeholder ("app-${ENV}"): accepted where a name pattern applies.
const TEMPLATED =
  String.raw`\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\$\$[^$]+\$\$\$|#\{[^{}]+\}|<[A-Za-z0-9_]+>|` +
  PLACEHOLDER;
// Container, family and volume names: up to 255 letters, digits, hyphens and underscores.
const NAME = '^[A-Za-z0-9_-]{1,255}$';

const PLACEHOLDER_REF = { $ref: '#/definitions/placeholder' };
const TEMPLATED_REF = { $ref: '#/definitions/templatedString' };

// ---------------------------------------------------------------------------------------------
// Field builders. A field is { description, value, ...annotations }: `value` is the schema of an
// accepted value; `property()` adds the description, the AWS link and, for optional fields, null.

const text = (description, extra = {}) => ({ description, value: { type: 'string', ...extra } });
const name = (description) => ({
  description,
  value: {
    anyOf: [
      {
        type: 'string',
        pattern: NAME,
        patternErrorMessage: 'Up to 255 letters, digits, hyphens (-) and underscores (_).',
      },
      TEMPLATED_REF,
    ],
  },
});
const int = (description, { min, max, ...annotations } = {}) => ({
  description,
  ...annotations,
  value: {
    anyOf: [
      {
        type: 'integer',
        ...(min === undefined ? {} : { minimum: min }),
        ...(max === undefined ? {} : { maximum: max }),
      },
      PLACEHOLDER_REF,
    ],
  },
});
const bool = (description, annotations = {}) => ({
  description,
  ...annotations,
  value: { anyOf: [{ type: 'boolean' }, PLACEHOLDER_REF] },
});
const enumOf = (values, description, { markdownEnumDescriptions, ...annotations } = {}) => ({
  description,
  ...annotations,
  value: {
    anyOf: [
      {
        type: 'string',
        enum: values,
        ...(markdownEnumDescriptions ? { markdownEnumDescriptions } : {}),
      },
      PLACEHOLDER_REF,
    ],
  },
});
const strings = (description, extra = {}) => ({
  description,
  value: { type: 'array', items: { type: 'string' }, ...extra },
});
const enumList = (values, description, extra = {}) => ({
  description,
  value: {
    type: 'array',
    items: { anyOf: [{ type: 'string', enum: values }, PLACEHOLDER_REF] },
    ...extra,
  },
});
const ints = (description, extra = {}) => ({
  description,
  value: { type: 'array', items: { anyOf: [{ type: 'integer' }, PLACEHOLDER_REF] }, ...extra },
});
const list = (shape, description, extra = {}) => ({
  description,
  value: { type: 'array', items: { $ref: `#/definitions/${shape}` }, ...extra },
});
const map = (description, annotations = {}) => ({
  description,
  ...annotations,
  value: { type: 'object', additionalProperties: { type: 'string' } },
});
const struct = (shape, description, annotations = {}) => ({
  description,
  ...annotations,
  value: { $ref: `#/definitions/${shape}` },
});
// describe-task-definition prints timestamps as ISO 8601 text (CLI v2) or epoch seconds (CLI v1).
const timestamp = (description) => ({
  description,
  value: { anyOf: [{ type: 'string' }, { type: 'number' }] },
});
const readOnly = (field) => ({ ...field, readOnly: true });

// ---------------------------------------------------------------------------------------------
// Enums (values as in the ECS API; the test checks them against the API model).

const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];
const CONDITION_DOCS = [
  'Wait until the other container has **started**.',
  'Wait until the other container has **exited**, whatever its exit code. It must not be essential.',
  'Wait until the other container has **exited with code 0**. It must not be essential.',
  'Wait until the other container **passes its health check** (it needs a `healthCheck`).',
];
const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'];
const NETWORK_MODE_DOCS = [
  'Each task gets its own elastic network interface and IP address. Required on Fargate.',
  "Docker's bridge network on the instance; the default on EC2 Linux.",
  "The instance's own network: a container port is a host port.",
  'No external network.',
];
const LOG_DRIVERS = [
  'awsfirelens',
  'awslogs',
  'fluentd',
  'gelf',
  'journald',
  'json-file',
  'splunk',
  'syslog',
];
const COMPATIBILITIES = ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES'];
const OS_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_20H2_CORE',
];
const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
];

// ---------------------------------------------------------------------------------------------
// Structures. `link(member)` gives the AWS reference of a member; by default the API Reference
// page of the structure of the same name.

const typeLink = (shape) => (member) => `${API}API_${shape}.html#ECS-Type-${shape}-${member}`;

const TASK_SNIPPETS = [
  {
    label: 'Fargate task definition',
    description: 'awsvpc, 0.25 vCPU / 512 MiB, one container logging to CloudWatch Logs',
    body: {
      family: '${1:my-app}',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '${2:256}',
      memory: '${3:512}',
      executionRoleArn: 'arn:aws:iam::${4:123456789012}:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: '${5:app}',
          image: '${6:public.ecr.aws/nginx/nginx:1.27}',
          essential: true,
          portMappings: [{ containerPort: '^${7:80}', protocol: 'tcp' }],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/${1}',
              'awslogs-region': '${8:eu-west-1}',
              'awslogs-stream-prefix': 'ecs',
            },
          },
        },
      ],
    },
  },
];

/** @type {Record<string, {description?: string, link?: (member: string) => string, required?: string[], properties: Record<string, any>, defaultSnippets?: any[], minProperties?: number, maxProperties?: number}>} */
const STRUCTURES = {
  TaskDefinition: {
    description:
      'An Amazon ECS task definition: the input of register-task-definition, or the `taskDefinition` of describe-task-definition.',
    link: (member) =>
      `${API}API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-${member}`,
    required: ['family', 'containerDefinitions'],
    defaultSnippets: TASK_SNIPPETS,
    properties: {
      family: name(
        'Name of the task definition family. Each registration adds a revision to it (`family:revision`).',
      ),
      containerDefinitions: list(
        'ContainerDefinition',
        'The containers of the task: at least one, at most 10. ECS does not document their order as a start order: use `dependsOn`.',
        {
          minItems: 1,
          maxItems: 10,
        },
      ),
      taskRoleArn: text(
        'IAM role for the code running in the containers: the AWS SDKs and CLI inside the task use its credentials.',
      ),
      executionRoleArn: text(
        'IAM role ECS uses to start the task: to pull private images, send `awslogs` logs and read `secrets`.',
      ),
      networkMode: enumOf(
        NETWORK_MODES,
        'How the containers are networked. Fargate requires `awsvpc`; on EC2 Linux the default is `bridge`.',
        {
          markdownEnumDescriptions: NETWORK_MODE_DOCS,
        },
      ),
      volumes: list(
        'Volume',
        'Volumes the containers can mount (see `mountPoints`): bind mounts, Docker, EFS, FSx for Windows and S3 Files volumes.',
      ),
      placementConstraints: list(
        'TaskDefinitionPlacementConstraint',
        'Where tasks may be placed (EC2 only; at most 10).',
        { maxItems: 10 },
      ),
      requiresCompatibilities: enumList(
        COMPATIBILITIES,
        'Launch types this task definition is checked against at registration.',
      ),
      cpu: {
        description:
          'CPU of the whole task, as CPU units (`"1024"`, 1024) or vCPUs (`"1 vCPU"`). Required on Fargate, where only some cpu/memory pairs exist.',
        value: {
          anyOf: [
            {
              type: 'string',
              pattern: String.raw`^\s*(?:\d+|\d*\.\d+)\s*(?:[vV][cC][pP][uU])?\s*$`,
              patternErrorMessage: 'CPU units ("1024") or vCPUs ("1 vCPU").',
            },
            { type: 'integer', minimum: 0 },
            TEMPLATED_REF,
          ],
        },
      },
      memory: {
        description:
          'Memory of the whole task, in MiB (`"2048"`, 2048) or GB (`"2 GB"`). Required on Fargate.',
        value: {
          anyOf: [
            {
              type: 'string',
              pattern: String.raw`^\s*(?:\d+|\d*\.\d+)\s*(?:[gG][bB])?\s*$`,
              patternErrorMessage: 'MiB ("2048") or GB ("2 GB").',
            },
            { type: 'integer', minimum: 0 },
            TEMPLATED_REF,
          ],
        },
      },
      tags: list('Tag', 'Tags of the task definition (at most 50).', { maxItems: 50 }),
      pidMode: enumOf(
        ['host', 'task'],
        "Process namespace: `task` shares one between the containers of the task, `host` uses the instance's.",
      ),
      ipcMode: enumOf(
        ['host', 'none', 'task'],
        "IPC namespace: shared in the `task`, the `host`'s, or private to each container (`none`). Not on Fargate.",
      ),
      proxyConfiguration: struct('ProxyConfiguration', 'App Mesh proxy of the task.'),
      inferenceAccelerators: list(
        'InferenceAccelerator',
        'Elastic Inference accelerators of the task.',
      ),
      ephemeralStorage: struct(
        'EphemeralStorage',
        'Task storage on Fargate beyond the default 20 GiB.',
      ),
      runtimePlatform: struct(
        'RuntimePlatform',
        'Operating system and CPU architecture the task needs.',
      ),
      enableFaultInjection: bool(
        'Accept fault-injection requests from the containers of the task.',
        { default: false },
      ),
      // Read-only fields printed by describe-task-definition. Files saved from its output keep them.
      taskDefinitionArn: readOnly(text('Read-only (describe output): full ARN of this revision.')),
      revision: readOnly(
        int('Read-only (describe output): revision number within the family.', { min: 1 }),
      ),
      status: readOnly(
        enumOf(
          ['ACTIVE', 'DELETE_IN_PROGRESS', 'INACTIVE'],
          'Read-only (describe output): state of this revision.',
        ),
      ),
      requiresAttributes: readOnly(
        list(
          'Attribute',
          'Read-only (describe output): container-instance attributes the task needs.',
        ),
      ),
      compatibilities: readOnly(
        enumList(
          COMPATIBILITIES,
          'Read-only (describe output): launch types this revision is valid for.',
        ),
      ),
      registeredAt: readOnly(
        timestamp('Read-only (describe output): when the revision was registered.'),
      ),
      deregisteredAt: readOnly(
        timestamp('Read-only (describe output): when the revision was deregistered.'),
      ),
      deleteRequestedAt: readOnly(
        timestamp('Read-only (describe output): when deletion of the revision was requested.'),
      ),
      registeredBy: readOnly(
        text('Read-only (describe output): principal that registered the revision.'),
      ),
    },
  },
  DescribeTaskDefinitionResponse: {
    description:
      'Output of `aws ecs describe-task-definition`: the task definition and, with `--include TAGS`, its tags.',
    link: (member) =>
      `${API}API_DescribeTaskDefinition.html#ECS-DescribeTaskDefinition-response-${member}`,
    required: ['taskDefinition'],
    properties: {
      taskDefinition: struct('TaskDefinition', 'The task definition.'),
      tags: list('Tag', 'Tags of the task definition (printed with `--include TAGS`).'),
    },
  },
  ContainerDefinition: {
    description: 'One container of the task.',
    // name and image are optional in the API model but the Developer Guide and the service require them.
    required: ['name', 'image'],
    defaultSnippets: [
      {
        label: 'Container',
        description: 'An essential container with a port',
        body: {
          name: '${1:app}',
          image: '${2:repository/image:tag}',
          essential: true,
          portMappings: [{ containerPort: '^${3:8080}' }],
        },
      },
      {
        label: 'Init container',
        description: 'Runs once before the app; the app waits for it with dependsOn SUCCESS',
        body: {
          name: '${1:init}',
          image: '${2:repository/image:tag}',
          essential: false,
          command: ['${3:sh}', '${4:-c}', '${5:echo setup}'],
        },
      },
    ],
    properties: {
      name: name(
        'Name of the container, used by `dependsOn`, `links` and `volumesFrom`. Unique within the task.',
      ),
      image: text('Image to run: `repository:tag`, `repository@digest`, or a full registry URL.', {
        minLength: 1,
      }),
      repositoryCredentials: struct(
        'RepositoryCredentials',
        'Credentials for a private registry other than ECR.',
      ),
      cpu: int('CPU units reserved for the container (1024 = one vCPU).', { min: 0 }),
      memory: int('Hard memory limit in MiB: the container is killed when it goes above it.', {
        min: 0,
      }),
      memoryReservation: int('Soft memory limit (reservation) in MiB.', { min: 0 }),
      links: strings(
        'Containers this one can reach by name (`name` or `name:alias`). Bridge network mode only; a link also makes the linked container start first.',
      ),
      portMappings: list('PortMapping', 'Ports the container exposes.'),
      essential: bool(
        'When an essential container stops, the whole task stops. Defaults to true; set false for init and other short-lived containers.',
        { default: true },
      ),
      restartPolicy: struct(
        'ContainerRestartPolicy',
        'Restart the container in place when it exits, instead of replacing the task.',
      ),
      entryPoint: strings(
        'Overrides the image ENTRYPOINT. A shell command needs `["sh", "-c"]` here or in `command`.',
      ),
      command: strings(
        'Overrides the image CMD: the arguments passed to the entry point, one array item per argument.',
      ),
      environment: list(
        'KeyValuePair',
        'Environment variables (plain text; use `secrets` for sensitive values).',
      ),
      environmentFiles: list(
        'EnvironmentFile',
        'Files in S3 with environment variables (at most 10).',
        { maxItems: 10 },
      ),
      mountPoints: list('MountPoint', 'Task volumes mounted into the container.'),
      volumesFrom: list(
        'VolumeFrom',
        'Mount every volume of another container; that container starts first.',
      ),
      linuxParameters: struct(
        'LinuxParameters',
        'Linux-specific settings: capabilities, devices, init process, tmpfs, swap.',
      ),
      secrets: list(
        'Secret',
        'Environment variables read from Secrets Manager or SSM Parameter Store when the container starts (needs the execution role).',
      ),
      dependsOn: list(
        'ContainerDependency',
        'Containers that must reach a condition before this one starts. For shutdown the order is reversed.',
      ),
      startTimeout: int(
        'Seconds to wait for this container to reach the condition that others wait for (`dependsOn`), before they give up and the task stops. At most 120 on Fargate.',
        {
          min: 0,
        },
      ),
      stopTimeout: int(
        'Seconds between SIGTERM and SIGKILL when the container is stopped. Fargate: default 30, at most 120.',
        { min: 0 },
      ),
      versionConsistency: enumOf(
        ['disabled', 'enabled'],
        'Whether ECS resolves the image tag to a digest at deployment, so every task runs the same image (default `enabled`).',
      ),
      hostname: text('Host name of the container (not with the awsvpc network mode).'),
      user: text('User (and group) to run as: `user`, `uid`, `user:group`, `uid:gid`, ….'),
      workingDirectory: text('Working directory of the command.'),
      disableNetworking: bool('Turn off networking in the container (EC2 only).'),
      privileged: bool('Give the container root privileges on the host (EC2 only).', {
        default: false,
      }),
      readonlyRootFilesystem: bool('Mount the root file system read-only.', { default: false }),
      dnsServers: strings('DNS servers for the container (EC2 only).'),
      dnsSearchDomains: strings('DNS search domains for the container (EC2 only).'),
      extraHosts: list(
        'HostEntry',
        'Extra lines for /etc/hosts (not with the awsvpc network mode).',
      ),
      dockerSecurityOptions: strings(
        'Docker security options, e.g. SELinux or AppArmor labels, or a credential spec (EC2 only).',
      ),
      interactive: bool('Keep stdin open (`docker run --interactive`).'),
      pseudoTerminal: bool('Allocate a TTY (`docker run --tty`).'),
      dockerLabels: map('Docker labels of the container.'),
      ulimits: list('Ulimit', 'Resource limits (ulimits) of the container.'),
      logConfiguration: struct('LogConfiguration', 'Where the container logs go.'),
      healthCheck: struct(
        'HealthCheck',
        'Command that tells whether the container is healthy. Needed by `dependsOn` HEALTHY.',
      ),
      systemControls: list('SystemControl', 'Kernel parameters (sysctls) for the container.'),
      resourceRequirements: list(
        'ResourceRequirement',
        'GPUs, Neuron devices or inference accelerators for the container.',
      ),
      firelensConfiguration: struct(
        'FirelensConfiguration',
        'Makes this container the FireLens log router of the task; containers logging with `awsfirelens` start after it.',
      ),
      credentialSpecs: strings(
        'ARN of the credential spec for Active Directory (gMSA) authentication, prefixed `credentialspec:` or `credentialspecdomainless:` (at most one).',
        {
          maxItems: 1,
        },
      ),
    },
  },
  RepositoryCredentials: {
    required: ['credentialsParameter'],
    properties: {
      credentialsParameter: text(
        'ARN of the Secrets Manager secret that holds the registry user name and password.',
      ),
    },
  },
  PortMapping: {
    description: 'A port the container exposes.',
    defaultSnippets: [{ label: 'Port', body: { containerPort: '^${1:8080}', protocol: 'tcp' } }],
    properties: {
      containerPort: int('Port inside the container.', { min: 0, max: 65535 }),
      hostPort: int(
        'Port on the host. In awsvpc and host modes leave it out or make it equal to `containerPort`; 0 or absent in bridge mode picks a free port.',
        {
          min: 0,
          max: 65535,
        },
      ),
      protocol: enumOf(['tcp', 'udp'], 'Transport protocol (default `tcp`).', { default: 'tcp' }),
      name: {
        description:
          'Name of the mapping, used by Service Connect: lower-case letters, digits, hyphens and underscores, at most 64, not starting with a hyphen.',
        value: {
          anyOf: [{ type: 'string', pattern: '^[a-z0-9_][a-z0-9_-]{0,63}$' }, TEMPLATED_REF],
        },
      },
      appProtocol: enumOf(
        ['grpc', 'http', 'http2'],
        'Application protocol of the port, for Service Connect (TCP when absent).',
      ),
      containerPortRange: {
        description:
          'A range of container ports, such as `"8000-8099"`, mapped to host ports ECS picks. Leave `containerPort` and `hostPort` out.',
        value: {
          anyOf: [
            { type: 'string', pattern: String.raw`^\s*\d{1,5}\s*-\s*\d{1,5}\s*$` },
            TEMPLATED_REF,
          ],
        },
      },
    },
  },
  ContainerRestartPolicy: {
    required: ['enabled'],
    properties: {
      enabled: bool('Restart the container when it exits.'),
      ignoredExitCodes: ints('Exit codes that do not trigger a restart (at most 50).', {
        maxItems: 50,
      }),
      restartAttemptPeriod: int(
        'Seconds the container must have run before it may be restarted again: 60 to 1800, default 300.',
        {
          min: 60,
          max: 1800,
          default: 300,
        },
      ),
    },
  },
  KeyValuePair: {
    description: 'A name and a value.',
    defaultSnippets: [{ label: 'Variable', body: { name: '${1:NAME}', value: '${2:value}' } }],
    properties: {
      name: text('Name (for an environment variable, the variable name).'),
      value: text('Value, always a string.'),
    },
  },
  EnvironmentFile: {
    description: 'A `.env` file in S3 loaded into the container environment.',
    required: ['value', 'type'],
    properties: {
      value: text('ARN of the S3 object.'),
      type: enumOf(['s3'], 'Where the file is stored.'),
    },
  },
  MountPoint: {
    description: 'A task volume mounted into the container.',
    defaultSnippets: [
      {
        label: 'Mount point',
        body: { sourceVolume: '${1:data}', containerPath: '${2:/data}', readOnly: false },
      },
    ],
    properties: {
      sourceVolume: text('Name of a volume in the task definition `volumes`.'),
      containerPath: text('Path in the container where the volume is mounted.'),
      readOnly: bool('Mount the volume read-only.', { default: false }),
    },
  },
  VolumeFrom: {
    description: 'Volumes shared from another container.',
    properties: {
      sourceContainer: text('Name of the container whose volumes are mounted.'),
      readOnly: bool('Mount them read-only.', { default: false }),
    },
  },
  LinuxParameters: {
    properties: {
      capabilities: struct(
        'KernelCapabilities',
        "Linux capabilities to add to or drop from Docker's defaults.",
      ),
      devices: list('Device', 'Host devices exposed to the container (EC2 only).'),
      initProcessEnabled: bool(
        'Run an init process (PID 1) that forwards signals and reaps zombie processes.',
      ),
      sharedMemorySize: int('Size of /dev/shm in MiB (EC2 only).', { min: 0 }),
      tmpfs: list('Tmpfs', 'tmpfs mounts (EC2 only).'),
      maxSwap: int('Swap the container may use, in MiB; 0 turns swap off (EC2 only).', { min: 0 }),
      swappiness: int(
        'How eagerly memory is swapped, 0 to 100 (default 60); needs `maxSwap` (EC2 only).',
        { min: 0, max: 100, default: 60 },
      ),
    },
  },
  KernelCapabilities: {
    properties: {
      add: strings('Capabilities to add.'),
      drop: strings('Capabilities to drop.'),
    },
  },
  Device: {
    description: 'A host device exposed to the container.',
    required: ['hostPath'],
    properties: {
      hostPath: text('Path of the device on the host.'),
      containerPath: text('Path of the device in the container.'),
      permissions: enumList(
        ['mknod', 'read', 'write'],
        'Access the container gets (default: all three).',
      ),
    },
  },
  Tmpfs: {
    description: 'A tmpfs mount.',
    required: ['containerPath', 'size'],
    properties: {
      containerPath: text('Mount path in the container.'),
      size: int('Maximum size in MiB.', { min: 0 }),
      mountOptions: strings('Mount options such as `noexec` or `nosuid`.'),
    },
  },
  Secret: {
    description:
      'An environment variable (or log option) whose value is read from Secrets Manager or SSM Parameter Store.',
    required: ['name', 'valueFrom'],
    defaultSnippets: [
      {
        label: 'Secret',
        body: {
          name: '${1:NAME}',
          valueFrom: '${2:arn:aws:secretsmanager:region:account:secret:name}',
        },
      },
    ],
    properties: {
      name: text('Name of the environment variable (or log option).'),
      valueFrom: text(
        'ARN (or, in the same Region, name) of the secret or parameter; `arn:…:secret:name:json-key::` picks one JSON key.',
      ),
    },
  },
  ContainerDependency: {
    description: 'A container that must reach a condition before this one starts.',
    required: ['containerName', 'condition'],
    defaultSnippets: [
      {
        label: 'Wait for an init container to succeed',
        body: { containerName: '${1:init}', condition: 'SUCCESS' },
      },
      {
        label: 'Wait for a container to be healthy',
        body: { containerName: '${1:sidecar}', condition: 'HEALTHY' },
      },
    ],
    properties: {
      containerName: text('Name of the container to wait for.'),
      condition: enumOf(
        CONDITIONS,
        'What to wait for: START, COMPLETE (exited), SUCCESS (exited with 0) or HEALTHY. Upper case.',
        {
          markdownEnumDescriptions: CONDITION_DOCS,
        },
      ),
    },
  },
  HostEntry: {
    description: 'A line of /etc/hosts.',
    required: ['hostname', 'ipAddress'],
    properties: {
      hostname: text('Host name.'),
      ipAddress: text('IP address.'),
    },
  },
  Ulimit: {
    description: 'A resource limit.',
    required: ['name', 'softLimit', 'hardLimit'],
    defaultSnippets: [
      {
        label: 'Open files',
        body: { name: 'nofile', softLimit: '^${1:65535}', hardLimit: '^${2:65535}' },
      },
    ],
    properties: {
      name: enumOf(ULIMIT_NAMES, 'Which limit.'),
      softLimit: int('Soft limit.'),
      hardLimit: int('Hard limit.'),
    },
  },
  LogConfiguration: {
    required: ['logDriver'],
    defaultSnippets: [
      {
        label: 'awslogs (CloudWatch Logs)',
        body: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '${1:/ecs/my-app}',
            'awslogs-region': '${2:eu-west-1}',
            'awslogs-stream-prefix': '${3:ecs}',
          },
        },
      },
      {
        label: 'awsfirelens (to the FireLens router)',
        body: { logDriver: 'awsfirelens', options: { Name: '${1:cloudwatch_logs}' } },
      },
    ],
    properties: {
      logDriver: enumOf(
        LOG_DRIVERS,
        'Log driver. Fargate supports `awslogs`, `splunk` and `awsfirelens`.',
      ),
      options: map(
        'Options of the log driver, all string values (e.g. `awslogs-group`, `awslogs-region`, `awslogs-stream-prefix`).',
      ),
      secretOptions: list('Secret', 'Log options whose values are secrets.'),
    },
  },
  HealthCheck: {
    required: ['command'],
    defaultSnippets: [
      {
        label: 'HTTP health check',
        body: {
          command: ['CMD-SHELL', '${1:curl -f http://localhost:8080/ || exit 1}'],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: '^${2:10}',
        },
      },
    ],
    properties: {
      command: strings(
        '`["CMD", "executable", "arg"…]` or `["CMD-SHELL", "shell command"]`; exit code 0 means healthy.',
        { minItems: 1 },
      ),
      interval: int('Seconds between checks: 5 to 300, default 30.', {
        min: 5,
        max: 300,
        default: 30,
      }),
      timeout: int('Seconds a check may take before it counts as failed: 2 to 60, default 5.', {
        min: 2,
        max: 60,
        default: 5,
      }),
      retries: int(
        'Failed checks in a row before the container is unhealthy: 1 to 10, default 3.',
        { min: 1, max: 10, default: 3 },
      ),
      startPeriod: int(
        'Grace period in seconds after start during which failures do not count: 0 to 300, off by default.',
        { min: 0, max: 300 },
      ),
    },
  },
  SystemControl: {
    description: 'A kernel parameter (sysctl).',
    properties: {
      namespace: text('Parameter name, e.g. `net.core.somaxconn`.'),
      value: text('Parameter value.'),
    },
  },
  ResourceRequirement: {
    description: 'A GPU, Neuron device or inference accelerator for the container.',
    required: ['type'],
    properties: {
      type: enumOf(['GPU', 'InferenceAccelerator', 'NeuronDevice'], 'Kind of resource.'),
      value: text(
        'How many GPUs (or `ALL`), `ALL` for Neuron devices, or the `deviceName` of an inference accelerator. Leave out for a shared GPU (`sharingStrategy`).',
      ),
      sharingStrategy: struct(
        'SharingStrategy',
        'Share a GPU with other containers instead of `value` GPUs of its own.',
      ),
    },
  },
  SharingStrategy: {
    minProperties: 1,
    maxProperties: 1,
    properties: {
      nvidiaMps: struct('NvidiaMpsAllocation', 'Share a GPU through NVIDIA Multi-Process Service.'),
    },
  },
  NvidiaMpsAllocation: {
    required: ['memory'],
    properties: {
      memory: int('GPU memory for the container, in MiB.', { min: 1 }),
      maxComputePercent: int(
        'Most of the GPU compute the container may use, in percent (default 100).',
        { min: 1, max: 100 },
      ),
    },
  },
  FirelensConfiguration: {
    required: ['type'],
    defaultSnippets: [
      {
        label: 'Fluent Bit router',
        body: { type: 'fluentbit', options: { 'enable-ecs-log-metadata': 'true' } },
      },
    ],
    properties: {
      type: enumOf(['fluentbit', 'fluentd'], 'Log router in this container.'),
      options: map(
        'Router options (string values), e.g. `enable-ecs-log-metadata`, `config-file-type`, `config-file-value`.',
      ),
    },
  },
  Volume: {
    description: 'A volume of the task, mounted by containers through `mountPoints`.',
    defaultSnippets: [
      {
        label: 'Task volume',
        description: 'Shared by the containers of the task while it runs',
        body: { name: '${1:shared}' },
      },
      {
        label: 'EFS volume',
        body: {
          name: '${1:data}',
          efsVolumeConfiguration: {
            fileSystemId: '${2:fs-12345678}',
            transitEncryption: 'ENABLED',
          },
        },
      },
    ],
    properties: {
      name: name('Name that `mountPoints[].sourceVolume` refers to.'),
      host: struct(
        'HostVolumeProperties',
        'A bind mount. Without `sourcePath` the data lives as long as the task.',
      ),
      dockerVolumeConfiguration: struct('DockerVolumeConfiguration', 'A Docker volume (EC2 only).'),
      efsVolumeConfiguration: struct('EFSVolumeConfiguration', 'An Amazon EFS file system.'),
      s3filesVolumeConfiguration: struct(
        'S3FilesVolumeConfiguration',
        'An Amazon S3 Files file system.',
      ),
      fsxWindowsFileServerVolumeConfiguration: struct(
        'FSxWindowsFileServerVolumeConfiguration',
        'An FSx for Windows File Server file system (EC2 Windows).',
      ),
      configuredAtLaunch: bool(
        'The volume (an EBS volume) is configured when a task or service is started, not here.',
      ),
    },
  },
  HostVolumeProperties: {
    properties: {
      sourcePath: text('Path on the host (EC2 and external instances; not on Fargate).'),
    },
  },
  DockerVolumeConfiguration: {
    properties: {
      scope: enumOf(
        ['shared', 'task'],
        '`task`: removed when the task stops; `shared`: kept after it.',
      ),
      autoprovision: bool('Create the volume if it does not exist (only with `shared` scope).', {
        default: false,
      }),
      driver: text('Volume driver (default `local`).'),
      driverOpts: map('Options for the driver.'),
      labels: map('Docker labels of the volume.'),
    },
  },
  EFSVolumeConfiguration: {
    required: ['fileSystemId'],
    properties: {
      fileSystemId: text('ID of the file system, e.g. `fs-12345678`.'),
      rootDirectory: text(
        'Directory of the file system to mount (default `/`; must be `/` or absent with an access point).',
      ),
      transitEncryption: enumOf(
        ['DISABLED', 'ENABLED'],
        'Encrypt traffic to EFS; required with IAM authorization or an access point.',
        { default: 'DISABLED' },
      ),
      transitEncryptionPort: int('Port for the encrypted traffic.', { min: 0, max: 65535 }),
      authorizationConfig: struct('EFSAuthorizationConfig', 'Access point and IAM authorization.'),
    },
  },
  EFSAuthorizationConfig: {
    properties: {
      accessPointId: text('ID of the EFS access point.'),
      iam: enumOf(['DISABLED', 'ENABLED'], 'Mount with the task role (needs transit encryption).', {
        default: 'DISABLED',
      }),
    },
  },
  S3FilesVolumeConfiguration: {
    required: ['fileSystemArn'],
    properties: {
      fileSystemArn: text('ARN of the S3 Files file system.'),
      rootDirectory: text(
        'Directory to mount (default `/`; must be `/` or absent with an access point).',
      ),
      transitEncryptionPort: int('Port for the encrypted traffic.', { min: 0, max: 65535 }),
      accessPointArn: text('ARN of the S3 Files access point.'),
    },
  },
  FSxWindowsFileServerVolumeConfiguration: {
    required: ['fileSystemId', 'rootDirectory', 'authorizationConfig'],
    properties: {
      fileSystemId: text('ID of the file system.'),
      rootDirectory: text('Directory of the file system to mount.'),
      authorizationConfig: struct(
        'FSxWindowsFileServerAuthorizationConfig',
        'Credentials to mount the file system.',
      ),
    },
  },
  FSxWindowsFileServerAuthorizationConfig: {
    required: ['credentialsParameter', 'domain'],
    properties: {
      credentialsParameter: text(
        'ARN of the Secrets Manager secret or SSM parameter with the credentials.',
      ),
      domain: text('Fully qualified domain name of the Active Directory.'),
    },
  },
  TaskDefinitionPlacementConstraint: {
    description: 'A placement constraint.',
    properties: {
      type: enumOf(['memberOf'], 'Kind of constraint.'),
      expression: text(
        'Cluster query language expression, e.g. `attribute:ecs.instance-type =~ t3.*`.',
      ),
    },
  },
  Tag: {
    description: 'A tag.',
    properties: {
      key: text('Tag key (1 to 128 characters).', { minLength: 1, maxLength: 128 }),
      value: text('Tag value (up to 256 characters).', { maxLength: 256 }),
    },
  },
  ProxyConfiguration: {
    required: ['containerName'],
    properties: {
      containerName: text('Name of the container that is the proxy.'),
      type: enumOf(['APPMESH'], 'Proxy type.'),
      properties: list(
        'KeyValuePair',
        'Proxy settings for the CNI plugin, e.g. `IgnoredUID`, `ProxyIngressPort`, `AppPorts`.',
      ),
    },
  },
  InferenceAccelerator: {
    description: 'An Elastic Inference accelerator.',
    required: ['deviceName', 'deviceType'],
    properties: {
      deviceName: text('Name that containers use in `resourceRequirements`.'),
      deviceType: text('Accelerator type, e.g. `eia2.medium`.'),
    },
  },
  EphemeralStorage: {
    required: ['sizeInGiB'],
    properties: {
      sizeInGiB: int('Size in GiB: 21 to 200 (20 GiB when absent).', { min: 21, max: 200 }),
    },
  },
  RuntimePlatform: {
    properties: {
      cpuArchitecture: enumOf(['ARM64', 'X86_64'], 'CPU architecture.'),
      operatingSystemFamily: enumOf(OS_FAMILIES, 'Operating system family.'),
    },
  },
  Attribute: {
    description: 'A container-instance attribute.',
    required: ['name'],
    properties: {
      name: text('Attribute name, e.g. `com.amazonaws.ecs.capability.ecr-auth`.'),
      value: text('Attribute value.'),
      targetType: enumOf(['container-instance'], 'Kind of resource the attribute belongs to.'),
      targetId: text('ID of that resource.'),
    },
  },
};

// The `$schema` property lets a file name this schema; it is ours, not AWS's.
const SCHEMA_PROPERTY = {
  type: 'string',
  description: 'URL of the JSON schema this file follows (ignored by AWS).',
  markdownDescription: 'URL of the JSON schema this file follows (ignored by AWS).',
};

// ---------------------------------------------------------------------------------------------

const ANNOTATIONS = ['default', 'readOnly', 'markdownEnumDescriptions'];

function property(field, required, link) {
  const out = {
    description: field.description,
    markdownDescription: `${field.description}\n\n[AWS reference](${link})`,
  };
  for (const key of ANNOTATIONS) if (field[key] !== undefined) out[key] = field[key];
  if (required) return { ...out, ...field.value };
  // Optional: also accept null, as console exports and describe output print it.
  const alternatives =
    field.value.anyOf && Object.keys(field.value).length === 1 ? field.value.anyOf : [field.value];
  return { ...out, anyOf: [...alternatives, { type: 'null' }] };
}

// Structures used as list items or at the root keep their own description (shown when hovering an
// item); a structure only ever used as the value of one property leaves it to that property, since
// VS Code's hover would show the structure's description instead of the property's.
const describedShapes = new Set([
  'TaskDefinition',
  'DescribeTaskDefinitionResponse',
  'ContainerDefinition',
]);
for (const def of Object.values(STRUCTURES)) {
  for (const field of Object.values(def.properties)) {
    const ref = field.value.items?.$ref;
    if (ref) describedShapes.add(ref.replace('#/definitions/', ''));
  }
}

function structure(shape, def) {
  const link = def.link ?? typeLink(shape);
  const required = def.required ?? [];
  const properties = {};
  if (shape === 'TaskDefinition' || shape === 'DescribeTaskDefinitionResponse')
    properties.$schema = SCHEMA_PROPERTY;
  for (const [member, field] of Object.entries(def.properties)) {
    const memberLink = field.readOnly ? typeLink('TaskDefinition')(member) : link(member);
    properties[member] = property(field, required.includes(member), memberLink);
  }
  for (const r of required)
    if (!(r in def.properties)) throw new Error(`${shape}: required ${r} is not a property`);
  if (describedShapes.has(shape) !== !!def.description)
    throw new Error(`${shape}: a description is needed exactly for list items and roots`);
  const page = `${API}API_${shape === 'DescribeTaskDefinitionResponse' ? 'DescribeTaskDefinition' : shape}.html`;
  return {
    type: 'object',
    ...(def.description
      ? {
          description: def.description,
          markdownDescription: `${def.description}\n\n[AWS reference](${page})`,
        }
      : {}),
    ...(required.length ? { required } : {}),
    ...(def.minProperties ? { minProperties: def.minProperties } : {}),
    ...(def.maxProperties ? { maxProperties: def.maxProperties } : {}),
    properties,
    additionalProperties: false,
    ...(def.defaultSnippets ? { defaultSnippets: def.defaultSnippets } : {}),
  };
}

export function buildSchema() {
  const definitions = {
    placeholder: {
      type: 'string',
      description:
        'A template placeholder standing for the whole value: ${VAR}, {{var}}, <VAR>, $$$VAR$$$, #{var} or $VAR.',
      pattern: PLACEHOLDER,
    },
    templatedString: {
      type: 'string',
      description: 'A string that is or contains a template placeholder, e.g. "app-${ENV}".',
      pattern: TEMPLATED,
    },
  };
  for (const [shape, def] of Object.entries(STRUCTURES)) definitions[shape] = structure(shape, def);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Amazon ECS task definition',
    description:
      'An Amazon ECS task definition (register-task-definition input), the output of describe-task-definition, or a JSON array of container definitions (Terraform container_definitions).',
    oneOf: [
      { $ref: '#/definitions/TaskDefinition' },
      { $ref: '#/definitions/DescribeTaskDefinitionResponse' },
      {
        type: 'array',
        description: 'Container definitions, as in Terraform `container_definitions`.',
        items: { $ref: '#/definitions/ContainerDefinition' },
        minItems: 1,
        maxItems: 10,
      },
    ],
    definitions,
  };
}

export function schemaText() {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const output = schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // A missing file is as stale as a different one.
    }
    if (current !== output) {
      console.error(
        'schemas/task-definition.schema.json is out of date: run node scripts/generate-schema.mjs',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, output);
  }
}
