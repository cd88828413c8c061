import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const LEDGER = fixture('start-timeout-without-effect/ledger-start-timeout-nobody-waits-for.json');
const TIMEOUT_LINE = '      "startTimeout": 120,\n';
const FIRELENS = `{ "containerDefinitions": [
  { "name": "log_router", "image": "fluent-bit", "startTimeout": 30, "firelensConfiguration": { "type": "fluentbit" } },
  { "name": "app", "image": "x", "logConfiguration": { "logDriver": "awsfirelens" } }
] }`;
const START_AND_LINK = `{ "containerDefinitions": [
  { "name": "db", "image": "postgres:16", "startTimeout": 60 },
  { "name": "api", "image": "x", "dependsOn": [{ "containerName": "db", "condition": "START" }] },
  { "name": "web", "image": "nginx:1.27", "links": ["db:database"] }
] }`;
/** WordPress, whose files nginx mounts, and possibly more containers. */
const wordpress = (more = '') => `{ "containerDefinitions": [
  { "name": "wordpress", "image": "wordpress:6.6.2-php8.3-fpm", "startTimeout": 60 },
  { "name": "nginx", "image": "nginx:1.27.2", "volumesFrom": [{ "sourceContainer": "wordpress" }] }${more}
] }`;
const MOUNTS = wordpress();
const MOUNTS_AND_LINKS = wordpress(
  ',\n  { "name": "cron", "image": "wordpress:cli-2.11", "links": ["wordpress"] }',
);
/** LEDGER where the ledger waits for the given dependsOn entries besides the migration. */
const ledgerAlsoWaitsFor = (entries: string) =>
  edit(
    LEDGER,
    '{ "containerName": "db-migrate", "condition": "SUCCESS" }',
    `{ "containerName": "db-migrate", "condition": "SUCCESS" }, ${entries}`,
  );
const LEDGER_AND_REDIS = edit(
  ledgerAlsoWaitsFor('{ "containerName": "redis", "condition": "START" }'),
  '  "containerDefinitions": [\n',
  '  "containerDefinitions": [\n    { "name": "redis", "image": "redis:7.4" },\n',
);
const TWO_INITS = edit(
  ledgerAlsoWaitsFor('{ "containerName": "config-init", "condition": "SUCCESS" }'),
  '  "containerDefinitions": [\n',
  '  "containerDefinitions": [\n    { "name": "config-init", "image": "amazon/aws-cli:2.17.0", "essential": false },\n',
);
/** The finding on the ledger's startTimeout, for LEDGER variants. */
const onLedger = (document: string, where: RegExp) => ({
  document,
  findings: [
    {
      message: [/^startTimeout on ledger has no effect: no container waits for ledger\. /, where],
      underlined: '"startTimeout"',
      container: 'ledger',
      tags: ['unnecessary' as const],
      fixes: [
        {
          title: 'Remove "startTimeout"',
          preferred: true,
          output: edit(document, TIMEOUT_LINE, ''),
        },
      ],
    },
  ],
});
/** A db waited for with a condition the file leaves out or does not spell out. */
const waitedFor = (dependency: string) =>
  `{ "containerDefinitions": [{ "name": "db", "image": "postgres:16", "startTimeout": 60 }, { "name": "api", "image": "x", "dependsOn": [${dependency}] }] }`;

/** The explanation every finding ends its first part with: which waits it bounds, and from when. */
const WHAT_IT_BOUNDS = (name: string) =>
  new RegExp(
    `It bounds how long the containers that wait for ${name} with COMPLETE, SUCCESS or HEALTHY wait: the clock starts when ${name} starts, and if ${name} has not reached their condition in time, they give up and do not start\\.`,
  );

ruleTester('start-timeout-without-effect', {
  severity: 'hint',
  valid: [
    {
      name: 'startTimeout on the migration others wait for',
      document: edit(
        LEDGER,
        [TIMEOUT_LINE, ''],
        ['"essential": false,', '"essential": false,\n      "startTimeout": 120,'],
      ),
    },
    {
      name: 'one container waits with HEALTHY, beside a link',
      document: edit(
        START_AND_LINK,
        [
          '"startTimeout": 60 }',
          '"startTimeout": 60, "healthCheck": { "command": ["CMD-SHELL", "pg_isready"] } }',
        ],
        ['"condition": "START"', '"condition": "HEALTHY"'],
      ),
    },
    {
      name: 'the waiting dependsOn has no condition (it may be a timed one)',
      document: waitedFor('{ "containerName": "db" }'),
    },
    {
      name: 'the waiting condition is a template placeholder',
      document: waitedFor('{ "containerName": "db", "condition": "${cond}" }'),
    },
    { name: "0, a skeleton's unset value", document: edit(LEDGER, '120', '0') },
    {
      name: "a container's dependsOn from a Terraform variable (it may wait for the ledger)",
      document: edit(
        LEDGER,
        '"essential": false,',
        '"essential": false,\n      "dependsOn": "${migrate_dependencies}",',
      ),
    },
    {
      name: 'a container list with a placeholder (a container it adds may wait for the ledger)',
      document: edit(LEDGER, '\n  ]\n}', ',\n    "${sidecar_definitions}"\n  ]\n}'),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a ledger service sets startTimeout though nobody waits for it: faded as unnecessary, saying where it belongs; the fix removes it',
      document: LEDGER,
      findings: [
        {
          message: [
            /^startTimeout on ledger has no effect: no container waits for ledger\. /,
            WHAT_IT_BOUNDS('ledger'),
            /To bound how long ledger waits for db-migrate, set startTimeout on that container\.$/,
          ],
          underlined: '"startTimeout"',
          container: 'ledger',
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove "startTimeout"',
              preferred: true,
              output: edit(LEDGER, TIMEOUT_LINE, ''),
            },
          ],
        },
      ],
    },
    {
      name: 'a FireLens router with startTimeout: the app waits for it only to start, and the agent times only COMPLETE, SUCCESS and HEALTHY',
      document: FIRELENS,
      findings: [
        {
          message: [
            /^startTimeout on log_router has no effect: app waits for log_router only to start \(FireLens\), and the ECS agent applies startTimeout only to COMPLETE, SUCCESS and HEALTHY waits\. /,
            WHAT_IT_BOUNDS('log_router'),
            /do not start\.$/,
          ],
          underlined: '"startTimeout"',
          container: 'log_router',
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove "startTimeout"',
              preferred: true,
              output: edit(FIRELENS, '"startTimeout": 30, ', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'a database waited for with START and through a link',
      document: START_AND_LINK,
      findings: [
        {
          message: [
            /^startTimeout on db has no effect: api, web wait for db only to start \(START, links\), and the ECS agent/,
            /do not start\.$/,
          ],
          underlined: '"startTimeout"',
          container: 'db',
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove "startTimeout"',
              preferred: true,
              output: edit(START_AND_LINK, ', "startTimeout": 60', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'nginx mounts the WordPress files: it waits for WordPress only to be created',
      document: MOUNTS,
      findings: [
        {
          message:
            /^startTimeout on wordpress has no effect: nginx waits for wordpress only to be created \(volumesFrom\), and the ECS agent/,
          underlined: '"startTimeout"',
          container: 'wordpress',
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove "startTimeout"',
              preferred: true,
              output: edit(MOUNTS, ', "startTimeout": 60', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'nginx mounts the WordPress files and a cron job links to it: to be created or to start',
      document: MOUNTS_AND_LINKS,
      findings: [
        {
          message:
            /^startTimeout on wordpress has no effect: nginx, cron wait for wordpress only to be created or to start \(volumesFrom, links\), and the ECS agent/,
          underlined: '"startTimeout"',
          container: 'wordpress',
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove "startTimeout"',
              preferred: true,
              output: edit(MOUNTS_AND_LINKS, ', "startTimeout": 60', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'the ledger also waits for redis with START: only the migration is where a timeout belongs',
      ...onLedger(
        LEDGER_AND_REDIS,
        /To bound how long ledger waits for db-migrate, set startTimeout on that container\.$/,
      ),
    },
    {
      name: 'the ledger waits for two init containers: the timeout belongs on those containers',
      ...onLedger(
        TWO_INITS,
        /To bound how long ledger waits for db-migrate, config-init, set startTimeout on those containers\.$/,
      ),
    },
  ],
});
