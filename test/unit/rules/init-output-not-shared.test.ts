import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'init-output-not-shared';

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
  test('fires on the seed: underlines the init command, points at the reader, names path and caveat', () => {
    const f = onlyFinding(ID, SEED);
    assert.equal(f.severity, 'warning');
    assert.equal(
      underlined(SEED, f.range),
      `["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`,
    );
    assert.equal(f.container, 'init-setup');
    assert.match(f.message, /init-setup writes \/app\/config\.yaml and app-container reads it/);
    assert.match(f.message, /each container has its own filesystem/);
    assert.match(f.message, /shared volume/);
    assert.match(
      f.message,
      /If \/app also holds files from app-container's image, mount a dedicated directory instead/,
    );
    assert.deepEqual(
      f.related.map((r) => [underlined(SEED, r.range), r.message]),
      [
        [
          '["python", "app.py", "--config", "/app/config.yaml"]',
          'app-container reads /app/config.yaml',
        ],
      ],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        [
          'Share /app through a new volume "init-setup-data" mounted in init-setup and app-container',
          true,
          true,
        ],
      ],
    );
  });

  test('fix on the seed: a task volume, mounted at /app in both containers', () => {
    assert.equal(
      applyFix(SEED, onlyFinding(ID, SEED)),
      `{
  "family": "my-app-with-init",
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:latest",
      "command": ["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"],
      "mountPoints": [
        {
          "sourceVolume": "init-setup-data",
          "containerPath": "/app"
        }
      ],
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
      "mountPoints": [
        {
          "sourceVolume": "init-setup-data",
          "containerPath": "/app"
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
  "volumes": [
    {
      "name": "init-setup-data"
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

  test('the init already mounts a volume there: the fix mounts the same volume in the reader (4 spaces)', () => {
    const text = `{
    "family": "reports",
    "containerDefinitions": [
        {
            "name": "fetch-templates",
            "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
            "essential": false,
            "entryPoint": ["sh", "-c"],
            "command": ["aws s3 sync s3://reports-templates/v3 /templates"],
            "mountPoints": [
                { "sourceVolume": "templates", "containerPath": "/templates" }
            ]
        },
        {
            "name": "worker",
            "image": "shop/report-worker:3.1.0",
            "dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }],
            "command": ["node", "worker.js", "--templates", "/templates/invoice"]
        }
    ],
    "volumes": [
        { "name": "templates" }
    ]
}
`;
    const f = onlyFinding(ID, text);
    assert.match(f.message, /fetch-templates writes \/templates and worker reads it/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [['Mount volume "templates" at /templates in worker', true]],
    );
    assert.equal(
      applyFix(text, f),
      `{
    "family": "reports",
    "containerDefinitions": [
        {
            "name": "fetch-templates",
            "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
            "essential": false,
            "entryPoint": ["sh", "-c"],
            "command": ["aws s3 sync s3://reports-templates/v3 /templates"],
            "mountPoints": [
                { "sourceVolume": "templates", "containerPath": "/templates" }
            ]
        },
        {
            "name": "worker",
            "image": "shop/report-worker:3.1.0",
            "dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }],
            "command": ["node", "worker.js", "--templates", "/templates/invoice"],
            "mountPoints": [
                {
                    "sourceVolume": "templates",
                    "containerPath": "/templates"
                }
            ]
        }
    ],
    "volumes": [
        { "name": "templates" }
    ]
}
`,
    );
  });

  test('a path read through an environment variable; the volume name avoids a taken one; JSONC trailing commas and comments kept', () => {
    const text = `{
  "family": "cms",
  "containerDefinitions": [
    {
      "name": "fetch-themes",
      "image": "curlimages/curl:8.10.1",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["curl -fsSL -o /srv/themes/theme.zip https://cdn.example.com/theme.zip"],
    },
    {
      "name": "cms",
      "image": "shop/cms:5.0.0",
      "dependsOn": [{ "containerName": "fetch-themes", "condition": "SUCCESS" }],
      "environment": [{ "name": "THEME_ARCHIVE", "value": "/srv/themes/theme.zip" }],
    },
  ],
  "volumes": [
    { "name": "fetch-themes-data", "host": {} }, // taken by an older revision
  ],
}
`;
    const f = onlyFinding(ID, text);
    assert.match(f.message, /fetch-themes writes \/srv\/themes\/theme\.zip and cms reads it/);
    assert.equal(
      f.fixes[0]!.title,
      'Share /srv/themes through a new volume "fetch-themes-data-2" mounted in fetch-themes and cms',
    );
    assert.equal(
      applyFix(text, f),
      `{
  "family": "cms",
  "containerDefinitions": [
    {
      "name": "fetch-themes",
      "image": "curlimages/curl:8.10.1",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["curl -fsSL -o /srv/themes/theme.zip https://cdn.example.com/theme.zip"],
      "mountPoints": [
        {
          "sourceVolume": "fetch-themes-data-2",
          "containerPath": "/srv/themes"
        }
      ],
    },
    {
      "name": "cms",
      "image": "shop/cms:5.0.0",
      "mountPoints": [
        {
          "sourceVolume": "fetch-themes-data-2",
          "containerPath": "/srv/themes"
        }
      ],
      "dependsOn": [{ "containerName": "fetch-themes", "condition": "SUCCESS" }],
      "environment": [{ "name": "THEME_ARCHIVE", "value": "/srv/themes/theme.zip" }],
    },
  ],
  "volumes": [
    { "name": "fetch-themes-data", "host": {} }, // taken by an older revision
    {
      "name": "fetch-themes-data-2"
    },
  ],
}
`,
    );
  });

  test('a bare container array has no task volumes to add: reported without a fix', () => {
    const text = `[
  {
    "name": "init-setup",
    "image": "amazon/aws-cli:2.17.0",
    "essential": false,
    "entryPoint": ["sh", "-c"],
    "command": ["aws s3 cp s3://my-bucket/config.yaml /app/config.yaml"]
  },
  {
    "name": "app-container",
    "image": "my-docker-repo/my-app:v1.2.0",
    "dependsOn": [{ "containerName": "init-setup", "condition": "SUCCESS" }],
    "command": ["python", "app.py", "--config", "/app/config.yaml"]
  }
]
`;
    const f = onlyFinding(ID, text);
    assert.deepEqual(f.fixes, []);
  });

  test('does not fire when the reader gets the files through volumesFrom', () => {
    const text = `{
  "family": "reports",
  "containerDefinitions": [
    {
      "name": "fetch-templates",
      "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 sync s3://reports-templates/v3 /templates"],
      "mountPoints": [{ "sourceVolume": "templates", "containerPath": "/templates" }]
    },
    {
      "name": "worker",
      "image": "shop/report-worker:3.1.0",
      "dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }],
      "volumesFrom": [{ "sourceContainer": "fetch-templates", "readOnly": true }],
      "command": ["node", "worker.js", "--templates", "/templates"]
    }
  ],
  "volumes": [{ "name": "templates" }]
}
`;
    assert.deepEqual(findingsOf(ID, text), []);
  });

  test('fires when the reader mounts a different volume at that path', () => {
    const text = `{
  "family": "reports",
  "containerDefinitions": [
    {
      "name": "fetch-templates",
      "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 sync s3://reports-templates/v3 /templates"],
      "mountPoints": [{ "sourceVolume": "templates", "containerPath": "/templates" }]
    },
    {
      "name": "worker",
      "image": "shop/report-worker:3.1.0",
      "dependsOn": [{ "containerName": "fetch-templates", "condition": "SUCCESS" }],
      "command": ["node", "worker.js", "--templates", "/templates"],
      "mountPoints": [{ "sourceVolume": "scratch", "containerPath": "/templates" }]
    }
  ],
  "volumes": [{ "name": "templates" }, { "name": "scratch" }]
}
`;
    assert.equal(findingsOf(ID, text).length, 1);
  });

  test('does not fire on a path the init only reads or changes into (cd /app && migrate)', () => {
    const text = `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "shop/api:4.2.0",
      "essential": false,
      "command": ["sh", "-c", "cd /app && ./bin/migrate --config /app/config/database.yml"]
    },
    {
      "name": "api",
      "image": "shop/api:4.2.0",
      "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }],
      "command": ["/app/bin/server", "--config", "/app/config/database.yml"]
    }
  ]
}
`;
    assert.deepEqual(findingsOf(ID, text), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
