import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyFix,
  CORRECT_FIXTURES,
  findingsOf,
  MIGRATION_SINGLE,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'init-not-awaited';

const NGINX = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "config-loader",
      "image": "hairyhenderson/gomplate:v4.1.0-alpine",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["gomplate -f /templates/nginx.conf.tmpl -o /etc/nginx/conf.d/default.conf"]
    },
    {
      "name": "nginx",
      "image": "nginx:1.27",
      "essential": true,
      "portMappings": [{ "containerPort": 80 }]
    },
    {
      "name": "xray-daemon",
      "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.12",
      "essential": false
    }
  ]
}
`;

describe(ID, () => {
  test('fires on an init container nobody waits for and underlines its name', () => {
    const f = onlyFinding(ID, NGINX);
    assert.equal(f.severity, 'warning');
    assert.equal(underlined(NGINX, f.range), '"config-loader"');
    assert.equal(f.container, 'config-loader');
    assert.match(
      f.message,
      /config-loader looks like an init container, but no container waits for it/,
    );
    assert.match(f.message, /ECS does not document array order as start order/);
    assert.match(f.message, /nginx can start before config-loader has finished/);
    assert.match(f.message, /condition SUCCESS/);
    // Non-essential sidecars (xray-daemon) are not made to wait; the init is non-essential, so it is safe.
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Make nginx wait for config-loader (SUCCESS)', true, true]],
    );
  });

  test('fix: nginx waits for config-loader with SUCCESS', () => {
    assert.equal(
      applyFix(NGINX, onlyFinding(ID, NGINX)),
      `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "config-loader",
      "image": "hairyhenderson/gomplate:v4.1.0-alpine",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["gomplate -f /templates/nginx.conf.tmpl -o /etc/nginx/conf.d/default.conf"]
    },
    {
      "name": "nginx",
      "image": "nginx:1.27",
      "essential": true,
      "dependsOn": [
        {
          "containerName": "config-loader",
          "condition": "SUCCESS"
        }
      ],
      "portMappings": [{ "containerPort": 80 }]
    },
    {
      "name": "xray-daemon",
      "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.12",
      "essential": false
    }
  ]
}
`,
    );
  });

  test('fix in a 4-space CRLF JSONC file: appends to an existing dependsOn (trailing comma kept) and fills an empty one', () => {
    const text = [
      '{',
      '    "family": "web",',
      '    "containerDefinitions": [',
      '        {',
      '            "name": "config-loader",',
      '            "image": "hairyhenderson/gomplate:v4.1.0-alpine",',
      '            "essential": false,',
      '        },',
      '        {',
      '            "name": "nginx",',
      '            "image": "nginx:1.27",',
      '            "dependsOn": [',
      '                { "containerName": "xray-daemon", "condition": "START" }, // traces from the first request',
      '            ],',
      '        },',
      '        {',
      '            "name": "xray-daemon",',
      '            "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.12",',
      '            "essential": false,',
      '        },',
      '        {',
      '            "name": "metrics",',
      '            "image": "prom/statsd-exporter:v0.27.1",',
      '            "dependsOn": [],',
      '        },',
      '    ],',
      '}',
      '',
    ].join('\r\n');
    const f = onlyFinding(ID, text);
    assert.equal(f.fixes[0]!.title, 'Make nginx, metrics wait for config-loader (SUCCESS)');
    assert.equal(
      applyFix(text, f),
      [
        '{',
        '    "family": "web",',
        '    "containerDefinitions": [',
        '        {',
        '            "name": "config-loader",',
        '            "image": "hairyhenderson/gomplate:v4.1.0-alpine",',
        '            "essential": false,',
        '        },',
        '        {',
        '            "name": "nginx",',
        '            "image": "nginx:1.27",',
        '            "dependsOn": [',
        '                { "containerName": "xray-daemon", "condition": "START" }, // traces from the first request',
        '                {',
        '                    "containerName": "config-loader",',
        '                    "condition": "SUCCESS"',
        '                },',
        '            ],',
        '        },',
        '        {',
        '            "name": "xray-daemon",',
        '            "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.12",',
        '            "essential": false,',
        '        },',
        '        {',
        '            "name": "metrics",',
        '            "image": "prom/statsd-exporter:v0.27.1",',
        '            "dependsOn": [',
        '                {',
        '                    "containerName": "config-loader",',
        '                    "condition": "SUCCESS"',
        '                }',
        '            ],',
        '        },',
        '    ],',
        '}',
        '',
      ].join('\r\n'),
    );
  });

  test('an essential init container: offered but not applied automatically (SUCCESS on an essential container is rejected)', () => {
    const text = NGINX.replace(
      '"essential": false,\n      "entryPoint"',
      '"essential": true,\n      "entryPoint"',
    );
    assert.notEqual(text, NGINX);
    const f = onlyFinding(ID, text);
    assert.deepEqual(
      f.fixes.map((x) => [x.isPreferred, x.safe]),
      [[true, false]],
    );
  });

  test('does not fire when a container waits for it, also implicitly through volumesFrom', () => {
    const waited = NGINX.replace(
      '"essential": true,\n      "portMappings"',
      '"essential": true,\n      "dependsOn": [{ "containerName": "config-loader", "condition": "SUCCESS" }],\n      "portMappings"',
    );
    assert.notEqual(waited, NGINX);
    assert.deepEqual(findingsOf(ID, waited), []);
    const implicit = NGINX.replace(
      '"essential": true,\n      "portMappings"',
      '"essential": true,\n      "volumesFrom": [{ "sourceContainer": "config-loader" }],\n      "portMappings"',
    );
    assert.notEqual(implicit, NGINX);
    assert.deepEqual(findingsOf(ID, implicit), []);
  });

  test('does not fire when there is no main container to wait (a one-container migration task)', () => {
    assert.deepEqual(findingsOf(ID, MIGRATION_SINGLE), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
