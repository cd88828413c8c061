/** A container definition: RegisterTaskDefinition's ContainerDefinition. */
import { bool, enumOf, int, list, map, name, shape, strings, struct, text } from './facts';

export const CONTAINER_DEFINITION = shape('ContainerDefinition', {
  description: 'One container of the task.',
  // Optional in the API model, but the Developer Guide lists both as required and the service
  // rejects a container without them.
  required: ['name', 'image'],
  fields: {
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
      'Containers this one can reach by name (`name` or `name:alias`); ECS starts them first, as a START dependency would. Only in the `bridge` network mode, not with `awsvpc` (Fargate).',
      { guide: 'container_definition_links' },
    ),
    portMappings: list('PortMapping', 'Ports the container exposes.'),
    essential: bool(
      'True when left out. When an essential container stops, for any reason, the task stops; every task needs at least one. Set false for init and other short-lived containers.',
      { default: true, guide: 'container_definition_essential' },
    ),
    restartPolicy: struct(
      'ContainerRestartPolicy',
      'Restart the container in place when it exits, instead of replacing the task.',
    ),
    entryPoint: strings(
      'Replaces the image\'s ENTRYPOINT; `command` is passed to it as arguments. A shell command needs `["sh", "-c"]` here.',
      { guide: 'container_definition_entrypoint' },
    ),
    command: strings(
      "Replaces the image's CMD: the arguments passed to the ENTRYPOINT (the image's, or this container's `entryPoint`), one array item per argument.",
      { guide: 'container_definition_command' },
    ),
    environment: list(
      'KeyValuePair',
      'Environment variables (plain text; use `secrets` for sensitive values).',
    ),
    environmentFiles: list(
      'EnvironmentFile',
      'Files in S3 with environment variables (at most 10).',
      {
        maxItems: 10,
      },
    ),
    mountPoints: list(
      'MountPoint',
      "Task volumes (declared in the task's `volumes`) mounted into the container. Each container has its own filesystem: files reach another container only through a volume both mount.",
      { guide: 'container_definition_mountpoints' },
    ),
    volumesFrom: list(
      'VolumeFrom',
      'Mounts every volume of the containers named here; ECS creates those containers first (they need not have started, so this orders less than a START dependency).',
      { guide: 'container_definition_volumesfrom' },
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
      'Containers that must reach a condition before this one starts; at shutdown the order is reversed. ECS does not document the array order as a start order: dependsOn is how to order containers.',
      { guide: 'container_definition_dependson' },
    ),
    startTimeout: int(
      'Seconds ECS gives this container, from its start, to reach the COMPLETE, SUCCESS or HEALTHY others wait for (`dependsOn`); if it takes longer, they give up and the task stops. START waits never time out. Fargate: 2–120.',
      { min: 0, unit: 'seconds', guide: 'container_definition_timeout' },
    ),
    stopTimeout: int(
      'Seconds ECS waits after asking the container to stop (SIGTERM) before it kills it (SIGKILL). Fargate: 30 seconds by default, at most 120.',
      { min: 0, unit: 'seconds', guide: 'container_definition_timeout' },
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
    extraHosts: list('HostEntry', 'Extra lines for /etc/hosts (not with the awsvpc network mode).'),
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
      'A command ECS runs in the container to judge its health (exit code 0: healthy). Others can wait for HEALTHY only with a healthCheck here: ECS does not watch a HEALTHCHECK written in the image.',
      { guide: 'container_definition_healthcheck' },
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
      { maxItems: 1 },
    ),
  },
});
