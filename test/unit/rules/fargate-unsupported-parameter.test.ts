import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases, type ExpectedFinding } from './ruleTester';

const TRANSCODER = fixture(
  'fargate-unsupported-parameter/media-transcoder-privileged-on-fargate.json',
);
/** The transcoder with links instead of privileged and a placeholder log driver. */
const LINKS_AND_PLACEHOLDER = edit(
  TRANSCODER,
  ['"json-file"', '"${log_driver}"'],
  ['"privileged": true,', '"links": ["x"],'],
);
const IPC_PLACEMENT_HOSTNAME = `{
  "family": "x",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "ipcMode": "host",
  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == t3.small" }],
  "containerDefinitions": [{ "name": "app", "image": "shop/app:1", "hostname": "app.internal" }]
}`;

/**
 * A batch worker moved from EC2 to Fargate with the rest of what Fargate rejects: one parameter a
 * line, so that each fix removes a line. A security option written as a map (Compose's style) and
 * an extraHosts entry still empty ask for the feature all the same.
 */
const WORKER = `{
  "family": "worker",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "shop/worker:1",
      "disableNetworking": true,
      "dnsSearchDomains": ["corp.example.com"],
      "dockerSecurityOptions": { "seccomp": "unconfined" },
      "extraHosts": [{}],
      "linuxParameters": {
        "devices": [{ "hostPath": "/dev/fuse" }],
        "tmpfs": [{ "containerPath": "/run", "size": 64 }],
        "maxSwap": 1024,
        "swappiness": 60,
        "capabilities": { "add": ["SYS_ADMIN", 7] }
      },
      "resourceRequirements": [{ "type": "GPU", "value": "1" }],
      "logConfiguration": { "logDriver": "syslog" }
    }
  ],
  "volumes": [{ "host": { "sourcePath": "/var/run/docker.sock" } }]
}
`;

/** The whole message: what is written, and why Fargate rejects it. */
const rejected = (what: string, why: string) =>
  `${what} is not valid for a Fargate task: ${why}. The task definition requires FARGATE, so ECS rejects it.`;
const SOURCE_PATH =
  'on Fargate a bind mount is task storage only: host.sourcePath is supported only on EC2 (or Managed Instances)';

/** Every finding points back at FARGATE in requiresCompatibilities. */
const onFargate = (finding: ExpectedFinding): ExpectedFinding => ({
  ...finding,
  related: [{ message: 'requiresCompatibilities includes FARGATE', underlined: '["FARGATE"]' }],
});
/** The fix that removes a parameter: not safe, it removes what the user wrote. */
const remove = (title: string, document: string, from: string, to = '') => [
  { title: `Remove "${title}"`, preferred: true, output: edit(document, from, to) },
];

/** The transcoder's findings after privileged; the json-file log driver only where it is written. */
const transcoderFindings = (document: string, jsonFileLogs: boolean): ExpectedFinding[] =>
  [
    {
      message: rejected(
        '"dnsServers" in transcoder',
        'Fargate does not support it (tasks use the VPC resolver)',
      ),
      underlined: '"dnsServers"',
      container: 'transcoder',
      fixes: remove('dnsServers', document, '      "dnsServers": ["10.0.0.2"],\n'),
    },
    {
      message: rejected(
        '"linuxParameters.sharedMemorySize" in transcoder',
        'Fargate does not support it',
      ),
      underlined: '"sharedMemorySize"',
      container: 'transcoder',
      fixes: remove(
        'linuxParameters.sharedMemorySize',
        document,
        '        "sharedMemorySize": 512,\n',
      ),
    },
    {
      message:
        /The capability NET_ADMIN in transcoder .* the only capability Fargate lets a container add is SYS_PTRACE, on platform version 1\.4\.0 or later\./,
      underlined: '"NET_ADMIN"',
      container: 'transcoder',
      fixes: null,
    },
    ...(jsonFileLogs
      ? [
          {
            message:
              /The log driver "json-file" of transcoder .* only the awslogs, splunk and awsfirelens log drivers/,
            underlined: '"json-file"',
            container: 'transcoder',
            fixes: null,
          },
        ]
      : []),
    {
      message: rejected('"host.sourcePath" of volume "scratch"', SOURCE_PATH),
      underlined: '"sourcePath"',
      fixes: remove(
        'host.sourcePath',
        document,
        '"host": { "sourcePath": "/mnt/scratch" }',
        '"host": {  }',
      ),
    },
    {
      message: rejected(
        '"dockerVolumeConfiguration" of volume "cache"',
        'Docker volumes are supported only on EC2; use a bind mount (task storage) or EFS',
      ),
      underlined: '"dockerVolumeConfiguration"',
      fixes: remove(
        'dockerVolumeConfiguration',
        document,
        '{ "name": "cache", "dockerVolumeConfiguration": { "scope": "task", "driver": "local" } }',
        '{ "name": "cache" }',
      ),
    },
  ].map(onFargate);

ruleTester('fargate-unsupported-parameter', {
  severity: 'error',
  valid: [
    {
      name: 'false, 0, "" and [] (exports and skeletons write them)',
      document: `{
  "family": "x", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "placementConstraints": [],
  "containerDefinitions": [{ "name": "app", "image": "shop/app:1", "privileged": false, "disableNetworking": false,
    "dnsServers": [], "hostname": "", "linuxParameters": { "maxSwap": 0, "devices": [], "capabilities": { "add": ["SYS_PTRACE"] } } }]
}`,
    },
    {
      name: 'null, blank strings, an empty map, an empty GPU count and an empty host path ask for nothing either',
      document: `{
  "family": "x", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [{ "name": "app", "image": "shop/app:1", "extraHosts": null, "dnsServers": [null], "hostname": {},
    "dnsSearchDomains": [" "], "linuxParameters": { "capabilities": { "add": ["CAP_SYS_PTRACE", " "] } },
    "resourceRequirements": [{ "type": "GPU", "value": "" }, { "type": "InferenceAccelerator", "value": "device_1" }],
    "logConfiguration": { "logDriver": " " } }],
  "volumes": [{ "name": "scratch", "host": { "sourcePath": "" } }]
}`,
    },
    {
      name: 'template placeholders (a Helm or envsubst template fills them in)',
      document: `{
  "family": "x", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "ipcMode": "\${IPC_MODE}",
  "containerDefinitions": [{ "name": "app", "image": "shop/app:1", "hostname": "\${HOSTNAME}",
    "linuxParameters": { "capabilities": { "add": ["\${EXTRA_CAPABILITY}"] } } }]
}`,
    },
    { name: 'the transcoder on EC2', document: edit(TRANSCODER, '["FARGATE"]', '["EC2"]') },
    {
      name: 'the transcoder without requiresCompatibilities',
      document: edit(TRANSCODER, '  "requiresCompatibilities": ["FARGATE"],\n', ''),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a privileged media transcoder asks Fargate for what it does not do: one finding per parameter; the fixes remove it, none for a capability or a log driver',
      document: TRANSCODER,
      findings: [
        onFargate({
          message:
            /^"privileged" in transcoder is not valid for a Fargate task: Fargate does not run privileged containers\. The task definition requires FARGATE, so ECS rejects it\.$/,
          underlined: '"privileged"',
          container: 'transcoder',
          fixes: remove('privileged', TRANSCODER, '      "privileged": true,\n'),
        }),
        ...transcoderFindings(TRANSCODER, true),
      ],
    },
    {
      name: 'links (links-in-awsvpc reports them) and a placeholder log driver are left alone',
      document: LINKS_AND_PLACEHOLDER,
      findings: transcoderFindings(LINKS_AND_PLACEHOLDER, false),
    },
    {
      name: 'a batch worker moved from EC2: every other parameter Fargate rejects, one finding each with its reason',
      document: WORKER,
      findings: [
        {
          message: rejected('"disableNetworking" in worker', 'Fargate does not support it'),
          underlined: '"disableNetworking"',
          container: 'worker',
          fixes: remove('disableNetworking', WORKER, '      "disableNetworking": true,\n'),
        },
        {
          message: rejected('"dnsSearchDomains" in worker', 'Fargate does not support it'),
          underlined: '"dnsSearchDomains"',
          container: 'worker',
          fixes: remove(
            'dnsSearchDomains',
            WORKER,
            '      "dnsSearchDomains": ["corp.example.com"],\n',
          ),
        },
        {
          message: rejected('"dockerSecurityOptions" in worker', 'Fargate does not support it'),
          underlined: '"dockerSecurityOptions"',
          container: 'worker',
          fixes: remove(
            'dockerSecurityOptions',
            WORKER,
            '      "dockerSecurityOptions": { "seccomp": "unconfined" },\n',
          ),
        },
        {
          message: rejected(
            '"extraHosts" in worker',
            'Fargate does not support it (it is not supported in awsvpc, the network mode Fargate uses)',
          ),
          underlined: '"extraHosts"',
          container: 'worker',
          fixes: remove('extraHosts', WORKER, '      "extraHosts": [{}],\n'),
        },
        {
          message: rejected(
            '"linuxParameters.devices" in worker',
            'Fargate does not support host devices',
          ),
          underlined: '"devices"',
          container: 'worker',
          fixes: remove(
            'linuxParameters.devices',
            WORKER,
            '        "devices": [{ "hostPath": "/dev/fuse" }],\n',
          ),
        },
        {
          message: rejected(
            '"linuxParameters.tmpfs" in worker',
            'Fargate does not support tmpfs mounts',
          ),
          underlined: '"tmpfs"',
          container: 'worker',
          fixes: remove(
            'linuxParameters.tmpfs',
            WORKER,
            '        "tmpfs": [{ "containerPath": "/run", "size": 64 }],\n',
          ),
        },
        {
          message: rejected('"linuxParameters.maxSwap" in worker', 'Fargate does not support swap'),
          underlined: '"maxSwap"',
          container: 'worker',
          fixes: remove('linuxParameters.maxSwap', WORKER, '        "maxSwap": 1024,\n'),
        },
        {
          message: rejected(
            '"linuxParameters.swappiness" in worker',
            'Fargate does not support swap',
          ),
          underlined: '"swappiness"',
          container: 'worker',
          fixes: remove('linuxParameters.swappiness', WORKER, '        "swappiness": 60,\n'),
        },
        {
          message: rejected(
            'The capability SYS_ADMIN in worker',
            'the only capability Fargate lets a container add is SYS_PTRACE, on platform version 1.4.0 or later',
          ),
          underlined: '"SYS_ADMIN"',
          container: 'worker',
          fixes: null,
        },
        {
          message: rejected('A GPU resource requirement in worker', 'Fargate has no GPUs'),
          underlined: '"GPU"',
          container: 'worker',
          fixes: null,
        },
        {
          message: rejected(
            'The log driver "syslog" of worker',
            'Fargate supports only the awslogs, splunk and awsfirelens log drivers',
          ),
          underlined: '"syslog"',
          container: 'worker',
          fixes: null,
        },
        {
          message: rejected('"host.sourcePath" of a volume', SOURCE_PATH),
          underlined: '"sourcePath"',
          fixes: remove(
            'host.sourcePath',
            WORKER,
            '{ "sourcePath": "/var/run/docker.sock" }',
            '{  }',
          ),
        },
      ].map(onFargate),
    },
    {
      name: 'ipcMode, placement constraints and a container hostname',
      document: IPC_PLACEMENT_HOSTNAME,
      findings: [
        {
          message: rejected('"ipcMode"', 'Fargate does not support it'),
          underlined: '"ipcMode"',
          fixes: remove('ipcMode', IPC_PLACEMENT_HOSTNAME, '  "ipcMode": "host",\n'),
        },
        {
          message: rejected(
            '"placementConstraints"',
            'Fargate places tasks itself; placement constraints are for EC2 container instances',
          ),
          underlined: '"placementConstraints"',
          fixes: remove(
            'placementConstraints',
            IPC_PLACEMENT_HOSTNAME,
            '  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == t3.small" }],\n',
          ),
        },
        {
          message: rejected(
            '"hostname" in app',
            'Fargate tasks use awsvpc, where hostname is not supported',
          ),
          underlined: '"hostname"',
          container: 'app',
          fixes: remove('hostname', IPC_PLACEMENT_HOSTNAME, ', "hostname": "app.internal"'),
        },
      ].map(onFargate),
    },
  ],
});
