import { REAL_WORLD_CORRECT } from './helpers';
import { edit, ruleTester, validCases, type ExpectedFix, type ValidCase } from './ruleTester';

/** A one-container batch task with the given networkMode JSON value: small and inline. */
const withMode = (mode: string) => `{
  "family": "batch-report",
  "networkMode": ${mode},
  "containerDefinitions": [
    { "name": "report", "image": "shop/report:2.2.0", "memory": 2048 }
  ]
}
`;

/** Removing the field: the default network mode. */
const removeMode = (mode: string, preferred = false): ExpectedFix => ({
  title: 'Remove "networkMode" (use the default)',
  preferred,
  output: edit(withMode(mode), `  "networkMode": ${mode},\n`, ''),
});
const LEAVE_IT_OUT = /it means leaving the field out/;
const accepted = (mode: string): ValidCase => ({ name: mode, document: withMode(mode) });

ruleTester('invalid-network-mode', {
  severity: 'error',
  valid: [
    accepted('"none"'),
    accepted('"bridge"'),
    accepted('"awsvpc"'),
    accepted('"host"'),
    accepted('null'),
    accepted('"${network_mode}"'),
    accepted('"#{NetworkMode}"'),
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: '"default" (AWS\'s <default>): the preferred fix removes the field, awsvpc is offered too',
      document: withMode('"default"'),
      findings: [
        {
          message: [
            /"default" is not a value ECS accepts for networkMode \(none, bridge, awsvpc or host\)/,
            /<default>, it means leaving the field out/,
          ],
          underlined: '"default"',
          schemaCovered: true,
          fixes: [
            removeMode('"default"', true),
            { title: 'Change "default" to "awsvpc"', output: withMode('"awsvpc"') },
          ],
        },
      ],
    },
    {
      // The JSON schema reads "<default>" as a placeholder, so this one is not schema-covered.
      name: '"<default>" copied from the docs gets the same advice',
      document: withMode('"<default>"'),
      findings: [
        {
          message: LEAVE_IT_OUT,
          underlined: '"<default>"',
          fixes: [
            removeMode('"<default>"', true),
            { title: 'Change "<default>" to "awsvpc"', output: withMode('"awsvpc"') },
          ],
        },
      ],
    },
    {
      name: '"nat" (the Windows default) gets the same advice',
      document: withMode('"nat"'),
      findings: [
        {
          message: LEAVE_IT_OUT,
          underlined: '"nat"',
          schemaCovered: true,
          fixes: [
            removeMode('"nat"', true),
            { title: 'Change "nat" to "awsvpc"', output: withMode('"awsvpc"') },
          ],
        },
      ],
    },
    {
      name: 'a mode in the wrong case (AWSVPC): the fix lower-cases it, safely',
      document: withMode('"AWSVPC"'),
      findings: [
        {
          message:
            /"AWSVPC" is not a network mode: ECS accepts exactly none, bridge, awsvpc or host, in lower case/,
          underlined: '"AWSVPC"',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change "AWSVPC" to "awsvpc"',
              preferred: true,
              safe: true,
              output: withMode('"awsvpc"'),
            },
            removeMode('"AWSVPC"'),
          ],
        },
      ],
    },
    {
      name: 'an empty string',
      document: withMode('""'),
      findings: [
        {
          message: /networkMode is empty/,
          underlined: '""',
          schemaCovered: true,
          fixes: [removeMode('""', true)],
        },
      ],
    },
    {
      name: 'a blank string: empty too',
      document: withMode('"  "'),
      findings: [
        {
          message:
            'networkMode is empty: ECS accepts none, bridge, awsvpc or host. Leave the field out for the default (bridge on Linux EC2 instances).',
          underlined: '"  "',
          schemaCovered: true,
          fixes: [removeMode('"  "', true)],
        },
      ],
    },
    ...['"nat-gateway"', '"vpc-default"'].map((mode) => ({
      name: `${mode}: a word around default or nat is no <default>`,
      document: withMode(mode),
      findings: [
        {
          message: `${mode} is not a network mode: ECS accepts exactly none, bridge, awsvpc or host.`,
          underlined: mode,
          schemaCovered: true,
          fixes: [removeMode(mode)],
        },
      ],
    })),
    {
      name: 'an unknown word (vpc)',
      document: withMode('"vpc"'),
      findings: [
        {
          message: /"vpc" is not a network mode/,
          underlined: '"vpc"',
          schemaCovered: true,
          fixes: [removeMode('"vpc"')],
        },
      ],
    },
    {
      name: 'a number',
      document: withMode('1'),
      findings: [
        {
          message: /networkMode must be a string/,
          underlined: '1',
          schemaCovered: true,
          fixes: [removeMode('1')],
        },
      ],
    },
  ],
});
