import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const COLOR = fixture('start-where-healthy-available/app-starts-with-health-checked-envoy.json');
const COMMAND =
  '"command": ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"]';
const HEALTH_CHECK = `{
        ${COMMAND},
        "interval": 5
      }`;

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
    { name: 'the app already waits with HEALTHY', document: edit(COLOR, '"START"', '"HEALTHY"') },
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
  ],
});
