import { REAL_WORLD_CORRECT } from './helpers';
import {
  edit,
  fixture,
  ruleTester,
  validCases,
  type InvalidCase,
  type ValidCase,
} from './ruleTester';

const NO_COMMAND = fixture(
  'healthcheck-command/search-proxy-healthcheck-without-command.schema-invalid.json',
);

/** A one-line api container with the given healthCheck: small and inline, the check is the point. */
const withHealthCheck = (healthCheck: string) =>
  `{ "containerDefinitions": [{ "name": "api", "image": "x", "healthCheck": ${healthCheck} }] }`;

const PROBE = '["CMD-SHELL", "curl -f http://localhost/ || exit 1"]';

/** An empty command: reported on the command, the fix puts an HTTP probe in its place. */
const emptyCommand = (name: string, command: string, schemaCovered = false): InvalidCase => {
  const document = withHealthCheck(`{ "command": ${command}, "interval": 30 }`);
  return {
    name,
    document,
    findings: [
      {
        message: /The healthCheck of api has an empty command/,
        underlined: command,
        container: 'api',
        schemaCovered,
        fixes: [
          { title: `Use ${PROBE} (edit the command)`, output: edit(document, command, PROBE) },
        ],
      },
    ],
  };
};
const healthy = (name: string, healthCheck: string): ValidCase => ({
  name,
  document: withHealthCheck(healthCheck),
});

ruleTester('healthcheck-command', {
  severity: 'error',
  valid: [
    healthy('a whole-command placeholder', '{ "command": "$$$HEALTHCHECK$$$" }'),
    healthy('a null healthCheck (console export)', 'null'),
    healthy('an executable with CMD', '{ "command": ["CMD", "/bin/health"] }'),
    healthy('an executable without CMD', '{ "command": ["/healthcheck"] }'),
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      // Offered, not applied by --fix: the probe is a guess at the service.
      name: 'a search proxy health check with interval and retries but no command: the fix adds an HTTP probe of the container port',
      document: NO_COMMAND,
      findings: [
        {
          message: [
            /The healthCheck of proxy has no command: ECS requires one/,
            /interval, timeout, retries and startPeriod apply only to a command/,
          ],
          underlined: '{\n        "interval": 30,\n        "retries": 3\n      }',
          container: 'proxy',
          schemaCovered: true,
          fixes: [
            {
              title:
                'Use ["CMD-SHELL", "curl -f http://localhost:9200/ || exit 1"] (edit the command)',
              output: edit(
                NO_COMMAND,
                '"retries": 3\n',
                '"retries": 3,\n        "command": ["CMD-SHELL", "curl -f http://localhost:9200/ || exit 1"]\n',
              ),
            },
          ],
        },
      ],
    },
    emptyCommand('an empty command array', '[]', true),
    emptyCommand('an empty string', '[""]'),
    emptyCommand('CMD-SHELL with an empty line', '["CMD-SHELL", ""]'),
    emptyCommand('CMD without an executable', '["CMD"]'),
    emptyCommand('CMD-SHELL with a blank line', '["CMD-SHELL", "  "]'),
    emptyCommand('CMD-SHELL with a comma inside the string', '["CMD-SHELL,"]'),
  ],
});
