import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { ruleTester, validCases } from './ruleTester';

/**
 * An api container whose health check has the given settings (JSON members): small and inline,
 * since the settings are what each case is about.
 */
function withSettings(...settings: string[]): string {
  return `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:2.0.0",
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
        ${settings.join(',\n        ')}
      }
    }
  ]
}
`;
}

ruleTester('healthcheck-range', {
  severity: 'error',
  valid: [
    {
      name: 'the lower bounds of interval and retries, the upper of timeout and startPeriod',
      document: withSettings(
        '"interval": 5',
        '"timeout": 60',
        '"retries": 10',
        '"startPeriod": 300',
      ),
    },
    {
      name: 'the upper bounds of interval, the lower of timeout, retries and startPeriod',
      document: withSettings('"interval": 300', '"timeout": 2', '"retries": 1', '"startPeriod": 0'),
    },
    {
      name: 'placeholders, quoted or bare',
      document: withSettings('"interval": "${HC_INTERVAL}"', '"retries": ${hc_retries}'),
    },
    {
      name: 'null settings (console exports)',
      document: withSettings('"interval": null', '"retries": null'),
    },
    {
      name: 'a null healthCheck (console exports)',
      document: '[\n  { "name": "api", "image": "shop/api:2.0.0", "healthCheck": null }\n]\n',
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'an interval of 2 and a timeout of 1: each on its value, the fixes clamp into the range',
      document: withSettings('"interval": 2', '"timeout": 1', '"retries": 3'),
      findings: [
        {
          message:
            /^The health-check interval of api is 2: below 5\. ECS accepts 5 to 300 seconds\. Leave it out for the default \(30 seconds\)\./,
          underlined: '2',
          line: 9,
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 2 to 5',
              preferred: true,
              output: withSettings('"interval": 5', '"timeout": 1', '"retries": 3'),
            },
          ],
        },
        {
          message:
            /^The health-check timeout of api is 1: below 2\. ECS accepts 2 to 60 seconds\. Leave it out for the default \(5 seconds\)\./,
          underlined: '1',
          line: 10,
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 1 to 2',
              preferred: true,
              output: withSettings('"interval": 2', '"timeout": 2', '"retries": 3'),
            },
          ],
        },
      ],
    },
    {
      name: 'an interval of 2 alone',
      document: withSettings('"interval": 2', '"retries": 3'),
      findings: [
        {
          message: /^The health-check interval of api is 2: below 5/,
          underlined: '2',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 2 to 5',
              preferred: true,
              output: withSettings('"interval": 5', '"retries": 3'),
            },
          ],
        },
      ],
    },
    {
      name: 'retries above 10 and a startPeriod above 300',
      document: withSettings('"retries": 11', '"startPeriod": 600'),
      findings: [
        {
          message: /ECS accepts 1 to 10 retries\. Leave it out for the default \(3\)/,
          underlined: '11',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 11 to 10',
              preferred: true,
              output: withSettings('"retries": 10', '"startPeriod": 600'),
            },
          ],
        },
        {
          message: /^The health-check startPeriod of api is 600: above 300/,
          underlined: '600',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 600 to 300',
              preferred: true,
              output: withSettings('"retries": 11', '"startPeriod": 300'),
            },
          ],
        },
      ],
    },
    {
      name: 'a number written as a string ("30"): the safe fix drops the quotes',
      document: withSettings('"interval": "30"', '"retries": 3'),
      findings: [
        {
          message:
            /The health-check interval of api is the string "30": the ECS API takes a number here, and the AWS CLI and SDKs reject a string/,
          underlined: '"30"',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change "30" to 30',
              preferred: true,
              safe: true,
              output: withSettings('"interval": 30', '"retries": 3'),
            },
          ],
        },
      ],
    },
    {
      name: 'the zeros of a generated skeleton (startPeriod 0 is valid)',
      document: withSettings('"interval": 0', '"timeout": 0', '"retries": 0', '"startPeriod": 0'),
      findings: [
        {
          message: /^The health-check interval of api is 0: below 5/,
          underlined: '0',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 0 to 5',
              preferred: true,
              output: withSettings(
                '"interval": 5',
                '"timeout": 0',
                '"retries": 0',
                '"startPeriod": 0',
              ),
            },
          ],
        },
        {
          message: /^The health-check timeout of api is 0: below 2/,
          underlined: '0',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 0 to 2',
              preferred: true,
              output: withSettings(
                '"interval": 0',
                '"timeout": 2',
                '"retries": 0',
                '"startPeriod": 0',
              ),
            },
          ],
        },
        {
          message: /^The health-check retries of api is 0: below 1/,
          underlined: '0',
          container: 'api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Change 0 to 1',
              preferred: true,
              output: withSettings(
                '"interval": 0',
                '"timeout": 0',
                '"retries": 1',
                '"startPeriod": 0',
              ),
            },
          ],
        },
      ],
    },
  ],
});
