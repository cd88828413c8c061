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
          message:
            /^startTimeout on db has no effect: api, web wait for db only to start \(START, links\), and the ECS agent/,
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
  ],
});
