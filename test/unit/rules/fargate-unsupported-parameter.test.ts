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
      message: /^"dnsServers" in transcoder is not valid for a Fargate task/,
      underlined: '"dnsServers"',
      container: 'transcoder',
      fixes: remove('dnsServers', document, '      "dnsServers": ["10.0.0.2"],\n'),
    },
    {
      message: /^"linuxParameters\.sharedMemorySize" in transcoder is not valid for a Fargate task/,
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
      message: /"host\.sourcePath" of volume "scratch" .* supported only on EC2/,
      underlined: '"sourcePath"',
      fixes: remove(
        'host.sourcePath',
        document,
        '"host": { "sourcePath": "/mnt/scratch" }',
        '"host": {  }',
      ),
    },
    {
      message: /^"dockerVolumeConfiguration" of volume "cache" is not valid for a Fargate task/,
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
      name: 'ipcMode, placement constraints and a container hostname',
      document: IPC_PLACEMENT_HOSTNAME,
      findings: [
        {
          message: /^"ipcMode" is not valid for a Fargate task/,
          underlined: '"ipcMode"',
          fixes: remove('ipcMode', IPC_PLACEMENT_HOSTNAME, '  "ipcMode": "host",\n'),
        },
        {
          message: /^"placementConstraints" is not valid for a Fargate task/,
          underlined: '"placementConstraints"',
          fixes: remove(
            'placementConstraints',
            IPC_PLACEMENT_HOSTNAME,
            '  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == t3.small" }],\n',
          ),
        },
        {
          message: /^"hostname" in app is not valid for a Fargate task/,
          underlined: '"hostname"',
          container: 'app',
          fixes: remove('hostname', IPC_PLACEMENT_HOSTNAME, ', "hostname": "app.internal"'),
        },
      ].map(onFargate),
    },
  ],
});
