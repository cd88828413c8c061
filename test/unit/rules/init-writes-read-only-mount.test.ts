import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const GRAFANA = fixture(
  'init-writes-read-only-mount/grafana-dashboards-fetched-into-read-only-mount.json',
);
const SYNC = 'aws s3 sync s3://grafana-provisioning/dashboards /var/lib/grafana/dashboards';
const NO_VISIBLE_WRITE = edit(GRAFANA, SYNC, './provision.sh');
/** The init container's mount (the first of the two, on line 12). */
const INIT_MOUNT =
  '"/var/lib/grafana/dashboards", "readOnly": true }\n      ]\n    },\n    {\n      "name": "grafana"';

/** The end of the grafana container, the last one. */
const GRAFANA_END = '      ]\n    }\n  ],';
/** Grafana's own mount of the dashboards, read-only. */
const GRAFANA_MOUNT =
  '{ "sourceVolume": "dashboards", "containerPath": "/var/lib/grafana/dashboards", "readOnly": true }\n      ]\n    }\n  ]';
const VOLUMES = '"volumes": [{ "name": "dashboards" }]';
/** The message with what the readers do, where the init mounts the volume and what fails. */
const prepares = (how: string, at = '/var/lib/grafana/dashboards', fails = `writing ${at} fails`) =>
  `fetch-dashboards prepares volume "dashboards" (${how}), but mounts it with "readOnly": true at ${at}: ${fails} with "Read-only file system", so the others find it empty. Make this mount writable; the readers may stay read-only.`;

/**
 * The image renderer (non-essential) takes the init's volumes and waits for it to COMPLETE; nginx
 * waits for it to START but reads nothing from it.
 */
const TWO_WAITERS = edit(
  GRAFANA,
  GRAFANA_END,
  `      ]
    },
    {
      "name": "renderer",
      "image": "grafana/grafana-image-renderer:3.11.3",
      "essential": false,
      "dependsOn": [{ "containerName": "fetch-dashboards", "condition": "COMPLETE" }],
      "volumesFrom": [{ "readOnly": true }, { "sourceContainer": "fetch-dashboards", "readOnly": true }]
    },
    {
      "name": "nginx",
      "image": "nginx:1.27.2",
      "dependsOn": [{ "containerName": "fetch-dashboards", "condition": "START" }]
    }
  ],`,
);
/** Nobody waits for the init: the main containers are its readers. */
const NO_WAIT = edit(
  GRAFANA,
  '      "dependsOn": [{ "containerName": "fetch-dashboards", "condition": "SUCCESS" }],\n',
  '',
);
/** Two main containers mount the volume; a proxy takes grafana's volumes, not the init's. */
const NO_WAIT_TWO_READERS = edit(
  NO_WAIT,
  GRAFANA_END,
  `      ]
    },
    {
      "name": "renderer",
      "image": "grafana/grafana-image-renderer:3.11.3",
      "mountPoints": [{ "sourceVolume": "dashboards", "containerPath": "/dashboards", "readOnly": true }]
    },
    {
      "name": "proxy",
      "image": "nginx:1.27.2",
      "volumesFrom": [{ "sourceContainer": "grafana" }]
    }
  ],`,
);
/** No visible write; grafana mounts the dashboards read-only and another volume writable. */
const WRITES_ONLY_PLUGINS = edit(
  NO_VISIBLE_WRITE,
  [
    GRAFANA_MOUNT,
    GRAFANA_MOUNT.replace(
      '"readOnly": true }',
      '"readOnly": true },\n        { "sourceVolume": "plugins", "containerPath": "/var/lib/grafana/plugins" }',
    ),
  ],
  [VOLUMES, '"volumes": [{ "name": "dashboards" }, { "name": "plugins" }]'],
);
/** A console export: null configurations; an EFS volume not named yet comes first. */
const NULL_CONFIGURATIONS = edit(
  NO_VISIBLE_WRITE,
  VOLUMES,
  '"volumes": [\n    { "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } },\n    { "name": "dashboards", "host": null, "efsVolumeConfiguration": null }\n  ]',
);
const TRAILING_SLASH = edit(
  GRAFANA,
  INIT_MOUNT,
  INIT_MOUNT.replace('/dashboards"', '/dashboards/"'),
);
const ONE_FILE = edit(
  GRAFANA,
  SYNC,
  'aws s3 cp s3://grafana-provisioning/home.json /var/lib/grafana/dashboards/home.json',
);
/** Mounts not finished yet (no volume, no path) in the init and in grafana, before the real ones. */
const UNFINISHED_MOUNTS = edit(
  GRAFANA,
  [
    INIT_MOUNT,
    INIT_MOUNT.replace(
      '"readOnly": true }',
      '"readOnly": true },\n        { "containerPath": "/etc/grafana", "readOnly": true },\n        { "sourceVolume": "dashboards", "readOnly": true }',
    ),
  ],
  [
    '"mountPoints": [\n        ' + GRAFANA_MOUNT,
    '"mountPoints": [\n        { "containerPath": "/tmp/scratch" },\n        ' + GRAFANA_MOUNT,
  ],
);
/** A volume that does not start empty, where NO_VISIBLE_WRITE's is empty. */
const backedBy = (volume: string) =>
  edit(NO_VISIBLE_WRITE, VOLUMES, `"volumes": [{ "name": "dashboards", ${volume} }]`);

const GRAFANA_READS = { message: 'grafana reads volume "dashboards"', underlined: '"grafana"' };
/** The safe fix: only the init container's mount becomes writable. */
const writable = (document: string) => [
  {
    title: 'Make fetch-dashboards\'s mount of "dashboards" writable ("readOnly": false)',
    preferred: true,
    safe: true,
    output: edit(document, INIT_MOUNT, INIT_MOUNT.replace('"readOnly": true', '"readOnly": false')),
  },
];

ruleTester('init-writes-read-only-mount', {
  severity: 'warning',
  valid: [
    {
      name: 'the init mount is writable',
      document: edit(GRAFANA, INIT_MOUNT, INIT_MOUNT.replace(', "readOnly": true', '')),
    },
    {
      name: 'the init only reads a volume EFS fills, and writes elsewhere',
      document: edit(
        GRAFANA,
        ['/var/lib/grafana/dashboards"]', '/tmp/out"]'],
        [
          '"volumes": [{ "name": "dashboards" }]',
          '"volumes": [{ "name": "dashboards", "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }]',
        ],
      ),
    },
    {
      name: 'no other container mounts the volume',
      document: edit(
        GRAFANA,
        '"sourceVolume": "dashboards", "containerPath": "/var/lib/grafana/dashboards", "readOnly": true }\n      ]\n    }\n  ]',
        '"sourceVolume": "other", "containerPath": "/data" }\n      ]\n    }\n  ]',
      ),
    },
    {
      name: 'no visible write, but grafana mounts the volume writable: it may fill the volume itself',
      document: edit(
        NO_VISIBLE_WRITE,
        [
          GRAFANA_MOUNT,
          GRAFANA_MOUNT.replace(
            '"readOnly": true }',
            '"readOnly": false },\n        { "sourceVolume": "plugins", "containerPath": "/var/lib/grafana/plugins", "readOnly": true }',
          ),
        ],
        [VOLUMES, '"volumes": [{ "name": "dashboards" }, { "name": "plugins" }]'],
      ),
    },
    {
      name: 'no visible write to a host directory (the host fills it)',
      document: backedBy('"host": { "sourcePath": "/srv/grafana/dashboards" }'),
    },
    {
      name: 'no visible write to a Docker volume (it may outlive the task)',
      document: backedBy(
        '"dockerVolumeConfiguration": { "scope": "shared", "autoprovision": true, "driver": "local" }',
      ),
    },
    {
      name: 'no visible write to an EBS volume configured at launch (a snapshot may fill it)',
      document: backedBy('"configuredAtLaunch": true'),
    },
    {
      name: 'the init writes a sibling directory whose name starts the same, not under its mount (written with a trailing slash)',
      document: edit(
        GRAFANA,
        [SYNC, `${SYNC}-cache`],
        [INIT_MOUNT, INIT_MOUNT.replace('/dashboards"', '/dashboards/"')],
        [
          VOLUMES,
          '"volumes": [{ "name": "dashboards", "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }]',
        ],
      ),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'an init step syncs Grafana dashboards into its own read-only mount of the volume Grafana reads: on its "true"; the safe fix makes only that mount writable',
      document: GRAFANA,
      findings: [
        {
          message: [
            /fetch-dashboards prepares volume "dashboards" \(grafana waits for it \(SUCCESS\) and reads the same volume\), but mounts it with "readOnly": true at \/var\/lib\/grafana\/dashboards/,
            /writing \/var\/lib\/grafana\/dashboards fails with "Read-only file system"/,
            /the readers may stay read-only/,
          ],
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: writable(GRAFANA),
        },
      ],
    },
    {
      name: 'no visible write, but the volume starts empty and every mount of it is read-only',
      document: NO_VISIBLE_WRITE,
      findings: [
        {
          message: /nothing can write to it/,
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: writable(NO_VISIBLE_WRITE),
        },
      ],
    },
    {
      name: "a non-essential renderer takes the init's volumes and waits with COMPLETE; nginx waits with START but reads nothing: only the readers and their conditions are named",
      document: TWO_WAITERS,
      findings: [
        {
          message: prepares(
            'grafana, renderer wait for it (SUCCESS, COMPLETE) and read the same volume',
          ),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [
            GRAFANA_READS,
            { message: 'renderer reads volume "dashboards"', underlined: '"renderer"' },
          ],
          fixes: writable(TWO_WAITERS),
        },
      ],
    },
    {
      name: 'nobody waits for the init: grafana, the main container, reads the volume',
      document: NO_WAIT,
      findings: [
        {
          message: prepares('grafana reads the same volume'),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: writable(NO_WAIT),
        },
      ],
    },
    {
      name: "nobody waits for the init: two main containers read the volume; a proxy that takes grafana's volumes does not",
      document: NO_WAIT_TWO_READERS,
      findings: [
        {
          message: prepares('grafana, renderer read the same volume'),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [
            GRAFANA_READS,
            { message: 'renderer reads volume "dashboards"', underlined: '"renderer"' },
          ],
          fixes: writable(NO_WAIT_TWO_READERS),
        },
      ],
    },
    {
      name: 'no visible write, and grafana writes only another volume: nothing fills the dashboards',
      document: WRITES_ONLY_PLUGINS,
      findings: [
        {
          message: prepares(
            'grafana waits for it (SUCCESS) and reads the same volume',
            undefined,
            'nothing can write to it',
          ),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: writable(WRITES_ONLY_PLUGINS),
        },
      ],
    },
    {
      name: "a console export writes null configurations: the volume still starts empty (the EFS of a volume not named yet is another's)",
      document: NULL_CONFIGURATIONS,
      findings: [
        {
          message: /nothing can write to it/,
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: writable(NULL_CONFIGURATIONS),
        },
      ],
    },
    {
      name: 'mounts not finished yet (no volume or no path) are passed over',
      document: UNFINISHED_MOUNTS,
      findings: [
        {
          message: prepares('grafana waits for it (SUCCESS) and reads the same volume'),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: [
            {
              title: 'Make fetch-dashboards\'s mount of "dashboards" writable ("readOnly": false)',
              preferred: true,
              safe: true,
              output: edit(
                UNFINISHED_MOUNTS,
                '"/var/lib/grafana/dashboards", "readOnly": true },\n        { "containerPath": "/etc/grafana"',
                '"/var/lib/grafana/dashboards", "readOnly": false },\n        { "containerPath": "/etc/grafana"',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the init mount written with a trailing slash still covers the synced directory',
      document: TRAILING_SLASH,
      findings: [
        {
          message: prepares(
            'grafana waits for it (SUCCESS) and reads the same volume',
            '/var/lib/grafana/dashboards/',
            'writing /var/lib/grafana/dashboards fails',
          ),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: [
            {
              title: 'Make fetch-dashboards\'s mount of "dashboards" writable ("readOnly": false)',
              preferred: true,
              safe: true,
              output: edit(
                TRAILING_SLASH,
                '/dashboards/", "readOnly": true',
                '/dashboards/", "readOnly": false',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the init copies one file into the mounted directory',
      document: ONE_FILE,
      findings: [
        {
          message: prepares(
            'grafana waits for it (SUCCESS) and reads the same volume',
            undefined,
            'writing /var/lib/grafana/dashboards/home.json fails',
          ),
          underlined: 'true',
          line: 12,
          container: 'fetch-dashboards',
          related: [GRAFANA_READS],
          fixes: writable(ONE_FILE),
        },
      ],
    },
  ],
});
