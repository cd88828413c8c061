import { CORRECT_FIXTURES, MIGRATION_SINGLE } from './helpers';
import { crlf, edit, fixture, ruleTester, validCases } from './ruleTester';

const NGINX = fixture('init-not-awaited/nginx-config-loader-not-awaited.json');
const JSONC = fixture('init-not-awaited/jsonc-4-spaces-existing-and-empty-depends-on.jsonc');

const NOT_AWAITED = [
  /config-loader looks like an init container, but no container waits for it/,
  /ECS does not document array order as start order/,
  /nginx can start before config-loader has finished/,
  /condition SUCCESS/,
];

/** What the fix adds to nginx in NGINX. */
const NGINX_WAITS = `      "essential": true,
      "dependsOn": [
        {
          "containerName": "config-loader",
          "condition": "SUCCESS"
        }
      ],
      "portMappings"`;

ruleTester('init-not-awaited', {
  severity: 'warning',
  valid: [
    {
      name: 'nginx waits for the config loader with SUCCESS',
      document: edit(
        NGINX,
        '"essential": true,\n      "portMappings"',
        '"essential": true,\n      "dependsOn": [{ "containerName": "config-loader", "condition": "SUCCESS" }],\n      "portMappings"',
      ),
    },
    {
      name: 'nginx waits for the config loader through a link (START: started, so it is not racing unseen)',
      document: edit(
        NGINX,
        '"essential": true,\n      "portMappings"',
        '"essential": true,\n      "links": ["config-loader"],\n      "portMappings"',
      ),
    },
    {
      name: 'a one-container migration task: there is no main container to wait',
      document: MIGRATION_SINGLE,
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'a gomplate config loader nobody waits for; the X-Ray sidecar is not made to wait',
      document: NGINX,
      findings: [
        {
          message: NOT_AWAITED,
          underlined: '"config-loader"',
          container: 'config-loader',
          // The init is non-essential, so SUCCESS on it is safe to apply.
          fixes: [
            {
              title: 'Make nginx wait for config-loader (SUCCESS)',
              preferred: true,
              safe: true,
              output: edit(NGINX, '      "essential": true,\n      "portMappings"', NGINX_WAITS),
            },
          ],
        },
      ],
    },
    {
      name: "nginx takes the config loader's volumes (volumesFrom): the agent only creates it first, so nginx still starts while it runs",
      document: edit(
        NGINX,
        '"essential": true,\n      "portMappings"',
        '"essential": true,\n      "volumesFrom": [{ "sourceContainer": "config-loader" }],\n      "portMappings"',
      ),
      findings: [
        {
          message: [
            ...NOT_AWAITED,
            /volumesFrom in nginx only has config-loader created first, not finished\./,
          ],
          underlined: '"config-loader"',
          container: 'config-loader',
          fixes: [
            {
              title: 'Make nginx wait for config-loader (SUCCESS)',
              preferred: true,
              safe: true,
              output: edit(
                NGINX,
                '      "essential": true,\n      "portMappings"',
                `      "essential": true,
      "dependsOn": [
        {
          "containerName": "config-loader",
          "condition": "SUCCESS"
        }
      ],
      "volumesFrom": [{ "sourceContainer": "config-loader" }],
      "portMappings"`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an essential init container: the fix is offered but not applied automatically (SUCCESS on an essential container is rejected)',
      document: edit(
        NGINX,
        '"essential": false,\n      "entryPoint"',
        '"essential": true,\n      "entryPoint"',
      ),
      findings: [
        {
          message: NOT_AWAITED,
          underlined: '"config-loader"',
          container: 'config-loader',
          fixes: [
            {
              title: 'Make nginx wait for config-loader (SUCCESS)',
              preferred: true,
              output: edit(
                NGINX,
                [
                  '"essential": false,\n      "entryPoint"',
                  '"essential": true,\n      "entryPoint"',
                ],
                ['      "essential": true,\n      "portMappings"', NGINX_WAITS],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a 4-space CRLF JSONC file: the fix appends to an existing dependsOn (trailing comma kept) and fills an empty one',
      document: crlf(JSONC),
      findings: [
        {
          message: [
            /config-loader looks like an init container, but no container waits for it/,
            /nginx, metrics can start before config-loader has finished/,
          ],
          underlined: '"config-loader"',
          container: 'config-loader',
          fixes: [
            {
              title: 'Make nginx, metrics wait for config-loader (SUCCESS)',
              preferred: true,
              safe: true,
              output: crlf(
                edit(
                  JSONC,
                  [
                    '// traces from the first request\n',
                    `// traces from the first request
                {
                    "containerName": "config-loader",
                    "condition": "SUCCESS"
                },
`,
                  ],
                  [
                    '"dependsOn": [],',
                    `"dependsOn": [
                {
                    "containerName": "config-loader",
                    "condition": "SUCCESS"
                }
            ],`,
                  ],
                ),
              ),
            },
          ],
        },
      ],
    },
  ],
});
