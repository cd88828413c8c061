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

const ID = 'essential-init-container';

/** The task definition from the issue, as given. */
const SEED = `{
  "family": "my-app-with-init",
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:latest",
      "command": ["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"],
      "essential": true,
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/my-app-with-init/init-setup",
          "awslogs-stream-prefix": "ecs"
        }
      }
    },
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "essential": true,
      "command": ["python", "app.py", "--config", "/app/config.yaml"],
      "portMappings": [
        {
          "containerPort": 8080,
          "hostPort": 8080
        }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/my-app-with-init/app-container",
          "awslogs-stream-prefix": "ecs"
        }
      }
    }
  ],
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "1024",
  "memory": "2048"
}
`;

describe(ID, () => {
  test('fires on the seed: underlines "essential": true of init-setup and names what stops', () => {
    const f = onlyFinding(ID, SEED);
    assert.equal(f.severity, 'warning');
    assert.equal(underlined(SEED, f.range), 'true');
    assert.deepEqual(f.range, {
      start: { line: 7, character: 19 },
      end: { line: 7, character: 23 },
    });
    assert.equal(f.container, 'init-setup');
    assert.match(f.message, /init-setup looks like an init container/);
    assert.match(f.message, /is marked "essential": true/);
    assert.match(f.message, /even with code 0, ECS stops the whole task, app-container included/);
    assert.match(f.message, /wait for it with SUCCESS/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Make init-setup non-essential and make app-container wait for it (SUCCESS)', true, true]],
    );
  });

  test('fix on the seed: essential false, and app-container waits for init-setup with SUCCESS', () => {
    const f = onlyFinding(ID, SEED);
    assert.equal(
      applyFix(SEED, f),
      `{
  "family": "my-app-with-init",
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:latest",
      "command": ["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"],
      "essential": false,
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/my-app-with-init/init-setup",
          "awslogs-stream-prefix": "ecs"
        }
      }
    },
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "essential": true,
      "dependsOn": [
        {
          "containerName": "init-setup",
          "condition": "SUCCESS"
        }
      ],
      "command": ["python", "app.py", "--config", "/app/config.yaml"],
      "portMappings": [
        {
          "containerPort": 8080,
          "hostPort": 8080
        }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/my-app-with-init/app-container",
          "awslogs-stream-prefix": "ecs"
        }
      }
    }
  ],
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "1024",
  "memory": "2048"
}
`,
    );
  });

  describe('the fix follows the file’s style', () => {
    test('4-space indentation', () => {
      const text = `{
    "family": "web",
    "containerDefinitions": [
        {
            "name": "init-config",
            "image": "busybox:1.36",
            "essential": true,
            "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]
        },
        {
            "name": "web",
            "image": "nginx:1.27",
            "portMappings": [{ "containerPort": 80 }]
        }
    ]
}
`;
      assert.equal(
        applyFix(text, onlyFinding(ID, text)),
        `{
    "family": "web",
    "containerDefinitions": [
        {
            "name": "init-config",
            "image": "busybox:1.36",
            "essential": false,
            "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]
        },
        {
            "name": "web",
            "image": "nginx:1.27",
            "dependsOn": [
                {
                    "containerName": "init-config",
                    "condition": "SUCCESS"
                }
            ],
            "portMappings": [{ "containerPort": 80 }]
        }
    ]
}
`,
      );
    });

    test('tab indentation', () => {
      const text = `{
\t"family": "web",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "init-config",
\t\t\t"image": "busybox:1.36",
\t\t\t"essential": true,
\t\t\t"command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]
\t\t},
\t\t{
\t\t\t"name": "web",
\t\t\t"image": "nginx:1.27",
\t\t\t"portMappings": [{ "containerPort": 80 }]
\t\t}
\t]
}
`;
      assert.equal(
        applyFix(text, onlyFinding(ID, text)),
        `{
\t"family": "web",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "init-config",
\t\t\t"image": "busybox:1.36",
\t\t\t"essential": false,
\t\t\t"command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]
\t\t},
\t\t{
\t\t\t"name": "web",
\t\t\t"image": "nginx:1.27",
\t\t\t"dependsOn": [
\t\t\t\t{
\t\t\t\t\t"containerName": "init-config",
\t\t\t\t\t"condition": "SUCCESS"
\t\t\t\t}
\t\t\t],
\t\t\t"portMappings": [{ "containerPort": 80 }]
\t\t}
\t]
}
`,
      );
    });

    test('CRLF line endings', () => {
      const text = [
        '{',
        '  "family": "web",',
        '  "containerDefinitions": [',
        '    {',
        '      "name": "init-config",',
        '      "image": "busybox:1.36",',
        '      "essential": true,',
        '      "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]',
        '    },',
        '    {',
        '      "name": "web",',
        '      "image": "nginx:1.27",',
        '      "portMappings": [{ "containerPort": 80 }]',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\r\n');
      const f = onlyFinding(ID, text);
      assert.deepEqual(f.range, {
        start: { line: 6, character: 19 },
        end: { line: 6, character: 23 },
      });
      assert.equal(
        applyFix(text, f),
        [
          '{',
          '  "family": "web",',
          '  "containerDefinitions": [',
          '    {',
          '      "name": "init-config",',
          '      "image": "busybox:1.36",',
          '      "essential": false,',
          '      "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]',
          '    },',
          '    {',
          '      "name": "web",',
          '      "image": "nginx:1.27",',
          '      "dependsOn": [',
          '        {',
          '          "containerName": "init-config",',
          '          "condition": "SUCCESS"',
          '        }',
          '      ],',
          '      "portMappings": [{ "containerPort": 80 }]',
          '    }',
          '  ]',
          '}',
          '',
        ].join('\r\n'),
      );
    });

    test('comments after the anchor property stay on their line; trailing commas are kept', () => {
      const text = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "init-config",
      "image": "busybox:1.36", // small, has wget
      "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"],
    },
    {
      "name": "web",
      "image": "nginx:1.27", // serves the rendered config
    },
  ],
}
`;
      const f = onlyFinding(ID, text);
      // essential is left out: the finding points at the container's name.
      assert.equal(underlined(text, f.range), '"init-config"');
      assert.match(f.message, /is essential \(essential defaults to true when it is left out\)/);
      assert.equal(
        applyFix(text, f),
        `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "init-config",
      "image": "busybox:1.36", // small, has wget
      "essential": false,
      "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"],
    },
    {
      "name": "web",
      "image": "nginx:1.27", // serves the rendered config
      "dependsOn": [
        {
          "containerName": "init-config",
          "condition": "SUCCESS"
        }
      ],
    },
  ],
}
`,
      );
    });

    test('a block comment after the last property: the comma goes before it', () => {
      const text = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "init-config",
      "image": "busybox:1.36",
      "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]
    },
    {
      "name": "web",
      "image": "nginx:1.27" /* mainline */
    }
  ]
}
`;
      assert.equal(
        applyFix(text, onlyFinding(ID, text)),
        `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "init-config",
      "image": "busybox:1.36",
      "essential": false,
      "command": ["sh", "-c", "wget -O /config/app.yaml http://config.internal/app.yaml"]
    },
    {
      "name": "web",
      "image": "nginx:1.27", /* mainline */
      "dependsOn": [
        {
          "containerName": "init-config",
          "condition": "SUCCESS"
        }
      ]
    }
  ]
}
`,
      );
    });
  });

  test('a main container that already waits (START) is left alone; only essential changes (appended inside a one-line object)', () => {
    const text = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "init-config", "image": "busybox:1.36", "command": ["sh", "-c", "mkdir -p /cache/web"] },
    { "name": "web", "image": "nginx:1.27", "dependsOn": [{ "containerName": "init-config", "condition": "START" }] }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(f.fixes[0]!.title, 'Make init-config non-essential');
    assert.equal(
      applyFix(text, f),
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": "init-config", "image": "busybox:1.36", "command": ["sh", "-c", "mkdir -p /cache/web"], "essential": false },
    { "name": "web", "image": "nginx:1.27", "dependsOn": [{ "containerName": "init-config", "condition": "START" }] }
  ]
}
`,
    );
  });

  test('every main container is made to wait', () => {
    const text = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "db-migrate", "image": "shop/api:5", "command": ["bin/rails", "db:migrate"] },
    { "name": "api", "image": "shop/api:5", "portMappings": [{ "containerPort": 3000 }] },
    { "name": "worker", "image": "shop/api:5", "command": ["bin/jobs"] }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.match(f.message, /api, worker included/);
    assert.equal(
      f.fixes[0]!.title,
      'Make db-migrate non-essential and make api, worker wait for it (SUCCESS)',
    );
    assert.equal(
      applyFix(text, f),
      `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "db-migrate", "image": "shop/api:5", "command": ["bin/rails", "db:migrate"], "essential": false },
    { "name": "api", "image": "shop/api:5", "portMappings": [{ "containerPort": 3000 }], "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }] },
    { "name": "worker", "image": "shop/api:5", "command": ["bin/jobs"], "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }] }
  ]
}
`,
    );
  });

  test('does not fire on a single-container migration task, which must stay essential', () => {
    assert.deepEqual(findingsOf(ID, MIGRATION_SINGLE), []);
  });

  test('does not fire when the init container is waited for with SUCCESS (completion-condition-on-essential reports that)', () => {
    const text = SEED.replace(
      '"essential": true,\n      "command": ["python"',
      '"essential": true,\n      "dependsOn": [{ "containerName": "init-setup", "condition": "SUCCESS" }],\n      "command": ["python"',
    );
    assert.notEqual(text, SEED);
    assert.deepEqual(findingsOf(ID, text), []);
  });

  test('does not fire on a template placeholder for essential', () => {
    const text = SEED.replace(
      '"essential": true,\n      "logConfiguration"',
      '"essential": "${INIT_ESSENTIAL}",\n      "logConfiguration"',
    );
    assert.notEqual(text, SEED);
    assert.deepEqual(findingsOf(ID, text), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
