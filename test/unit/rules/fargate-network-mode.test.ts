import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const NO_MODE = fixture('fargate-network-mode/fargate-api-without-network-mode.json');
/** NO_MODE with the given networkMode value. */
const withMode = (value: string) =>
  edit(
    NO_MODE,
    '  "requiresCompatibilities"',
    `  "networkMode": ${value},\n  "requiresCompatibilities"`,
  );
const BRIDGE = withMode('"bridge"');
const HOST = withMode('"host"');
const NULL_MODE = withMode('null');
const BRIDGE_WITH_LINKS = fixture('fargate-network-mode/bridge-with-links-ec2-and-fargate.json');

const EC2_AND_FARGATE = edit(NO_MODE, '["FARGATE"]', '["EC2", "FARGATE"]');
/** Links in nginx and in a container not named yet. */
const LINKS_TWICE = edit(
  BRIDGE_WITH_LINKS,
  '"links": ["app"] }\n',
  '"links": ["app"] },\n    { "image": "busybox:1.36", "links": ["app"] }\n',
);
const ADD_AWSVPC = 'Add "networkMode": "awsvpc"';
const DEFAULT_BRIDGE =
  /This task requires FARGATE but has no networkMode, so it gets the default, bridge: Fargate requires the awsvpc network mode/;
const INCLUDES_FARGATE = {
  message: 'requiresCompatibilities includes FARGATE',
  underlined: '["FARGATE"]',
};

ruleTester('fargate-network-mode', {
  severity: 'error',
  valid: [
    { name: 'awsvpc on Fargate', document: withMode('"awsvpc"') },
    {
      name: 'bridge with links on EC2 only',
      document: edit(BRIDGE_WITH_LINKS, '["EC2", "FARGATE"]', '["EC2"]'),
    },
    {
      name: 'a value that is not a network mode (invalid-network-mode reports it)',
      document: edit(BRIDGE_WITH_LINKS, '"bridge"', '"AWSVPC"'),
    },
    {
      name: 'a placeholder network mode',
      document: edit(BRIDGE_WITH_LINKS, '"bridge"', '"${NETWORK_MODE}"'),
    },
    {
      name: 'a bare template placeholder for the network mode',
      document: withMode('${network_mode}'),
    },
    {
      name: 'a bare container array (the network mode is set elsewhere)',
      document: '[\n  { "name": "api", "image": "shop/api:1.0.0" }\n]\n',
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'a Fargate task without networkMode (the default is bridge): on FARGATE, the fix inserts networkMode after requiresCompatibilities',
      document: NO_MODE,
      findings: [
        {
          message: DEFAULT_BRIDGE,
          underlined: '"FARGATE"',
          fixes: [
            {
              title: ADD_AWSVPC,
              preferred: true,
              safe: true,
              output: edit(NO_MODE, '["FARGATE"],\n', '["FARGATE"],\n  "networkMode": "awsvpc",\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'no networkMode, FARGATE after EC2: the finding is on FARGATE, the message says nothing of links',
      document: EC2_AND_FARGATE,
      findings: [
        {
          message:
            'This task requires FARGATE but has no networkMode, so it gets the default, bridge: Fargate requires the awsvpc network mode, so ECS rejects the task definition.',
          underlined: '"FARGATE"',
          fixes: [
            {
              title: ADD_AWSVPC,
              preferred: true,
              safe: true,
              output: edit(
                EC2_AND_FARGATE,
                '["EC2", "FARGATE"],\n',
                '["EC2", "FARGATE"],\n  "networkMode": "awsvpc",\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'links in two containers, one not named yet: both are named in the note',
      document: LINKS_TWICE,
      findings: [
        {
          message:
            /awsvpc does not support links \(used by nginx, container #3\): in awsvpc containers reach each other on localhost\.$/,
          underlined: '"bridge"',
          related: [{ ...INCLUDES_FARGATE, underlined: '["EC2", "FARGATE"]' }],
          fixes: [
            {
              title: 'Change networkMode "bridge" to "awsvpc"',
              preferred: true,
              output: edit(LINKS_TWICE, '"networkMode": "bridge"', '"networkMode": "awsvpc"'),
            },
          ],
        },
      ],
    },
    {
      name: 'bridge with links, FARGATE next to EC2: the change is offered but not applied automatically',
      document: BRIDGE_WITH_LINKS,
      findings: [
        {
          message: [
            /uses network mode "bridge"/,
            /awsvpc does not support links \(used by nginx\)/,
          ],
          underlined: '"bridge"',
          related: [{ ...INCLUDES_FARGATE, underlined: '["EC2", "FARGATE"]' }],
          fixes: [
            {
              title: 'Change networkMode "bridge" to "awsvpc"',
              preferred: true,
              output: edit(BRIDGE_WITH_LINKS, '"networkMode": "bridge"', '"networkMode": "awsvpc"'),
            },
          ],
        },
      ],
    },
    {
      name: 'a written bridge without links is changed safely',
      document: BRIDGE,
      findings: [
        {
          message: /uses network mode "bridge"/,
          underlined: '"bridge"',
          related: [INCLUDES_FARGATE],
          fixes: [
            {
              title: 'Change networkMode "bridge" to "awsvpc"',
              preferred: true,
              safe: true,
              output: edit(BRIDGE, '"bridge"', '"awsvpc"'),
            },
          ],
        },
      ],
    },
    {
      name: 'host is changed, but not safely',
      document: HOST,
      findings: [
        {
          message: /uses network mode "host"/,
          underlined: '"host"',
          related: [INCLUDES_FARGATE],
          fixes: [
            {
              title: 'Change networkMode "host" to "awsvpc"',
              preferred: true,
              output: edit(HOST, '"host"', '"awsvpc"'),
            },
          ],
        },
      ],
    },
    {
      name: '"networkMode": null is the default too, and the fix replaces the null',
      document: NULL_MODE,
      findings: [
        {
          message: DEFAULT_BRIDGE,
          underlined: '"FARGATE"',
          fixes: [
            {
              title: ADD_AWSVPC,
              preferred: true,
              safe: true,
              output: edit(NULL_MODE, '"networkMode": null', '"networkMode": "awsvpc"'),
            },
          ],
        },
      ],
    },
  ],
});
