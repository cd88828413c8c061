import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'init-writes-read-only-mount';

const GRAFANA = `{
  "family": "grafana",
  "taskRoleArn": "arn:aws:iam::123456789012:role/grafana-task",
  "containerDefinitions": [
    {
      "name": "fetch-dashboards",
      "image": "public.ecr.aws/aws-cli/aws-cli:2.17.20",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 sync s3://grafana-provisioning/dashboards /var/lib/grafana/dashboards"],
      "mountPoints": [
        { "sourceVolume": "dashboards", "containerPath": "/var/lib/grafana/dashboards", "readOnly": true }
      ]
    },
    {
      "name": "grafana",
      "image": "grafana/grafana-oss:11.2.0",
      "dependsOn": [{ "containerName": "fetch-dashboards", "condition": "SUCCESS" }],
      "mountPoints": [
        { "sourceVolume": "dashboards", "containerPath": "/var/lib/grafana/dashboards", "readOnly": true }
      ]
    }
  ],
  "volumes": [{ "name": "dashboards" }]
}
`;

describe(ID, () => {
  test('fires on the init container\'s read-only mount of the volume it prepares, underlining "true"', () => {
    const f = onlyFinding(ID, GRAFANA);
    assert.equal(f.severity, 'warning');
    assert.equal(underlined(GRAFANA, f.range), 'true');
    assert.equal(
      GRAFANA.indexOf('true'),
      GRAFANA.slice(0).indexOf('"readOnly": true') + '"readOnly": '.length,
    );
    assert.equal(f.container, 'fetch-dashboards');
    assert.match(
      f.message,
      /fetch-dashboards prepares volume "dashboards" \(grafana waits for it \(SUCCESS\) and reads the same volume\), but mounts it with "readOnly": true at \/var\/lib\/grafana\/dashboards/,
    );
    assert.match(
      f.message,
      /writing \/var\/lib\/grafana\/dashboards fails with "Read-only file system"/,
    );
    assert.match(f.message, /the readers may stay read-only/);
    assert.deepEqual(
      f.related.map((r) => [underlined(GRAFANA, r.range), r.message]),
      [['"grafana"', 'grafana reads volume "dashboards"']],
    );
  });

  test("fix (safe): makes only the init container's mount writable", () => {
    const f = onlyFinding(ID, GRAFANA);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Make fetch-dashboards\'s mount of "dashboards" writable ("readOnly": false)', true, true]],
    );
    const first = GRAFANA.indexOf('"readOnly": true');
    assert.equal(
      applyFix(GRAFANA, f),
      GRAFANA.slice(0, first) +
        '"readOnly": false' +
        GRAFANA.slice(first + '"readOnly": true'.length),
    );
  });

  test('fires without a visible write when the volume starts empty and every mount of it is read-only', () => {
    const text = GRAFANA.replace(
      'aws s3 sync s3://grafana-provisioning/dashboards /var/lib/grafana/dashboards',
      './provision.sh',
    );
    assert.match(onlyFinding(ID, text).message, /nothing can write to it/);
  });

  describe('does not fire', () => {
    test('when the init mount is writable', () => {
      const text = GRAFANA.replace(
        '"/var/lib/grafana/dashboards", "readOnly": true }\n      ]\n    },\n    {\n      "name": "grafana"',
        '"/var/lib/grafana/dashboards" }\n      ]\n    },\n    {\n      "name": "grafana"',
      );
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('when the init only reads a volume someone else fills (EFS), and writes elsewhere', () => {
      const text = GRAFANA.replace('/var/lib/grafana/dashboards"]', '/tmp/out"]').replace(
        '"volumes": [{ "name": "dashboards" }]',
        '"volumes": [{ "name": "dashboards", "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }]',
      );
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('when no other container mounts the volume', () => {
      const text = GRAFANA.replace(
        '"sourceVolume": "dashboards", "containerPath": "/var/lib/grafana/dashboards", "readOnly": true }\n      ]\n    }\n  ]',
        '"sourceVolume": "other", "containerPath": "/data" }\n      ]\n    }\n  ]',
      );
      assert.deepEqual(findingsOf(ID, text), []);
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
