import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { credentialScope } from '../../../server/src/engine/rules/repository-credentials-inconsistent';
import { ALL_CORRECT, REAL_WORLD_CORRECT } from './helpers';
import { edit, ruleTester, validCases } from './ruleTester';

const ID = 'repository-credentials-inconsistent';
/** techlibplanet/sample-project infra/task_definition.json.tpl: one service pulled from GitHub's registry with credentials. */
const GHCR = readFileSync(
  'test/fixtures/real-world/good/ghcr-repository-credentials.json.tpl',
  'utf8',
);
const CREDENTIALS =
  'arn:aws:secretsmanager:us-east-1:786054985583:secret:GITHUB_READ_PACKAGE-Je0WKe';
const SERVICE_END = '        "awslogs-stream-prefix": "ecs"\n      }\n    }\n  }';

/** The same template with a migration step that runs the service's image first (a common pattern). */
const withMigration = (migration: string, serviceWaits = true) =>
  edit(
    serviceWaits
      ? edit(
          GHCR,
          '"name": "quizzer-service",',
          '"name": "quizzer-service",\n    "dependsOn": [{ "containerName": "quizzer-migrate", "condition": "SUCCESS" }],',
        )
      : GHCR,
    SERVICE_END,
    `${SERVICE_END},\n  ${migration}`,
  );
const MIGRATE =
  '{ "name": "quizzer-migrate", "image": "ghcr.io/techlibplanet/sample-project:latest", "essential": false, "command": ["./migrate", "up"] }';
const MIGRATE_WITH_CREDENTIALS = MIGRATE.replace(
  '"image": "ghcr.io/techlibplanet/sample-project:latest",',
  `"image": "ghcr.io/techlibplanet/sample-project:latest", "repositoryCredentials": { "credentialsParameter": "${CREDENTIALS}" },`,
);

/** Two containers from one private registry host (Grey Matter's proxy and its control plane). */
const privateRegistry = (proxyCredentials: boolean, controlCredentials: string) => `{
  "family": "edge",
  "containerDefinitions": [
    {
      "name": "edge",
      "image": "docker.greymatter.io/development/gm-proxy:1.5.0-dev"${proxyCredentials ? ',\n      "repositoryCredentials": { "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:greymatter-docker" }' : ''}
    },
    {
      "name": "control",
      "image": "docker.greymatter.io/development/gm-control:1.5.0-dev"${controlCredentials}
    }
  ]
}
`;

ruleTester(ID, {
  severity: 'warning',
  valid: [
    {
      name: 'the service and its migration both pull with the credentials',
      document: withMigration(MIGRATE_WITH_CREDENTIALS),
    },
    {
      name: 'another repository of the same public registry (ghcr.io hosts public images too)',
      document: withMigration(
        '{ "name": "otel", "image": "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.115.0" }',
        false,
      ),
    },
    {
      name: 'an ECR image next to a private registry: ECR pulls with the execution role',
      document: withMigration(
        '{ "name": "worker", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:1.0" }',
        false,
      ),
    },
    {
      name: 'a Docker Hub official image next to a private Docker Hub repository',
      document: `[
  { "name": "app", "image": "myorg/app:2.0", "repositoryCredentials": { "credentialsParameter": "dockerhub" } },
  { "name": "cache", "image": "redis:7.2" }
]
`,
    },
    {
      name: 'the image of the migration is a template placeholder',
      document: withMigration(
        MIGRATE.replace('ghcr.io/techlibplanet/sample-project:latest', '${MIGRATE_IMAGE}'),
      ),
    },
    {
      name: 'neither container of the private registry has credentials (nothing says the registry needs any)',
      document: privateRegistry(false, ''),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...ALL_CORRECT }),
  ],
  invalid: [
    {
      name: 'the migration runs the service image without the credentials: it cannot pull, and the service waiting for it never starts; the safe fix copies them',
      document: withMigration(MIGRATE),
      findings: [
        {
          message:
            "quizzer-migrate pulls from the repository ghcr.io/techlibplanet/sample-project, as quizzer-service does with repositoryCredentials, but has none itself: repositoryCredentials is set per container definition, so ECS pulls quizzer-migrate's image anonymously. If it is private the pull fails (CannotPullContainerError), and quizzer-service, which waits for it, never starts. Give quizzer-migrate the same repositoryCredentials.",
          underlined: '"ghcr.io/techlibplanet/sample-project:latest"',
          line: 26,
          container: 'quizzer-migrate',
          related: [
            {
              message:
                'quizzer-service pulls from the repository ghcr.io/techlibplanet/sample-project with these credentials',
              line: 9,
            },
          ],
          fixes: [
            {
              title: 'Use the repositoryCredentials of quizzer-service',
              preferred: true,
              safe: true,
              // An object written on one line gets the property at its end.
              output: withMigration(
                MIGRATE.replace(
                  '"command": ["./migrate", "up"] }',
                  `"command": ["./migrate", "up"], "repositoryCredentials": { "credentialsParameter": "${CREDENTIALS}" } }`,
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'two images of one private registry host, only the proxy with credentials',
      document: privateRegistry(true, ''),
      findings: [
        {
          message:
            /^control pulls from the registry docker\.greymatter\.io, as edge does with repositoryCredentials, but has none itself: .* If it is private the pull fails \(CannotPullContainerError\)\. Give control the same repositoryCredentials\.$/,
          underlined: '"docker.greymatter.io/development/gm-control:1.5.0-dev"',
          container: 'control',
          related: [
            {
              message: 'edge pulls from the registry docker.greymatter.io with these credentials',
              line: 7,
            },
          ],
          fixes: [
            {
              title: 'Use the repositoryCredentials of edge',
              preferred: true,
              safe: true,
              output: privateRegistry(
                true,
                ',\n      "repositoryCredentials": {\n        "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:greymatter-docker"\n      }',
              ),
            },
          ],
        },
      ],
    },
  ],
});

test(`${ID}: which images need the same credentials (the scope compared), and which need none`, () => {
  const scopes: Record<string, string | undefined> = {
    // ECR pulls with the task execution role; Docker Hub's official images are public.
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0': undefined,
    '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:1.0': undefined,
    '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1.0': undefined,
    'public.ecr.aws/nginx/nginx:1.27': undefined,
    'redis:7.2': undefined,
    'redis@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0': undefined,
    'index.docker.io/redis:7.2': undefined,
    'registry-1.docker.io/redis': undefined,
    '${IMAGE}': undefined,
    '': undefined,
    // Registries that host public images too: the repository.
    'myorg/app:2.0': 'docker.io/myorg/app',
    '  myorg/app:2.0  ': 'docker.io/myorg/app',
    'myorg/app@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0':
      'docker.io/myorg/app',
    'docker.io/library/redis:7.2': 'docker.io/library/redis',
    'GHCR.IO/Org/App:1': 'ghcr.io/Org/App',
    'docker.pkg.github.com/org/repo/app:1': 'docker.pkg.github.com/org/repo/app',
    'quay.io/prometheus/node-exporter:v1.8.2': 'quay.io/prometheus/node-exporter',
    'gcr.io/my-project/app:1': 'gcr.io/my-project/app',
    'eu.gcr.io/my-project/app:1': 'eu.gcr.io/my-project/app',
    'europe-west1-docker.pkg.dev/my-project/repo/app:1':
      'europe-west1-docker.pkg.dev/my-project/repo/app',
    'registry.gitlab.com/group/project:1': 'registry.gitlab.com/group/project',
    'mcr.microsoft.com/dotnet/aspnet:8.0': 'mcr.microsoft.com/dotnet/aspnet',
    'registry.k8s.io/pause:3.9': 'registry.k8s.io/pause',
    // Any other registry is private as a whole: the host.
    'docker.greymatter.io/development/gm-proxy:1.5.0-dev': 'docker.greymatter.io',
    'registry.example.com:5000/team/app:1.2': 'registry.example.com:5000',
    'localhost:5000/app:1': 'localhost:5000',
    'localhost/app:1': 'localhost',
    'xgcr.io/project/app:1': 'xgcr.io',
    'ghcr.io.example.com/org/app:1': 'ghcr.io.example.com',
    'notecr.aws/app:1': 'notecr.aws',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com.example.com/app:1':
      '123456789012.dkr.ecr.us-east-1.amazonaws.com.example.com',
  };
  for (const [image, key] of Object.entries(scopes))
    assert.equal(credentialScope(image)?.key, key, JSON.stringify(image));
  assert.equal(credentialScope('ghcr.io/org/app:1')?.words, 'the repository ghcr.io/org/app');
  assert.equal(
    credentialScope('docker.greymatter.io/x/y:1')?.words,
    'the registry docker.greymatter.io',
  );
});
