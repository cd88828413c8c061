import { CORRECT_FIXTURES, ENVOY_HEALTHY } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const PROXY = fixture('healthy-without-healthcheck/dashboard-waits-for-oauth2-proxy-healthy.json');
const TABS = fixture('healthy-without-healthcheck/cache-warmer-tabs-trailing-commas.jsonc');
const NGINX_IMAGE = edit(
  PROXY,
  'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0',
  'nginxinc/nginx-unprivileged:1.27',
);

const NO_HEALTHCHECK = [
  /dashboard waits for oauth2-proxy to be HEALTHY, but oauth2-proxy has no healthCheck/,
  /only report a container healthy when the task definition gives it a health check/,
  /dashboard never starts/,
];
const ADD_TO_PROXY = 'Add a healthCheck to oauth2-proxy (edit its command)';
/** The health check the fix adds to oauth2-proxy, after its portMappings. */
const PROXY_HEALTHCHECK = `"portMappings": [{ "containerPort": 4180 }],
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -f http://localhost:4180/ || exit 1"],
        "interval": 30,
        "timeout": 5,
        "retries": 3,
        "startPeriod": 10
      },`;

ruleTester('healthy-without-healthcheck', {
  severity: 'error',
  valid: [
    {
      name: 'App Mesh: the app waits with HEALTHY for an Envoy proxy with a healthCheck',
      document: ENVOY_HEALTHY,
    },
    { name: 'START on the proxy', document: edit(PROXY, '"HEALTHY"', '"START"') },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      // The command is a guess (the image may have no curl): offered, never applied by --fix.
      name: 'a dashboard waits for an oauth2-proxy without healthCheck: the fix adds one on the container port after portMappings',
      document: PROXY,
      findings: [
        {
          message: NO_HEALTHCHECK,
          underlined: '"HEALTHY"',
          container: 'dashboard',
          related: [{ message: 'oauth2-proxy has no healthCheck', underlined: '"oauth2-proxy"' }],
          fixes: [
            {
              title: ADD_TO_PROXY,
              preferred: true,
              output: edit(
                PROXY,
                '"portMappings": [{ "containerPort": 4180 }],',
                PROXY_HEALTHCHECK,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a tab-indented JSONC file with trailing commas: the block is tab-indented and keeps the trailing comma',
      document: TABS,
      findings: [
        {
          message:
            'dashboard waits for cache-warmer to be HEALTHY, but cache-warmer has no healthCheck: ECS can only report a container healthy when the task definition gives it a health check, so dashboard never starts.',
          underlined: '"HEALTHY"',
          container: 'dashboard',
          related: [{ message: 'cache-warmer has no healthCheck', underlined: '"cache-warmer"' }],
          fixes: [
            {
              title: 'Add a healthCheck to cache-warmer (edit its command)',
              preferred: true,
              output: edit(
                TABS,
                '"image": "shop/cache-warmer:1.0.0",\n',
                '"image": "shop/cache-warmer:1.0.0",\n' +
                  '\t\t\t"healthCheck": {\n' +
                  '\t\t\t\t"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],\n' +
                  '\t\t\t\t"interval": 30,\n' +
                  '\t\t\t\t"timeout": 5,\n' +
                  '\t\t\t\t"retries": 3,\n' +
                  '\t\t\t\t"startPeriod": 10\n' +
                  '\t\t\t},\n',
              ),
            },
          ],
        },
      ],
    },
    {
      // Nothing in the file can tell the image's HEALTHCHECK; the finding stands for any image.
      name: 'an image with a HEALTHCHECK of its own (nginx): ECS only runs the task definition’s health check',
      document: NGINX_IMAGE,
      findings: [
        {
          message: NO_HEALTHCHECK,
          underlined: '"HEALTHY"',
          container: 'dashboard',
          related: [{ message: 'oauth2-proxy has no healthCheck', underlined: '"oauth2-proxy"' }],
          fixes: [
            {
              title: ADD_TO_PROXY,
              preferred: true,
              output: edit(
                NGINX_IMAGE,
                '"portMappings": [{ "containerPort": 4180 }],',
                PROXY_HEALTHCHECK,
              ),
            },
          ],
        },
      ],
    },
  ],
});
