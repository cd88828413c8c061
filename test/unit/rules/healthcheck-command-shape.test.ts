import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAll } from '../../../server/src/engine/index';
import { intendedShellLine } from '../../../server/src/engine/rules/healthcheck-command-shape';
import { ruleById } from '../../../server/src/engine/rules/index';
import { REAL_WORLD_CORRECT } from './helpers';
import { ruleTester, validCases, type ValidCase } from './ruleTester';

const ID = 'healthcheck-command-shape';

/** The accounts service with the given health-check command: small and inline. */
const withCommand = (command: string) => `{
  "family": "accounts",
  "containerDefinitions": [
    {
      "name": "accounts",
      "image": "shop/accounts:6.0.4",
      "healthCheck": {
        "command": ${command},
        "interval": 30
      }
    }
  ]
}
`;

const BASH_PASTED = withCommand('["/bin/bash, curl -f http://localhost/ || exit 1"]');
const ONE_EXECUTABLE = /is one string that does not start with CMD or CMD-SHELL/;
const wellFormed = (command: string): ValidCase => ({
  name: command,
  document: withCommand(command),
});

ruleTester(ID, {
  severity: 'warning',
  valid: [
    wellFormed('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
    wellFormed('["CMD", "curl", "-f", "http://localhost/"]'),
    wellFormed('["/usr/local/bin/healthcheck"]'),
    wellFormed('["curl", "-f", "http://localhost/"]'),
    wellFormed('[""]'),
    wellFormed('[" "]'),
    wellFormed('["CMD-SHELL,"]'),
    wellFormed('[8080]'),
    wellFormed('"curl -f http://localhost/ || exit 1"'),
    wellFormed('["{{ .Values.healthcheck }}"]'),
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a curl shell line in one string: on the string; the safe fix makes it CMD-SHELL',
      document: withCommand('["curl -f http://localhost:8080/health || exit 1"]'),
      findings: [
        {
          message: [
            ONE_EXECUTABLE,
            /the whole string "curl -f http:\/\/localhost:8080\/health \|\| exit 1" is the name of one executable/,
            /"CMD-SHELL, <line>" form becomes \["CMD-SHELL", "<line>"\] in JSON/,
          ],
          underlined: '"curl -f http://localhost:8080/health || exit 1"',
          container: 'accounts',
          fixes: [
            {
              title: 'Change to ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]',
              preferred: true,
              safe: true,
              output: withCommand(
                '["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the console form pasted into one string is split at its comma; the title names the string it replaces',
      document: withCommand('["CMD-SHELL, curl -f http://localhost/ || exit 1"]'),
      findings: [
        {
          message: ONE_EXECUTABLE,
          underlined: '"CMD-SHELL, curl -f http://localhost/ || exit 1"',
          container: 'accounts',
          fixes: [
            {
              title:
                'Change "CMD-SHELL, curl -f http://localhost/ || exit 1" to ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
              preferred: true,
              safe: true,
              output: withCommand('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
            },
          ],
        },
      ],
    },
    {
      name: 'a one-string shell line with a space before it: quoted and fixed without the space',
      document: withCommand('[" curl -f http://localhost/ || exit 1"]'),
      findings: [
        {
          message:
            /so the whole string "curl -f http:\/\/localhost\/ \|\| exit 1" is the name of one executable/,
          underlined: '" curl -f http://localhost/ || exit 1"',
          container: 'accounts',
          fixes: [
            {
              title: 'Change to ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
              preferred: true,
              safe: true,
              output: withCommand('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
            },
          ],
        },
      ],
    },
    {
      name: 'the console form pasted with a space after the line: the line keeps none',
      document: withCommand('["CMD-SHELL, curl -f http://localhost/ || exit 1 "]'),
      findings: [
        {
          message: ONE_EXECUTABLE,
          underlined: '"CMD-SHELL, curl -f http://localhost/ || exit 1 "',
          container: 'accounts',
          fixes: [
            {
              title:
                'Change "CMD-SHELL, curl -f http://localhost/ || exit 1 " to ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
              preferred: true,
              safe: true,
              output: withCommand('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
            },
          ],
        },
      ],
    },
    {
      name: 'a shell path pasted in front is dropped, so that fix is not safe',
      document: BASH_PASTED,
      findings: [
        {
          message: ONE_EXECUTABLE,
          underlined: '"/bin/bash, curl -f http://localhost/ || exit 1"',
          container: 'accounts',
          fixes: [
            {
              title:
                'Change "/bin/bash, curl -f http://localhost/ || exit 1" to ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
              preferred: true,
              output: withCommand('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
            },
          ],
        },
      ],
    },
  ],
});

test(`${ID}: fix-all leaves the pasted shell path alone (its fix drops words)`, () => {
  assert.equal(fixAll(BASH_PASTED, { rules: [ruleById(ID)!] }).text, BASH_PASTED);
});

test(`${ID}: intendedShellLine`, () => {
  assert.deepEqual(intendedShellLine(['sh -c "pgrep nginx"']), {
    line: 'sh -c "pgrep nginx"',
    dropsWords: false,
  });
  assert.deepEqual(intendedShellLine(['/bin/sh, -c, wget -q -O- localhost:80']), {
    line: 'wget -q -O- localhost:80',
    dropsWords: true,
  });
  assert.deepEqual(intendedShellLine(['CMD curl -f http://x/']), {
    line: 'curl -f http://x/',
    dropsWords: false,
  });
  assert.equal(intendedShellLine(['/healthcheck']), undefined);
  assert.equal(intendedShellLine(['CMD-SHELL', 'curl -f http://x/']), undefined);
  assert.equal(intendedShellLine(['${HEALTHCHECK}']), undefined);
});
