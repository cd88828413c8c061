import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases, type ExpectedFix } from './ruleTester';

const MOVED_FROM_BRIDGE = fixture(
  'awsvpc-host-port/storefront-moved-from-bridge-host-port-80.json',
);
/** MOVED_FROM_BRIDGE in the given network mode, on EC2. */
const onEc2In = (mode: string) =>
  edit(MOVED_FROM_BRIDGE, ['"awsvpc"', `"${mode}"`], ['["FARGATE"]', '["EC2"]']);
const HOST = onEc2In('host');
const HOST_PORT_LINE = '          "hostPort": 80,\n';

/** Both fixes of the storefront's hostPort 80, in the given document. */
const hostPortFixes = (document: string): ExpectedFix[] => [
  {
    title: 'Change hostPort 80 to 3000',
    preferred: true,
    safe: true,
    output: edit(document, '"hostPort": 80', '"hostPort": 3000'),
  },
  { title: 'Remove "hostPort": 80', output: edit(document, HOST_PORT_LINE, '') },
];

ruleTester('awsvpc-host-port', {
  severity: 'error',
  valid: [
    { name: 'bridge mode, where hostPort maps', document: onEc2In('bridge') },
    {
      name: 'hostPort equal to containerPort',
      document: edit(MOVED_FROM_BRIDGE, '"hostPort": 80', '"hostPort": 3000'),
    },
    { name: 'hostPort left out', document: edit(MOVED_FROM_BRIDGE, HOST_PORT_LINE, '') },
    { name: 'hostPort 0', document: edit(MOVED_FROM_BRIDGE, '"hostPort": 80', '"hostPort": 0') },
    {
      name: 'a containerPortRange mapping',
      document: edit(
        MOVED_FROM_BRIDGE,
        '"containerPort": 3000',
        '"containerPortRange": "3000-3010"',
      ),
    },
    {
      name: 'a placeholder port',
      document: edit(MOVED_FROM_BRIDGE, '"hostPort": 80', '"hostPort": "${HOST_PORT}"'),
    },
    {
      name: 'a bare container array (the network mode is not known)',
      document:
        '[\n  { "name": "web", "image": "shop/storefront:3.2.0", "portMappings": [{ "containerPort": 3000, "hostPort": 80 }] }\n]\n',
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'a storefront moved from bridge to Fargate keeps hostPort 80 for container port 3000: set hostPort to 3000, or remove it',
      document: MOVED_FROM_BRIDGE,
      findings: [
        {
          message: [
            /web maps host port 80 to container port 3000, but in network mode awsvpc \(as on Fargate\) there is no port translation: hostPort must be left out or equal to containerPort/,
            /the host ports and container ports in port mappings must match/,
          ],
          underlined: '80',
          line: 14,
          container: 'web',
          fixes: hostPortFixes(MOVED_FROM_BRIDGE),
        },
      ],
    },
    {
      name: 'the same mapping in host mode on EC2',
      document: HOST,
      findings: [
        {
          message: /in network mode host there is no port translation/,
          underlined: '80',
          container: 'web',
          fixes: hostPortFixes(HOST),
        },
      ],
    },
  ],
});
