import { readFileSync } from 'node:fs';
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
