import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const FARGATE = fixture('links-in-awsvpc/otel-demo-app-links-collector-on-fargate.json');
const ALREADY_WAITS = edit(
  FARGATE,
  '"links": ["collector"],',
  '"links": ["collector"],\n      "dependsOn": [{ "containerName": "collector", "condition": "START" }],',
);
const LINKS_LINE = '      "links": ["collector"],\n';

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
      name: 'the app already waits for the collector: no dependsOn suggestion',
      document: ALREADY_WAITS,
      findings: [
        {
          message: NO_LINKS_IN_AWSVPC,
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
