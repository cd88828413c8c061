/**
 * The value lists of the ECS API that more than one field or more than one part of the engine
 * uses. Values as in the API (a test compares them with the @aws-sdk/client-ecs model).
 */

/** In the order AWS's parameter page lists them, which is the order our messages use. */
export const NETWORK_MODES = ['none', 'bridge', 'awsvpc', 'host'] as const;
export const NETWORK_MODE_DESCRIPTIONS: readonly string[] = [
  'No external network.',
  "Docker's bridge network on the instance; the default on EC2 Linux.",
  'Each task gets its own elastic network interface and IP address. Required on Fargate.',
  "The instance's own network: a container port is a host port.",
];

export const LOG_DRIVERS = [
  'awsfirelens',
  'awslogs',
  'fluentd',
  'gelf',
  'journald',
  'json-file',
  'splunk',
  'syslog',
] as const;

/** Log drivers Fargate accepts (API_LogConfiguration: "awslogs, splunk, and awsfirelens"). */
export const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'] as const;

export const COMPATIBILITIES = ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES'] as const;

export const OS_FAMILIES = [
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
] as const;

export const ULIMIT_NAMES = [
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
] as const;
