import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const COLOR = fixture('start-where-healthy-available/app-starts-with-health-checked-envoy.json');
const COMMAND =
  '"command": ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"]';
const HEALTH_CHECK = `{
        ${COMMAND},
        "interval": 5
      }`;
/** The envoy's health check with another command. */
const withCommand = (command: string) => edit(COLOR, COMMAND, `"command": ${command}`);
/** The finding on COLOR's START, for a document that differs only in the health check. */
const startOnHealthChecked = (document: string, healthCheck: string) => ({
  document,
  findings: [
    {
      message: /app waits for envoy with START/,
      underlined: '"START"',
      container: 'app',
      related: [{ message: "envoy's health check", underlined: healthCheck }],
      fixes: [
        {
          title: 'Change "START" to "HEALTHY"',
          preferred: true,
          output: edit(document, '"condition": "START"', '"condition": "HEALTHY"'),
        },
      ],
    },
  ],
});
const healthCheckWith = (command: string) => HEALTH_CHECK.replace(COMMAND, `"command": ${command}`);

ruleTester('start-where-healthy-available', {
  severity: 'hint',
  valid: [
    {
      name: 'the target has no health check',
      document: edit(COLOR, `"healthCheck": ${HEALTH_CHECK}`, '"essential": true'),
    },
    {
      name: 'the target has an empty health check',
      document: edit(COLOR, COMMAND, '"command": [""]'),
    },
    ...validCases({
      'a command of only CMD-SHELL (healthcheck-command reports it)': withCommand('["CMD-SHELL"]'),
      'only "CMD-SHELL ," (healthcheck-command reports it)': withCommand('["CMD-SHELL ,"]'),
      'only "CMD-SHELL, " (healthcheck-command reports it)': withCommand('["CMD-SHELL, "]'),
      'CMD-SHELL and a blank command': withCommand('["CMD-SHELL", "   "]'),
      'CMD-SHELL and a number (the JSON schema reports it)': withCommand('["CMD-SHELL", 42]'),
    }),
    { name: 'the app already waits with HEALTHY', document: edit(COLOR, '"START"', '"HEALTHY"') },
    {
      name: 'a dependsOn without a condition (dependency-invalid-condition reports it)',
      document: edit(COLOR, ', "condition": "START"', ''),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      // Offered, not applied by --fix: it changes when the app starts.
      name: 'an App Mesh app starts with a health-checked Envoy on START: START becomes HEALTHY',
      document: COLOR,
      findings: [
        {
          message:
            /app waits for envoy with START, which only waits until its process has started\. envoy has a health check, so HEALTHY would wait until it actually serves/,
          underlined: '"START"',
          container: 'app',
          related: [{ message: "envoy's health check", underlined: HEALTH_CHECK }],
          fixes: [
            {
              title: 'Change "START" to "HEALTHY"',
              preferred: true,
              output: edit(COLOR, '"condition": "START"', '"condition": "HEALTHY"'),
            },
          ],
        },
      ],
    },
    {
      name: 'the whole check in one string, CMD-SHELL included: a command all the same',
      ...startOnHealthChecked(
        withCommand('["CMD-SHELL curl -f http://localhost:9901/ready"]'),
        healthCheckWith('["CMD-SHELL curl -f http://localhost:9901/ready"]'),
      ),
    },
    {
      name: 'a Windows batch script as the whole command (HEALTH.CMD is not the CMD prefix)',
      ...startOnHealthChecked(
        withCommand(String.raw`["C:\\probe\\HEALTH.CMD"]`),
        healthCheckWith(String.raw`["C:\\probe\\HEALTH.CMD"]`),
      ),
    },
    {
      name: 'CMD-SHELL running a program named CMD: only the first element is the prefix',
      ...startOnHealthChecked(
        withCommand('["CMD-SHELL", "CMD"]'),
        healthCheckWith('["CMD-SHELL", "CMD"]'),
      ),
    },
    {
      name: 'a template placeholder for the whole command',
      ...startOnHealthChecked(
        withCommand('"${ENVOY_HEALTH_COMMAND}"'),
        healthCheckWith('"${ENVOY_HEALTH_COMMAND}"'),
      ),
    },
  ],
});
