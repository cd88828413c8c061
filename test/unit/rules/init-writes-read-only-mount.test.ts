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
  ],
});
