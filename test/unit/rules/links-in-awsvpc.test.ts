import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const FARGATE = fixture('links-in-awsvpc/otel-demo-app-links-collector-on-fargate.json');
const ALREADY_WAITS = edit(
  FARGATE,
  '"links": ["collector"],',
  '"links": ["collector"],\n      "dependsOn": [{ "containerName": "collector", "condition": "START" }],',
);
const LINKS_LINE = '      "links": ["collector"],\n';
const ON_EC2 = edit(FARGATE, '"FARGATE"', '"EC2"');
const WITH_REDIS = edit(
  FARGATE,
  ['"links": ["collector"]', '"links": ["collector", "redis"]'],
  [
    '  "containerDefinitions": [\n',
    '  "containerDefinitions": [\n    { "name": "redis", "image": "redis:7.4", "portMappings": [{ "containerPort": 6379 }] },\n',
  ],
);
const STRAY_LINKS = edit(
  FARGATE,
  '"links": ["collector"]',
  '"links": ["collector", "jaeger", "app"]',
);
const UNNAMED = edit(FARGATE, '"name": "app",\n      ', '');
const WAITS_FOR_MIGRATION = edit(
  FARGATE,
  [
    '"links": ["collector"],',
    '"links": ["collector"],\n      "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }, { "condition": "START" }],',
  ],
  [
    '  "containerDefinitions": [\n',
    '  "containerDefinitions": [\n    { "name": "migrate", "image": "shop/migrate:1", "essential": false },\n',
  ],
);

const NO_LINKS_IN_AWSVPC =
  /app has links, but the task uses network mode awsvpc \(as Fargate requires\), which does not support links/;

ruleTester('links-in-awsvpc', {
  severity: 'error',
  valid: [
    {
      name: 'bridge mode on EC2 (links are how bridge containers find each other)',
      document: edit(FARGATE, ['"awsvpc"', '"bridge"'], ['"FARGATE"', '"EC2"']),
    },
    { name: 'an empty links array', document: edit(FARGATE, '["collector"]', '[]') },
    { name: 'a null links array', document: edit(FARGATE, '["collector"]', 'null') },
    {
      name: 'a bare container array (the network mode is not known)',
      document: `[{ "name": "a", "image": "x", "links": ["b"] }, { "name": "b", "image": "y" }]`,
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'an app links to its OpenTelemetry collector on Fargate: on the "links" key; the fix removes the line',
      document: FARGATE,
      findings: [
        {
          message: [
            NO_LINKS_IN_AWSVPC,
            /reach each other on localhost:<containerPort>/,
            /If app must start after collector, say so with dependsOn \(START\)/,
          ],
          underlined: '"links"',
          container: 'app',
          fixes: [
            {
              title: 'Remove "links" from app',
              preferred: true,
              output: edit(FARGATE, LINKS_LINE, ''),
            },
          ],
        },
      ],
    },
    {
      name: 'awsvpc on EC2: the same error, without Fargate as the reason',
      document: ON_EC2,
      findings: [
        {
          message:
            /^app has links, but the task uses network mode awsvpc, which does not support links: ECS rejects/,
          underlined: '"links"',
          container: 'app',
          fixes: [
            {
              title: 'Remove "links" from app',
              preferred: true,
              output: edit(ON_EC2, LINKS_LINE, ''),
            },
          ],
        },
      ],
    },
    {
      name: 'links to the collector and to redis: dependsOn is suggested for both',
      document: WITH_REDIS,
      findings: [
        {
          message: [
            NO_LINKS_IN_AWSVPC,
            /If app must start after collector, redis, say so with dependsOn \(START\), which links did implicitly\.$/,
          ],
          underlined: '"links"',
          container: 'app',
          fixes: [
            {
              title: 'Remove "links" from app',
              preferred: true,
              output: edit(WITH_REDIS, '      "links": ["collector", "redis"],\n', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'links to a container the task does not have and to the app itself: no start order to keep with them',
      document: STRAY_LINKS,
      findings: [
        {
          message: [NO_LINKS_IN_AWSVPC, /If app must start after collector, say so/],
          underlined: '"links"',
          container: 'app',
          fixes: [
            {
              title: 'Remove "links" from app',
              preferred: true,
              output: edit(STRAY_LINKS, '      "links": ["collector", "jaeger", "app"],\n', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'a container without a name has links: named by its position',
      document: UNNAMED,
      findings: [
        {
          message: [
            /^container #2 has links, but the task uses network mode awsvpc/,
            /If container #2 must start after collector, say so/,
          ],
          underlined: '"links"',
          fixes: [
            {
              title: 'Remove "links" from container #2',
              preferred: true,
              output: edit(UNNAMED, LINKS_LINE, ''),
            },
          ],
        },
      ],
    },
    {
      name: 'the app waits for a migration, not for the collector: dependsOn on the collector is still suggested',
      document: WAITS_FOR_MIGRATION,
      findings: [
        {
          message: [NO_LINKS_IN_AWSVPC, /If app must start after collector, say so/],
          underlined: '"links"',
          container: 'app',
          fixes: [
            {
              title: 'Remove "links" from app',
              preferred: true,
              output: edit(WAITS_FOR_MIGRATION, LINKS_LINE, ''),
            },
          ],
        },
      ],
    },
    {
      name: 'the app already waits for the collector: no dependsOn suggestion',
      document: ALREADY_WAITS,
      findings: [
        {
          message: [NO_LINKS_IN_AWSVPC, /localhost:<containerPort>\.$/],
          messageExcludes: /say so with dependsOn/,
          underlined: '"links"',
          container: 'app',
          fixes: [
            {
              title: 'Remove "links" from app',
              preferred: true,
              output: edit(ALREADY_WAITS, LINKS_LINE, ''),
            },
          ],
        },
      ],
    },
  ],
});
