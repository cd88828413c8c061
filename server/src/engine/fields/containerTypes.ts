/** The types nested in a container definition. */
import { CONDITION_FACTS, CONDITIONS } from './conditions';
import { LOG_DRIVERS, FARGATE_LOG_DRIVERS, ULIMIT_NAMES } from './enums';
import {
  bool,
  enumList,
  enumOf,
  int,
  ints,
  list,
  map,
  shape,
  strings,
  struct,
  text,
  wordList,
} from './facts';

/** Service Connect's port names: lower case, digits, hyphens and underscores, at most 64. */
const PORT_NAME = '^[a-z0-9_][a-z0-9_-]{0,63}$';

export const CONTAINER_TYPE_SHAPES = [
  shape('RepositoryCredentials', {
    required: ['credentialsParameter'],
    fields: {
      credentialsParameter: text(
        'ARN of the Secrets Manager secret that holds the registry user name and password.',
      ),
    },
  }),
  shape('PortMapping', {
    description: 'A port the container exposes.',
    fields: {
      containerPort: int('Port inside the container.', { min: 0, max: 65535 }),
      hostPort: int(
        'Port on the host. In awsvpc and host modes leave it out or make it equal to `containerPort`; 0 or absent in bridge mode picks a free port.',
        { min: 0, max: 65535 },
      ),
      protocol: enumOf(['tcp', 'udp'], 'Transport protocol (default `tcp`).', { default: 'tcp' }),
      name: {
        description:
          'Name of the mapping, used by Service Connect: lower-case letters, digits, hyphens and underscores, at most 64, not starting with a hyphen.',
        value: { type: 'string', pattern: PORT_NAME },
      },
      appProtocol: enumOf(
        ['grpc', 'http', 'http2'],
        'Application protocol of the port, for Service Connect (TCP when absent).',
      ),
      containerPortRange: {
        description:
          'A range of container ports, such as `"8000-8099"`, mapped to host ports ECS picks. Leave `containerPort` and `hostPort` out.',
        value: { type: 'string', pattern: String.raw`^\s*\d{1,5}\s*-\s*\d{1,5}\s*$` },
      },
    },
  }),
  shape('ContainerRestartPolicy', {
    required: ['enabled'],
    fields: {
      enabled: bool('Restart the container when it exits.'),
      ignoredExitCodes: ints('Exit codes that do not trigger a restart (at most 50).', {
        maxItems: 50,
      }),
      restartAttemptPeriod: int(
        'Seconds the container must have run before it may be restarted again: 60 to 1800, default 300.',
        { min: 60, max: 1800, default: 300, unit: 'seconds' },
      ),
    },
  }),
  shape('KeyValuePair', {
    description: 'A name and a value.',
    fields: {
      name: text('Name (for an environment variable, the variable name).'),
      value: text('Value, always a string.'),
    },
  }),
  shape('EnvironmentFile', {
    description: 'A `.env` file in S3 loaded into the container environment.',
    required: ['value', 'type'],
    fields: {
      value: text('ARN of the S3 object.'),
      type: enumOf(['s3'], 'Where the file is stored.'),
    },
  }),
  shape('MountPoint', {
    description: 'A task volume mounted into the container.',
    fields: {
      sourceVolume: text('Name of a volume in the task definition `volumes`.'),
      containerPath: text('Path in the container where the volume is mounted.'),
      readOnly: bool('Mount the volume read-only.', { default: false }),
    },
  }),
  shape('VolumeFrom', {
    description: 'Volumes shared from another container.',
    fields: {
      sourceContainer: text('Name of the container whose volumes are mounted.'),
      readOnly: bool('Mount them read-only.', { default: false }),
    },
  }),
  shape('LinuxParameters', {
    fields: {
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
  }),
  shape('KernelCapabilities', {
    fields: {
      add: strings('Capabilities to add.'),
      drop: strings('Capabilities to drop.'),
    },
  }),
  shape('Device', {
    description: 'A host device exposed to the container.',
    required: ['hostPath'],
    fields: {
      hostPath: text('Path of the device on the host.'),
      containerPath: text('Path of the device in the container.'),
      permissions: enumList(
        ['mknod', 'read', 'write'],
        'Access the container gets (default: all three).',
      ),
    },
  }),
  shape('Tmpfs', {
    description: 'A tmpfs mount.',
    required: ['containerPath', 'size'],
    fields: {
      containerPath: text('Mount path in the container.'),
      size: int('Maximum size in MiB.', { min: 0 }),
      mountOptions: strings('Mount options such as `noexec` or `nosuid`.'),
    },
  }),
  shape('Secret', {
    description:
      'An environment variable (or log option) whose value is read from Secrets Manager or SSM Parameter Store.',
    required: ['name', 'valueFrom'],
    fields: {
      name: text('Name of the environment variable (or log option).'),
      valueFrom: text(
        'ARN (or, in the same Region, name) of the secret or parameter; `arn:…:secret:name:json-key::` picks one JSON key.',
      ),
    },
  }),
  shape('ContainerDependency', {
    description: 'A container that must reach a condition before this one starts.',
    required: ['containerName', 'condition'],
    fields: {
      containerName: text('Name of the container to wait for.'),
      condition: enumOf(CONDITIONS, `What to wait for: ${wordList(CONDITIONS)}, in upper case.`, {
        enumDescriptions: CONDITIONS.map((c) =>
          [`Wait until ${CONDITION_FACTS[c].meaning}.`, ...CONDITION_FACTS[c].constraints].join(
            ' ',
          ),
        ),
        guide: 'container_definition_dependson',
        completedByServer: true,
      }),
    },
  }),
  shape('HostEntry', {
    description: 'A line of /etc/hosts.',
    required: ['hostname', 'ipAddress'],
    fields: {
      hostname: text('Host name.'),
      ipAddress: text('IP address.'),
    },
  }),
  shape('Ulimit', {
    description: 'A resource limit.',
    required: ['name', 'softLimit', 'hardLimit'],
    fields: {
      name: enumOf(ULIMIT_NAMES, 'Which limit.'),
      softLimit: int('Soft limit.'),
      hardLimit: int('Hard limit.'),
    },
  }),
  shape('LogConfiguration', {
    required: ['logDriver'],
    fields: {
      logDriver: enumOf(
        LOG_DRIVERS,
        `Log driver. Fargate supports ${wordList(
          FARGATE_LOG_DRIVERS.map((d) => `\`${d}\``),
          'and',
        )}.`,
      ),
      options: map(
        'Options of the log driver, all string values (e.g. `awslogs-group`, `awslogs-region`, `awslogs-stream-prefix`).',
      ),
      secretOptions: list('Secret', 'Log options whose values are secrets.'),
    },
  }),
  shape('HealthCheck', {
    required: ['command'],
    fields: {
      command: strings(
        '`["CMD", "executable", "arg"…]` or `["CMD-SHELL", "shell command"]`; exit code 0 means healthy.',
        { minItems: 1 },
      ),
      interval: int('Seconds between checks: 5 to 300, default 30.', {
        min: 5,
        max: 300,
        default: 30,
        unit: 'seconds',
      }),
      timeout: int('Seconds a check may take before it counts as failed: 2 to 60, default 5.', {
        min: 2,
        max: 60,
        default: 5,
        unit: 'seconds',
      }),
      retries: int(
        'Failed checks in a row before the container is unhealthy: 1 to 10, default 3.',
        { min: 1, max: 10, default: 3 },
      ),
      startPeriod: int(
        'Grace period in seconds after start during which failures do not count: 0 to 300, off by default.',
        { min: 0, max: 300, whenAbsent: 'off', unit: 'seconds' },
      ),
    },
  }),
  shape('SystemControl', {
    description: 'A kernel parameter (sysctl).',
    fields: {
      namespace: text('Parameter name, e.g. `net.core.somaxconn`.'),
      value: text('Parameter value.'),
    },
  }),
  shape('ResourceRequirement', {
    description: 'A GPU, Neuron device or inference accelerator for the container.',
    required: ['type'],
    fields: {
      type: enumOf(['GPU', 'InferenceAccelerator', 'NeuronDevice'], 'Kind of resource.'),
      value: text(
        'How many GPUs (or `ALL`), `ALL` for Neuron devices, or the `deviceName` of an inference accelerator. Leave out for a shared GPU (`sharingStrategy`).',
      ),
      sharingStrategy: struct(
        'SharingStrategy',
        'Share a GPU with other containers instead of `value` GPUs of its own.',
      ),
    },
  }),
  shape('SharingStrategy', {
    // A union in the API: exactly one of its members.
    minFields: 1,
    maxFields: 1,
    fields: {
      nvidiaMps: struct('NvidiaMpsAllocation', 'Share a GPU through NVIDIA Multi-Process Service.'),
    },
  }),
  shape('NvidiaMpsAllocation', {
    required: ['memory'],
    fields: {
      memory: int('GPU memory for the container, in MiB.', { min: 1 }),
      maxComputePercent: int(
        'Most of the GPU compute the container may use, in percent (default 100).',
        { min: 1, max: 100, default: 100 },
      ),
    },
  }),
  shape('FirelensConfiguration', {
    required: ['type'],
    fields: {
      type: enumOf(['fluentbit', 'fluentd'], 'Log router in this container.'),
      options: map(
        'Router options (string values), e.g. `enable-ecs-log-metadata`, `config-file-type`, `config-file-value`.',
      ),
    },
  }),
];
