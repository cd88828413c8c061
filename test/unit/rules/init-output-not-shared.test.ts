import { CORRECT_FIXTURES } from './helpers';
import { edit, example, fixture, ruleTester, validCases } from './ruleTester';

const SEED = example('seed-task-definition.json');
const TEMPLATES = fixture(
  'init-output-not-shared/report-templates-volume-not-mounted-in-worker-4-spaces.json',
);
const THEMES = fixture('init-output-not-shared/cms-theme-path-in-environment.jsonc');
const SCRATCH = fixture('init-output-not-shared/worker-mounts-scratch-volume-at-templates.json');

const TEMPLATES_NOT_SHARED = /fetch-templates writes \/templates and worker reads it/;
const APP_READS_CONFIG = {
  message: 'app-container reads /app/config.yaml',
  underlined: '["python", "app.py", "--config", "/app/config.yaml"]',
};
/** A mount of the given volume at the given path, as the fix writes it in a 2-space file. */
const mountPoints = (volume: string, path: string) => `"mountPoints": [
        {
          "sourceVolume": "${volume}",
          "containerPath": "${path}"
        }
      ],`;

ruleTester('init-output-not-shared', {
  severity: 'warning',
  valid: [
    {
      name: 'the worker gets the templates through volumesFrom',
      document: fixture('init-output-not-shared/worker-gets-templates-through-volumes-from.json'),
    },
    {
      name: 'a migration only reads /app and changes into it (cd /app && migrate)',
      document: fixture('init-output-not-shared/migration-only-changes-into-app.json'),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'the seed: init-setup downloads /app/config.yaml, app-container reads it, no volume between them; the fix adds a task volume mounted at /app in both',
      document: SEED,
      findings: [
        {
          message: [
            /init-setup writes \/app\/config\.yaml and app-container reads it/,
            /each container has its own filesystem/,
            /shared volume/,
            /If \/app also holds files from app-container's image, mount a dedicated directory instead/,
          ],
          underlined: `["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`,
          container: 'init-setup',
          related: [APP_READS_CONFIG],
          fixes: [
            {
              title:
                'Share /app through a new volume "init-setup-data" mounted in init-setup and app-container',
              preferred: true,
              safe: true,
              output: edit(
                SEED,
                [
                  "echo 'Setup complete'\"],\n",
                  `echo 'Setup complete'"],\n      ${mountPoints('init-setup-data', '/app')}\n`,
                ],
                [
                  '      ],\n      "logConfiguration": {\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/my-app-with-init/app-container"',
                  `      ],\n      ${mountPoints('init-setup-data', '/app')}\n      "logConfiguration": {\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/my-app-with-init/app-container"`,
                ],
                [
                  '  ],\n  "requiresCompatibilities"',
                  '  ],\n  "volumes": [\n    {\n      "name": "init-setup-data"\n    }\n  ],\n  "requiresCompatibilities"',
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the report templates volume is mounted in the downloader only: the fix mounts the same volume in the worker (4 spaces)',
      document: TEMPLATES,
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: '["aws s3 sync s3://reports-templates/v3 /templates"]',
          container: 'fetch-templates',
          related: [
            {
              message: 'worker reads /templates',
              underlined: '["node", "worker.js", "--templates", "/templates/invoice"]',
            },
          ],
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker',
              preferred: true,
              safe: true,
              output: edit(
                TEMPLATES,
                '"/templates/invoice"]\n',
                `"/templates/invoice"],
            "mountPoints": [
                {
                    "sourceVolume": "templates",
                    "containerPath": "/templates"
                }
            ]
`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a CMS reads a theme archive through an environment variable: the new volume avoids a taken name; JSONC trailing commas and comments are kept',
      document: THEMES,
      findings: [
        {
          message: /fetch-themes writes \/srv\/themes\/theme\.zip and cms reads it/,
          underlined: '["curl -fsSL -o /srv/themes/theme.zip https://cdn.example.com/theme.zip"]',
          container: 'fetch-themes',
          related: [{ message: 'cms reads /srv/themes/theme.zip', underlined: '"cms"' }],
          fixes: [
            {
              title:
                'Share /srv/themes through a new volume "fetch-themes-data-2" mounted in fetch-themes and cms',
              preferred: true,
              safe: true,
              output: edit(
                THEMES,
                [
                  'theme.zip"],\n',
                  `theme.zip"],\n      ${mountPoints('fetch-themes-data-2', '/srv/themes')}\n`,
                ],
                [
                  '"image": "shop/cms:5.0.0",\n',
                  `"image": "shop/cms:5.0.0",\n      ${mountPoints('fetch-themes-data-2', '/srv/themes')}\n`,
                ],
                [
                  '// taken by an older revision\n',
                  '// taken by an older revision\n    {\n      "name": "fetch-themes-data-2"\n    },\n',
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a bare container array (Terraform) has no task volumes to add: reported without a fix',
      document: fixture('init-output-not-shared/terraform-container-array.json'),
      findings: [
        {
          message: /init-setup writes \/app\/config\.yaml and app-container reads it/,
          underlined: '["aws s3 cp s3://my-bucket/config.yaml /app/config.yaml"]',
          container: 'init-setup',
          related: [APP_READS_CONFIG],
          fixes: null,
        },
      ],
    },
    {
      name: 'the worker mounts a different (scratch) volume where the templates go',
      document: SCRATCH,
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: '["aws s3 sync s3://reports-templates/v3 /templates"]',
          container: 'fetch-templates',
          related: [
            {
              message: 'worker reads /templates',
              underlined: '["node", "worker.js", "--templates", "/templates"]',
            },
          ],
          // What the fix does today: a second mount beside the scratch one, at the same path.
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker',
              preferred: true,
              safe: true,
              output: edit(
                SCRATCH,
                '{ "sourceVolume": "scratch", "containerPath": "/templates" }]',
                '{ "sourceVolume": "scratch", "containerPath": "/templates" }, { "sourceVolume": "templates", "containerPath": "/templates" }]',
              ),
            },
          ],
        },
      ],
    },
  ],
});
