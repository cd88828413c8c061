import { readFileSync } from 'node:fs';
import { ALL_CORRECT, REAL_WORLD_CORRECT } from './helpers';
import { ruleTester, validCases, type ValidCase } from './ruleTester';

const ID = 'healthcheck-always-passes';
const real = (path: string) => readFileSync(`test/fixtures/real-world/${path}`, 'utf8');

/** Frankie116/TF-fargate-using-cd-files: mongo-express waits for mongodb HEALTHY; both checks are `echo hello`. */
const MONGO = real('bad/mongo-express-echo-healthy-plaintext.schema-invalid.json.tpl');
/** aws/aws-app-mesh-examples colorapp: the app waits for Envoy HEALTHY, Envoy's check is `echo hello`. */
const COLORAPP = real('bad/appmesh-colorteller-envsubst.json');

/** A web container with the given health-check command, and a worker that waits for it HEALTHY or not at all. */
function withCheck(command: string[], waits = false, essential = true): string {
  return `{
  "family": "shop",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "shop/web:1.4.0",
      "essential": ${essential},
      "portMappings": [{ "containerPort": 8080 }],
      "healthCheck": {
        "command": ${JSON.stringify(command).replace(/","/g, '", "')},
        "interval": 10
      }
    },
    {
      "name": "worker",
      "image": "shop/worker:1.4.0"${waits ? ',\n      "dependsOn": [{ "containerName": "web", "condition": "HEALTHY" }]' : ''}
    }
  ]
}
`;
}

const checks = (name: string, command: string[]): ValidCase => ({
  name,
  document: withCheck(command, true),
});

const SERVICE =
  /In a service, ECS replaces a task whose essential container is UNHEALTHY: that then never happens\./;

ruleTester(ID, {
  severity: 'hint',
  valid: [
    checks('curl that fails (|| exit 1)', [
      'CMD-SHELL',
      'curl -f http://localhost:8080/health || exit 1',
    ]),
    checks("App Mesh's Envoy check (a pipeline ending in grep -q)", [
      'CMD-SHELL',
      'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE',
    ]),
    checks('wget with || exit 1', [
      'CMD-SHELL',
      'wget -qO- http://0.0.0.0:3000/api/health || exit 1',
    ]),
    checks('a shell line from a template', ['CMD-SHELL', '${health_check_command}']),
    checks('set -e makes the echo after a failing curl unreachable', [
      'CMD-SHELL',
      'set -e; curl -f http://localhost:8080/; echo ok',
    ]),
    checks('an if the reader does not follow', [
      'CMD-SHELL',
      'if curl -f http://localhost:8080/; then exit 0; else exit 1; fi',
    ]),
    checks('echo first, then the real check', [
      'CMD-SHELL',
      'echo probing && curl -f http://localhost:8080/',
    ]),
    checks('CMD with a real program', ['CMD', '/usr/local/bin/healthcheck', '--port', '8080']),
    checks("CMD with the app's own program called echo", ['CMD', '/app/echo', 'ping']),
    checks('CMD with a program whose name starts with echo', ['CMD', 'echoping', 'localhost']),
    checks('an echo of a template variable (the template may put a real check there)', [
      'CMD-SHELL',
      'echo ${HEALTH_STATUS}',
    ]),
    checks('a number in the command (a type error the schema reports)', [
      'CMD',
      'echo',
      1 as unknown as string,
    ]),
    checks('only CMD-SHELL (healthcheck-command reports the missing line)', ['CMD-SHELL']),
    ...validCases({ ...REAL_WORLD_CORRECT, ...ALL_CORRECT }),
  ],
  invalid: [
    {
      name: 'mongo-express and MongoDB with `echo hello` checks (a Terraform template): a warning where mongo-express waits for HEALTHY, a hint on the other',
      document: MONGO,
      findings: [
        {
          message: [
            /^The health check of mongo-express cannot fail: "echo hello" always exits 0, so ECS reports mongo-express HEALTHY at the first check, whether or not it serves\./,
            SERVICE,
          ],
          underlined: '"echo hello"',
          line: 23,
          container: 'mongo-express',
          fixes: null,
        },
        {
          message:
            'The health check of mongodb cannot fail: "echo hello" always exits 0, so ECS reports mongodb HEALTHY at the first check, whether or not it serves. mongo-express waits for it with HEALTHY, so it starts before mongodb is ready: the wait orders nothing. Check something that fails while it is not ready, e.g. a request to its port with "|| exit 1".',
          underlined: '"echo hello"',
          line: 72,
          severity: 'warning',
          container: 'mongodb',
          related: [
            { message: 'mongo-express waits for mongodb to be HEALTHY', underlined: '"HEALTHY"' },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: "App Mesh's colorapp sample (envsubst template): the app waits for an Envoy whose check is `echo hello`",
      document: COLORAPP,
      findings: [
        {
          message:
            /^The health check of envoy cannot fail: "echo hello" always exits 0.* app waits for it with HEALTHY/,
          underlined: '"echo hello"',
          severity: 'warning',
          container: 'envoy',
          related: [{ message: 'app waits for envoy to be HEALTHY', underlined: '"HEALTHY"' }],
          fixes: null,
        },
      ],
    },
    {
      name: 'curl … || true: the fix makes the failure a failure again (|| exit 1)',
      document: withCheck(['CMD-SHELL', 'curl -f http://localhost:8080/health || true'], true),
      findings: [
        {
          message:
            /^The health check of web cannot fail: "\|\| true" turns every failure of the check into success, so ECS reports web HEALTHY/,
          underlined: '"curl -f http://localhost:8080/health || true"',
          severity: 'warning',
          container: 'web',
          related: [{ message: 'worker waits for web to be HEALTHY', underlined: '"HEALTHY"' }],
          fixes: [
            {
              title: 'Let the check fail: replace "|| true" with "|| exit 1"',
              preferred: true,
              output: withCheck(
                ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
                true,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'curl …; exit 0 (a placeholder left in, "TODO: not exit 0"): the fix removes the exit',
      document: withCheck(['CMD-SHELL', 'curl -f http://localhost:8080/health; exit 0']),
      findings: [
        {
          message: [/"; exit 0" turns every failure of the check into success/, SERVICE],
          underlined: '"curl -f http://localhost:8080/health; exit 0"',
          container: 'web',
          fixes: [
            {
              title: 'Let the check fail: remove "; exit 0"',
              preferred: true,
              output: withCheck(['CMD-SHELL', 'curl -f http://localhost:8080/health']),
            },
          ],
        },
      ],
    },
    {
      name: '["CMD-SHELL", "exit 0"] on a non-essential container nobody waits for: a hint, without the service sentence',
      document: withCheck(['CMD-SHELL', 'exit 0'], false, false),
      findings: [
        {
          message:
            'The health check of web cannot fail: "exit 0" always exits 0, so ECS reports web HEALTHY at the first check, whether or not it serves. Check something that fails while it is not ready, e.g. a request to its port with "|| exit 1".',
          underlined: '"exit 0"',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: 'worker waits for web to START, not HEALTHY: a hint, with the service sentence',
      document: withCheck(['CMD', 'echo', 'ok']).replace(
        '"image": "shop/worker:1.4.0"',
        '"image": "shop/worker:1.4.0",\n      "dependsOn": [{ "containerName": "web", "condition": "START" }]',
      ),
      findings: [
        {
          message: [/"echo ok" always exits 0/, SERVICE],
          underlined: '["CMD", "echo", "ok"]',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: 'two containers wait for web HEALTHY: both named, with the plural',
      document: withCheck(['CMD-SHELL', 'exit 0'], true).replace(
        '\n  ]\n}',
        ',\n    {\n      "name": "api",\n      "image": "shop/api:1.4.0",\n      "dependsOn": [{ "containerName": "web", "condition": "HEALTHY" }]\n    }\n  ]\n}',
      ),
      findings: [
        {
          message:
            'The health check of web cannot fail: "exit 0" always exits 0, so ECS reports web HEALTHY at the first check, whether or not it serves. worker, api wait for it with HEALTHY, so they start before web is ready: the wait orders nothing. Check something that fails while it is not ready, e.g. a request to its port with "|| exit 1".',
          severity: 'warning',
          underlined: '"exit 0"',
          container: 'web',
          related: [
            { message: 'worker waits for web to be HEALTHY', underlined: '"HEALTHY"', line: 17 },
            { message: 'api waits for web to be HEALTHY', underlined: '"HEALTHY"', line: 22 },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: '["CMD", "sh", "-c", "exit 0"]: a shell named without its path is read too',
      document: withCheck(['CMD', 'sh', '-c', 'exit 0']),
      findings: [
        {
          message: /"exit 0" always exits 0/,
          underlined: '"exit 0"',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: '["CMD", "true"]: the command array is underlined',
      document: withCheck(['CMD', 'true']),
      findings: [
        {
          message: /"true" always exits 0/,
          underlined: '["CMD", "true"]',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: '["CMD", "/bin/sh", "-c", "curl … || echo down"]: the shell line is read',
      document: withCheck(['CMD', '/bin/sh', '-c', 'curl -f http://localhost:8080/ || echo down']),
      findings: [
        {
          message: /"\|\| echo down" turns every failure of the check into success/,
          underlined: '"curl -f http://localhost:8080/ || echo down"',
          container: 'web',
          fixes: [
            {
              title: 'Let the check fail: replace "|| echo down" with "|| exit 1"',
              preferred: true,
              output: withCheck([
                'CMD',
                '/bin/sh',
                '-c',
                'curl -f http://localhost:8080/ || exit 1',
              ]),
            },
          ],
        },
      ],
    },
  ],
});
