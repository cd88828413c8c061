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

/**
 * The reports task: fetch-templates syncs /templates, worker waits for it and reads /templates.
 * Each gets the properties given after its command (mounts, volumesFrom); `volumes` are names or
 * whole entries, `more` adds containers.
 */
const reports = (fetcher: string[], worker: string[], volumes = ['templates'], more = '') => `{
  "family": "reports",
  "containerDefinitions": [
    {
      "name": "fetch-templates",
      "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 sync s3://reports-templates/v3 /templates"]${fetcher.map((p) => `,\n      ${p}`).join('')}
    },
    {
      "name": "worker",
      "image": "shop/report-worker:3.1.0",
      "dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }],
      "command": ["node", "worker.js", "--templates", "/templates"]${worker.map((p) => `,\n      ${p}`).join('')}
    }${more}
  ],
  "volumes": [${volumes.map((v) => (v.startsWith('{') ? v : `{ "name": "${v}" }`)).join(', ')}]
}
`;
const mounts = (...m: [volume: string, path: string][]) =>
  `"mountPoints": [${m.map(([v, p]) => `{ "sourceVolume": "${v}", "containerPath": "${p}" }`).join(', ')}]`;
const FETCHER_MOUNTS_TEMPLATES = mounts(['templates', '/templates']);
const FETCHER_COMMAND = '["aws s3 sync s3://reports-templates/v3 /templates"]';
/** The same task with the templates in a versioned directory, /opt/reports-3.1/templates. */
const inOpt = (text: string) => text.replaceAll('/templates"', '/opt/reports-3.1/templates"');
const WORKER_LOGS = '"environment": [{ "name": "LOG_DIR", "value": "/var/log/worker" }]';
const AWS_CACHE = mounts(['aws-cache', '/root/.aws/cli/cache']);
/** Volume names a new volume must avoid, and a volume entry with no name yet. */
const TAKEN = ['aws-cache', 'fetch-templates-data', 'fetch-templates-data-2', '{ "host": {} }'];
const FROM_FETCHER = '"volumesFrom": [{ "sourceContainer": "fetch-templates" }]';
const FROM_WARM_CACHE =
  '"volumesFrom": [{ "readOnly": true }, { "sourceContainer": "warm-cache" }]';
const WARM_CACHE = `,
    {
      "name": "warm-cache",
      "image": "shop/cache-warmer:1.0.0",
      ${mounts(['cache', '/cache'])}
    }`;
const HALF_TYPED_MOUNT = '"mountPoints": [{ "containerPath": "/templates" }]';
const HALF_TYPED_MOUNT_DONE =
  '"mountPoints": [{ "containerPath": "/templates", "sourceVolume": "templates" }]';
/** The fetcher copies one file instead of syncing the directory. */
const ONE_FILE = (text: string) =>
  text.replace(
    'aws s3 sync s3://reports-templates/v3 /templates',
    'aws s3 cp s3://reports-templates/v3/invoice.html /templates/invoice.html',
  );
/** The fetcher copies one file into the root directory, where the worker reads it. */
const AT_ROOT = (text: string) =>
  text
    .replace(
      'aws s3 sync s3://reports-templates/v3 /templates',
      'aws s3 cp s3://reports-templates/v3/invoice.html /invoice.html',
    )
    .replace('"--templates", "/templates"', '"--template", "/invoice.html"');
/**
 * The fetcher's name holds a template variable, and its whole command is in its entry point, with
 * its environment after it.
 */
const IN_ENTRY_POINT = (text: string) =>
  text
    .replaceAll('"fetch-templates"', '"${stage}-fetch-templates"')
    .replace(
      '"entryPoint": ["sh", "-c"],\n      "command": ["aws s3 sync s3://reports-templates/v3 /templates"]',
      '"entryPoint": ["sh", "-c", "aws s3 sync s3://reports-templates/v3 /templates"],\n      "environment": [{ "name": "AWS_REGION", "value": "eu-west-1" }]',
    );
const STAGE_DATA = '--stage--fetch-templates-data';
/** A container name of 250 characters (ECS allows 255). */
const LONG = `fetch-templates-${'x'.repeat(234)}`;
const LONG_NAME = (text: string) => text.replaceAll('fetch-templates"', `${LONG}"`);
const WORKER_READS = {
  message: 'worker reads /templates',
  underlined: '["node", "worker.js", "--templates", "/templates"]',
};

/** api reads /templates too but does not wait for the fetcher; worker waits for it twice. */
const API_AND_WORKER = edit(
  reports(
    [FETCHER_MOUNTS_TEMPLATES],
    [],
    ['templates'],
    `,
    {
      "name": "api",
      "image": "shop/report-api:3.1.0",
      "command": ["node", "api.js", "--templates", "/templates"]
    }`,
  ),
  [
    '"dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }]',
    '"dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }, { "containerName": "fetch-templates", "condition": "COMPLETE" }]',
  ],
);

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
    {
      name: 'both mount the templates volume, written with a trailing slash (/templates/): one directory',
      document: reports(
        [mounts(['templates', '/templates/'])],
        [mounts(['templates', '/templates/'])],
      ),
    },
    {
      name: 'the worker mounts the volumes of a cache warmer and of the fetcher (volumesFrom), the templates volume among the fetcher’s',
      document: reports(
        [mounts(['aws-cache', '/root/.aws/cli/cache'], ['templates', '/templates'])],
        [
          '"volumesFrom": [{ "sourceContainer": "warm-cache" }, { "sourceContainer": "fetch-templates" }]',
        ],
        ['templates', 'cache'],
        `,
    {
      "name": "warm-cache",
      "image": "shop/cache-warmer:1.0.0",
      ${mounts(['cache', '/cache'])}
    }`,
      ),
    },
    {
      name: 'each mounts two volumes, the templates volume among them',
      document: reports(
        [mounts(['aws-cache', '/root/.aws/cli/cache'], ['templates', '/templates'])],
        [mounts(['logs', '/var/log/worker'], ['templates', '/templates'])],
        ['templates', 'aws-cache', 'logs'],
      ),
    },
    {
      name: 'the worker reads /reports, which the fetcher does not write',
      document: edit(reports([], []), ['"--templates", "/templates"', '"--out", "/reports"']),
    },
    {
      name: 'a non-essential container with no name yet',
      document: edit(reports([], []), ['"name": "fetch-templates",\n      ', '']),
    },
    {
      name: 'the fetcher’s mounts are a template variable: they may share /templates',
      document: reports(['"mountPoints": "${fetcher_mounts}"'], []),
    },
    {
      name: 'the worker’s mounts are a template variable',
      document: reports([], ['"mountPoints": "${worker_mounts}"']),
    },
    {
      name: 'the containers the worker mounts volumes from are a template variable',
      document: reports([], ['"volumesFrom": "${worker_volumes_from}"']),
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
          // Not a second mount at /templates beside the scratch one: Docker would refuse to start
          // the worker. Not safe for --fix: it replaces a volume the user chose.
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker instead of "scratch"',
              preferred: true,
              output: edit(
                SCRATCH,
                '{ "sourceVolume": "scratch", "containerPath": "/templates" }]',
                '{ "sourceVolume": "templates", "containerPath": "/templates" }]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the worker mounts the templates volume, but at /data: the fix mounts it at /templates too',
      document: reports([FETCHER_MOUNTS_TEMPLATES], [mounts(['templates', '/data'])]),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker',
              preferred: true,
              safe: true,
              output: reports(
                [FETCHER_MOUNTS_TEMPLATES],
                [mounts(['templates', '/data'], ['templates', '/templates'])],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the fetcher mounts its CLI cache only and syncs /opt/reports-3.1/templates into its own filesystem: the fix shares that directory through a new volume (a name not taken), not the cache',
      document: inOpt(
        reports([mounts(['aws-cache', '/root/.aws/cli/cache'])], [WORKER_LOGS], TAKEN),
      ),
      findings: [
        {
          message: [
            /fetch-templates writes \/opt\/reports-3\.1\/templates and worker reads it/,
            /If \/opt\/reports-3\.1\/templates also holds files from worker's image/,
          ],
          underlined: inOpt(FETCHER_COMMAND),
          container: 'fetch-templates',
          related: [
            {
              message: 'worker reads /opt/reports-3.1/templates',
              underlined: inOpt(WORKER_READS.underlined),
            },
          ],
          fixes: [
            {
              title:
                'Share /opt/reports-3.1/templates through a new volume "fetch-templates-data-3" mounted in fetch-templates and worker',
              preferred: true,
              safe: true,
              output: inOpt(
                reports(
                  [
                    mounts(
                      ['aws-cache', '/root/.aws/cli/cache'],
                      ['fetch-templates-data-3', '/templates'],
                    ),
                  ],
                  [mountPoints('fetch-templates-data-3', '/templates').slice(0, -1), WORKER_LOGS],
                  [...TAKEN, 'fetch-templates-data-3'],
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the worker mounts at /templates the volume the fetcher mounts at /cache/: the fix mounts it at /templates in the fetcher',
      document: reports(
        [mounts(['shared', '/cache/'])],
        [mounts(['shared', '/templates'])],
        ['shared'],
      ),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title: 'Mount volume "shared" at /templates in fetch-templates',
              preferred: true,
              safe: true,
              output: reports(
                [mounts(['shared', '/cache/'], ['shared', '/templates'])],
                [mounts(['shared', '/templates'])],
                ['shared'],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the worker mounts the volumes of a fetcher that syncs into none of its volumes: volumesFrom shares volumes, not the filesystem',
      document: reports([AWS_CACHE], [FROM_FETCHER], ['aws-cache']),
      findings: [
        {
          message: [TEMPLATES_NOT_SHARED, /\(a task volume mounted in both, or volumesFrom\)/],
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title:
                'Share /templates through a new volume "fetch-templates-data" mounted in fetch-templates, whose volumes worker mounts (volumesFrom)',
              preferred: true,
              safe: true,
              output: reports(
                [
                  mounts(
                    ['aws-cache', '/root/.aws/cli/cache'],
                    ['fetch-templates-data', '/templates'],
                  ),
                ],
                [FROM_FETCHER],
                ['aws-cache', 'fetch-templates-data'],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'both mount the templates volume at /template, a directory beside the /templates the fetcher writes',
      document: reports([mounts(['templates', '/template'])], [mounts(['templates', '/template'])]),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title:
                'Share /templates through a new volume "fetch-templates-data" mounted in fetch-templates and worker',
              preferred: true,
              safe: true,
              output: reports(
                [mounts(['templates', '/template'], ['fetch-templates-data', '/templates'])],
                [mounts(['templates', '/template'], ['fetch-templates-data', '/templates'])],
                ['templates', 'fetch-templates-data'],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the worker mounts the volumes of a cache warmer, not of the fetcher (and has a volumesFrom entry not typed yet)',
      document: reports(
        [FETCHER_MOUNTS_TEMPLATES],
        [FROM_WARM_CACHE],
        ['templates', 'cache'],
        WARM_CACHE,
      ),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker',
              preferred: true,
              safe: true,
              output: reports(
                [FETCHER_MOUNTS_TEMPLATES],
                [mountPoints('templates', '/templates').slice(0, -1), FROM_WARM_CACHE],
                ['templates', 'cache'],
                WARM_CACHE,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the fetcher’s mount at /templates names no volume yet: the fix names the one the worker mounts there',
      document: reports([HALF_TYPED_MOUNT], [FETCHER_MOUNTS_TEMPLATES]),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in fetch-templates',
              preferred: true,
              safe: true,
              output: reports([HALF_TYPED_MOUNT_DONE], [FETCHER_MOUNTS_TEMPLATES]),
            },
          ],
        },
      ],
    },
    {
      name: 'the worker’s mount at /templates names no volume yet: the fix names the fetcher’s',
      document: reports([FETCHER_MOUNTS_TEMPLATES], [HALF_TYPED_MOUNT]),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker',
              preferred: true,
              safe: true,
              output: reports([FETCHER_MOUNTS_TEMPLATES], [HALF_TYPED_MOUNT_DONE]),
            },
          ],
        },
      ],
    },
    {
      name: 'the fetcher copies one file into /templates, the worker reads the whole directory',
      document: ONE_FILE(reports([], [])),
      findings: [
        {
          message: /fetch-templates writes \/templates\/invoice\.html and worker reads it/,
          underlined: ONE_FILE(FETCHER_COMMAND),
          container: 'fetch-templates',
          related: [{ ...WORKER_READS, message: 'worker reads /templates/invoice.html' }],
          fixes: [
            {
              title:
                'Share /templates through a new volume "fetch-templates-data" mounted in fetch-templates and worker',
              preferred: true,
              safe: true,
              output: ONE_FILE(
                reports(
                  [mountPoints('fetch-templates-data', '/templates').slice(0, -1)],
                  [mountPoints('fetch-templates-data', '/templates').slice(0, -1)],
                  ['templates', 'fetch-templates-data'],
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the fetcher copies a file directly into /: no volume can be mounted there, so no fix',
      document: AT_ROOT(reports([], [])),
      findings: [
        {
          message: [
            /fetch-templates writes \/invoice\.html and worker reads it/,
            /A volume cannot be mounted at \/: write \/invoice\.html into a directory of its own in both containers and share that\.$/,
          ],
          underlined: AT_ROOT(FETCHER_COMMAND),
          container: 'fetch-templates',
          related: [
            {
              message: 'worker reads /invoice.html',
              underlined: AT_ROOT(WORKER_READS.underlined),
            },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: 'the fetcher’s command is all in its entry point, and its name holds a template variable: the new volume goes after the entry point, named in the characters a volume may hold',
      document: IN_ENTRY_POINT(reports([], [])),
      findings: [
        {
          message: /\$\{stage\}-fetch-templates writes \/templates and worker reads it/,
          underlined: '"${stage}-fetch-templates"',
          container: '${stage}-fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title:
                'Share /templates through a new volume "--stage--fetch-templates-data" mounted in ${stage}-fetch-templates and worker',
              preferred: true,
              safe: true,
              output: edit(
                IN_ENTRY_POINT(reports([], [], ['templates', STAGE_DATA])),
                [
                  '/templates"],\n      "environment"',
                  `/templates"],\n      ${mountPoints(STAGE_DATA, '/templates')}\n      "environment"`,
                ],
                [
                  '"/templates"]\n',
                  `"/templates"],\n      ${mountPoints(STAGE_DATA, '/templates').slice(0, -1)}\n`,
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a fetcher with a name of 250 characters: the new volume’s name is cut to leave room for a number',
      document: LONG_NAME(reports([], [])),
      findings: [
        {
          message: /writes \/templates and worker reads it/,
          underlined: FETCHER_COMMAND,
          container: LONG,
          related: [WORKER_READS],
          fixes: [
            {
              title: `Share /templates through a new volume "${LONG.slice(0, 240)}" mounted in ${LONG} and worker`,
              preferred: true,
              safe: true,
              output: LONG_NAME(
                reports(
                  [mountPoints(LONG.slice(0, 240), '/templates').slice(0, -1)],
                  [mountPoints(LONG.slice(0, 240), '/templates').slice(0, -1)],
                  ['templates', LONG.slice(0, 240)],
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the fetcher syncs into no volume and the worker’s mount at /templates names none yet: a new volume, named in that mount',
      document: reports([], [HALF_TYPED_MOUNT]),
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title:
                'Share /templates through a new volume "fetch-templates-data" mounted in fetch-templates and worker',
              preferred: true,
              safe: true,
              output: reports(
                [mountPoints('fetch-templates-data', '/templates').slice(0, -1)],
                [HALF_TYPED_MOUNT_DONE.replace('"templates"', '"fetch-templates-data"')],
                ['templates', 'fetch-templates-data'],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the readers are the containers that wait for the init: api reads /templates too but does not wait, and a worker waiting twice is reported once',
      document: API_AND_WORKER,
      findings: [
        {
          message: TEMPLATES_NOT_SHARED,
          underlined: FETCHER_COMMAND,
          container: 'fetch-templates',
          related: [WORKER_READS],
          fixes: [
            {
              title: 'Mount volume "templates" at /templates in worker',
              preferred: true,
              safe: true,
              output: edit(API_AND_WORKER, [
                '"command": ["node", "worker.js", "--templates", "/templates"]',
                `"command": ["node", "worker.js", "--templates", "/templates"],\n      ${mountPoints('templates', '/templates').slice(0, -1)}`,
              ]),
            },
          ],
        },
      ],
    },
  ],
});
