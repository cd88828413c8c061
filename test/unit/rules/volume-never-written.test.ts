import { ALL_CORRECT, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

/**
 * Westerley/aws-ecs-terraform-cicd: ecs.tf's `volume { name = "static" }` on Fargate and
 * container-definitions.json.tpl, whose only container mounts it read-only at /vol/static, as the
 * task definition Terraform registers.
 */
const STATIC = fixture('volume-never-written/fargate-static-volume-only-read.json');

const STATIC_MESSAGE =
  'Volume "static" starts empty (a bind mount without a sourcePath is a new, empty directory) and every container mounts it read-only (app at /vol/static): nothing in the task can write to it, so the readers see an empty directory. That is fine only where the image declares that path as a VOLUME, whose files ECS copies in. Otherwise let the container that produces the files mount it writable (an init container the readers wait for with SUCCESS), or use a volume that already holds them (EFS, a host path).';

const VOLUMES = `  "volumes": [
    {
      "name": "static"
    }
  ]`;
const APP_END = `      ]
    }
  ],`;

/** The same task with `extra` containers after the app. */
const withContainers = (extra: string) => edit(STATIC, APP_END, `      ]\n    },\n${extra}\n  ],`);

/** The app waits for collectstatic to succeed. */
const APP_WAITS = (text: string) =>
  edit(
    text,
    '"essential": true,\n      "portMappings"',
    '"essential": true,\n      "dependsOn": [{ "containerName": "collectstatic", "condition": "SUCCESS" }],\n      "portMappings"',
  );

/** An init container that copies the static files in, as the pattern asks, and the app waits for it. */
const COLLECTSTATIC = `    {
      "name": "collectstatic",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2",
      "essential": false,
      "command": ["python", "manage.py", "collectstatic", "--noinput"],
      "mountPoints": [{ "sourceVolume": "static", "containerPath": "/vol/static"READONLY }]
    }`;

/** STATIC with the volume declared as `volume` (JSON), e.g. with a host. */
const volumeIs = (volume: string) => edit(STATIC, VOLUMES, `  "volumes": [\n    ${volume}\n  ]`);
/** The finding of STATIC on another variant of it, with the reader(s) as the message says them. */
const staticFinding = (document: string, readers = 'app at /vol/static', reader = 'app') => ({
  document,
  findings: [
    {
      message: STATIC_MESSAGE.replace('app at /vol/static', readers),
      underlined: '"static"',
      related: [{ message: `${reader} mounts "static" read-only`, underlined: 'true' }],
      fixes: null,
    },
  ],
});
/** A builder container beside the app with the given fields. */
const builder = (fields: string) =>
  withContainers(
    `    { "name": "builder", "image": "busybox:1.36", "essential": false, ${fields} }`,
  );

ruleTester('volume-never-written', {
  severity: 'hint',
  valid: [
    {
      name: 'the same task with an init container that writes the volume (the collectstatic pattern)',
      document: APP_WAITS(withContainers(COLLECTSTATIC.replace('READONLY', ''))),
    },
    {
      name: 'the init container mounts it read-only too: init-writes-read-only-mount reports that, not this rule',
      document: APP_WAITS(withContainers(COLLECTSTATIC.replace('READONLY', ', "readOnly": true'))),
    },
    {
      name: 'the volume is EFS (files exist before the task starts)',
      document: edit(
        STATIC,
        VOLUMES,
        `  "volumes": [
    {
      "name": "static",
      "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" }
    }
  ]`,
      ),
    },
    {
      name: 'a host path on EC2 (the host has the files)',
      document: edit(
        STATIC,
        VOLUMES,
        `  "volumes": [
    {
      "name": "static",
      "host": { "sourcePath": "/srv/static" }
    }
  ]`,
      ),
    },
    {
      name: 'the mount is writable (the app writes its own files there)',
      document: edit(STATIC, '"readOnly": true', '"readOnly": false'),
    },
    {
      name: 'readOnly is a template placeholder (it may be false)',
      document: edit(STATIC, '"readOnly": true', '"readOnly": "${static_read_only}"'),
    },
    {
      name: "another container gets the app's volumes with volumesFrom, writable",
      document: withContainers(`    {
      "name": "builder",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2",
      "essential": false,
      "volumesFrom": [{ "sourceContainer": "app" }]
    }`),
    },
    {
      name: 'another container mounts a volume named by a placeholder (it may be this one, writable)',
      document: withContainers(`    {
      "name": "builder",
      "image": "busybox:1.36",
      "essential": false,
      "mountPoints": [{ "sourceVolume": "\${volume_name}", "containerPath": "/out" }]
    }`),
    },
    {
      name: 'the container list of a Terraform template (the volumes are in the resource)',
      document: `[
  {
    "name": "app",
    "image": "app:1.4.2",
    "essential": true,
    "mountPoints": [{ "readOnly": true, "containerPath": "/vol/static", "sourceVolume": "static" }]
  }
]
`,
    },
    ...validCases({
      "the volume's host is a template placeholder (it may have a sourcePath)": volumeIs(
        '{ "name": "static", "host": "${static_host}" }',
      ),
      'a Docker volume with default settings': volumeIs(
        '{ "name": "static", "dockerVolumeConfiguration": {} }',
      ),
      'a misspelt host path key (unknown-field reports it; the path may be meant)': volumeIs(
        '{ "name": "static", "host": { "sourcepath": "/srv/static" } }',
      ),
      'a host path given as a list (the JSON schema reports it)': volumeIs(
        '{ "name": "static", "host": { "sourcePath": ["/srv/static"] } }',
      ),
      'a Docker volume configuration of false (the JSON schema reports it)': volumeIs(
        '{ "name": "static", "dockerVolumeConfiguration": false }',
      ),
      'a volume configured at launch (the service or run-task gives it)': volumeIs(
        '{ "name": "static", "configuredAtLaunch": true }',
      ),
      'a container list with a placeholder (a container it adds may write the volume)': edit(
        STATIC,
        APP_END,
        `      ]\n    },\n    "\${sidecar_definitions}"\n  ],`,
      ),
      "another container's mountPoints from a template variable": builder(
        '"mountPoints": "${builder_mounts}"',
      ),
      "another container's volumesFrom from a template variable": builder(
        '"volumesFrom": "${builder_volumes_from}"',
      ),
      'another container mounts a cache and a volume named by a placeholder': builder(
        '"mountPoints": [{ "sourceVolume": "cache", "containerPath": "/cache" }, { "sourceVolume": "${volume_name}", "containerPath": "/out" }]',
      ),
      'another container mounts the volumes of a container named by a placeholder': builder(
        '"volumesFrom": [{ "sourceContainer": "${source_container}" }]',
      ),
      'an empty volume nobody mounts': edit(
        STATIC,
        '"sourceVolume": "static"',
        '"sourceVolume": "static2"',
      ).replace(
        VOLUMES,
        `  "volumes": [\n    { "name": "static" },\n    { "name": "static2", "host": { "sourcePath": "/srv/static" } }\n  ]`,
      ),
      'nginx mounts it read-only, the app writable': edit(
        withContainers(`    {
      "name": "nginx",
      "image": "public.ecr.aws/nginx/nginx:1.27",
      "mountPoints": [{ "sourceVolume": "static", "containerPath": "/usr/share/nginx/html/static", "readOnly": true }]
    }`),
        '"readOnly": true,\n          "containerPath": "/vol/static"',
        '"readOnly": false,\n          "containerPath": "/vol/static"',
      ),
    }),
    ...validCases({ ...REAL_WORLD_CORRECT, ...ALL_CORRECT }),
  ],
  invalid: [
    {
      name: 'Westerley/aws-ecs-terraform-cicd: the only container mounts the empty volume read-only',
      document: STATIC,
      findings: [
        {
          message: STATIC_MESSAGE,
          underlined: '"static"',
          line: 40,
          related: [{ message: 'app mounts "static" read-only', underlined: 'true', line: 31 }],
          fixes: null,
        },
      ],
    },
    {
      name: 'two readers of one empty volume ("host": {}), a web server and the app, and nothing writes it',
      document: edit(
        withContainers(`    {
      "name": "nginx",
      "image": "public.ecr.aws/nginx/nginx:1.27",
      "essential": true,
      "mountPoints": [{ "sourceVolume": "static", "containerPath": "/usr/share/nginx/html/static", "readOnly": true }]
    }`),
        VOLUMES,
        `  "volumes": [
    {
      "name": "static",
      "host": {}
    }
  ]`,
      ),
      findings: [
        {
          message:
            /^Volume "static" starts empty .* and every container mounts it read-only \(app at \/vol\/static, nginx at \/usr\/share\/nginx\/html\/static\): nothing in the task can write to it/,
          underlined: '"static"',
          related: [
            { message: 'app mounts "static" read-only', underlined: 'true' },
            { message: 'nginx mounts "static" read-only', underlined: 'true' },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: 'a host of null: a bind mount without a path all the same',
      ...staticFinding(volumeIs('{ "name": "static", "host": null }')),
    },
    {
      name: 'a host path that is empty',
      ...staticFinding(volumeIs('{ "name": "static", "host": { "sourcePath": "" } }')),
    },
    {
      name: 'a host path of blanks',
      ...staticFinding(volumeIs('{ "name": "static", "host": { "sourcePath": "  " } }')),
    },
    {
      name: 'a host path of null',
      ...staticFinding(volumeIs('{ "name": "static", "host": { "sourcePath": null } }')),
    },
    {
      name: 'configuredAtLaunch false: a bind mount the task definition configures',
      ...staticFinding(volumeIs('{ "name": "static", "configuredAtLaunch": false }')),
    },
    {
      name: 'a second volume without a name yet beside it',
      ...staticFinding(volumeIs('{ "name": "static" },\n    { "host": {} }')),
    },
    {
      name: 'the app also mounts a scratch volume writable: only "static" is reported',
      ...staticFinding(
        edit(
          volumeIs('{ "name": "static" },\n    { "name": "scratch" }'),
          '"sourceVolume": "static"\n        }',
          '"sourceVolume": "static"\n        },\n        { "sourceVolume": "scratch", "containerPath": "/tmp/scratch" }',
        ),
      ),
    },
    {
      name: "nginx gets the app's volumes read-only with volumesFrom: nothing writes it either",
      ...staticFinding(
        withContainers(`    {
      "name": "nginx",
      "image": "public.ecr.aws/nginx/nginx:1.27",
      "volumesFrom": [{ "sourceContainer": "app", "readOnly": true }]
    }`),
      ),
    },
    {
      name: 'the reader has no name yet',
      ...staticFinding(
        edit(STATIC, '"name": "app",\n      ', ''),
        'container #1 at /vol/static',
        'container #1',
      ),
    },
    {
      name: 'the mount has no containerPath yet',
      ...staticFinding(edit(STATIC, '"containerPath": "/vol/static",\n          ', ''), 'app at ?'),
    },
  ],
});
