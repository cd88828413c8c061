import { CORRECT_FIXTURES } from './helpers';
import { fixture, ruleTester, validCases } from './ruleTester';

const THREE = fixture('dependency-cycle/api-worker-cache-cycle-with-metrics-behind.json');
const API_WAITS = '{ "containerName": "worker", "condition": "START" }';
const WORKER_WAITS = '{ "containerName": "cache", "condition": "START" }';
const CACHE_WAITS = '{ "containerName": "api", "condition": "HEALTHY" }';

const IN_THREE = /\(api → cache → worker → api\)/;

/** A pair of containers waiting for each other, as one of them writes the wait. */
const waitsFor = (name: string) => `{ "containerName": "${name}", "condition": "START" }`;

const LEGACY_TEMPLATE = `Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: legacy
      NetworkMode: bridge
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Memory: 128
          Links:
            - app
        - Name: app
          Image: legacy/app:9
          Memory: 512
          DependsOn:
            - ContainerName: web
              Condition: START
`;

ruleTester('dependency-cycle', {
  severity: 'error',
  valid: [
    {
      name: 'nginx links to the app and waits for it: links and dependsOn in the same direction are no cycle',
      document: `{
  "family": "legacy",
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "app", "image": "legacy/app:9", "memory": 512 },
    { "name": "web", "image": "nginx:1.27", "memory": 128, "links": ["app:backend"], "dependsOn": [{ "containerName": "app", "condition": "START" }] }
  ]
}
`,
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      // Which edge to cut is the author's call: no fixes. The other edges are related locations.
      name: 'api, worker and cache wait for each other in a ring: every edge of the cycle, and not metrics waiting behind it',
      document: THREE,
      findings: [
        {
          message: IN_THREE,
          underlined: API_WAITS,
          container: 'api',
          related: [
            { message: 'worker waits for cache', underlined: WORKER_WAITS },
            { message: 'cache waits for api', underlined: CACHE_WAITS },
          ],
          fixes: null,
        },
        {
          message: IN_THREE,
          underlined: WORKER_WAITS,
          container: 'worker',
          related: [
            { message: 'api waits for worker', underlined: API_WAITS },
            { message: 'cache waits for api', underlined: CACHE_WAITS },
          ],
          fixes: null,
        },
        {
          message:
            'cache waits for api (HEALTHY), which is part of a dependency cycle (api → cache → worker → api): none of these containers can start.',
          underlined: CACHE_WAITS,
          container: 'cache',
          related: [
            { message: 'api waits for worker', underlined: API_WAITS },
            { message: 'worker waits for cache', underlined: WORKER_WAITS },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: 'two containers waiting for each other',
      document: `{
  "family": "pair",
  "containerDefinitions": [
    { "name": "a", "image": "shop/a:1", "dependsOn": [{ "containerName": "b", "condition": "START" }] },
    { "name": "b", "image": "shop/b:1", "dependsOn": [{ "containerName": "a", "condition": "START" }] }
  ]
}
`,
      findings: [
        {
          message:
            'a waits for b (START), which is part of a dependency cycle (a → b → a): none of these containers can start.',
          underlined: '{ "containerName": "b", "condition": "START" }',
          container: 'a',
          related: [
            {
              message: 'b waits for a',
              underlined: '{ "containerName": "a", "condition": "START" }',
            },
          ],
          fixes: null,
        },
        {
          message:
            'b waits for a (START), which is part of a dependency cycle (a → b → a): none of these containers can start.',
          underlined: '{ "containerName": "a", "condition": "START" }',
          container: 'b',
          related: [
            {
              message: 'a waits for b',
              underlined: '{ "containerName": "b", "condition": "START" }',
            },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: 'a legacy bridge task: web links to app, app waits for web (an implicit edge closes the cycle)',
      document: fixture('dependency-cycle/links-one-way-depends-on-the-other.json'),
      findings: [
        {
          message:
            'web starts after app (implicit, links), which is part of a dependency cycle (web → app → web): none of these containers can start.',
          underlined: '"app"',
          container: 'web',
          related: [
            {
              message: 'app waits for web',
              underlined: '{ "containerName": "web", "condition": "START" }',
            },
          ],
          fixes: null,
        },
        {
          message:
            'app waits for web (START), which is part of a dependency cycle (web → app → web): none of these containers can start.',
          underlined: '{ "containerName": "web", "condition": "START" }',
          container: 'app',
          related: [{ message: 'web waits for app', underlined: '"app"' }],
          fixes: null,
        },
      ],
    },
    {
      name: 'two separate pairs wait for each other: each wait is reported once, in its own cycle, with the other wait of that cycle only',
      document: `{
  "family": "two-pairs",
  "containerDefinitions": [
    { "name": "a", "image": "shop/a:1", "dependsOn": [${waitsFor('b')}] },
    { "name": "b", "image": "shop/b:1", "dependsOn": [${waitsFor('a')}] },
    { "name": "c", "image": "shop/c:1", "dependsOn": [${waitsFor('d')}] },
    { "name": "d", "image": "shop/d:1", "dependsOn": [${waitsFor('c')}] }
  ]
}
`,
      findings: [
        ['a', 'b', 'a → b → a'],
        ['b', 'a', 'a → b → a'],
        ['c', 'd', 'c → d → c'],
        ['d', 'c', 'c → d → c'],
      ].map(([waiter, target, path]) => ({
        message: `${waiter} waits for ${target} (START), which is part of a dependency cycle (${path}): none of these containers can start.`,
        underlined: waitsFor(target!),
        container: waiter,
        related: [{ message: `${target} waits for ${waiter}`, underlined: waitsFor(waiter!) }],
        fixes: null,
      })),
    },
    {
      name: 'a CloudFormation template whose web links to app while app waits for web: the implicit edge is named as the template spells it (Links)',
      document: LEGACY_TEMPLATE,
      options: { format: 'cloudformation' },
      findings: [
        {
          message:
            'web starts after app (implicit, Links), which is part of a dependency cycle (web → app → web): none of these containers can start.',
          underlined: 'app',
          container: 'web',
          related: [
            {
              message: 'app waits for web',
              underlined: 'ContainerName: web\n              Condition: START',
            },
          ],
          fixes: null,
        },
        {
          message:
            'app waits for web (START), which is part of a dependency cycle (web → app → web): none of these containers can start.',
          underlined: 'ContainerName: web\n              Condition: START',
          container: 'app',
          related: [{ message: 'web waits for app', underlined: 'app' }],
          fixes: null,
        },
      ],
    },
    {
      name: 'app mounts volumes from assets, assets waits for app to be HEALTHY',
      document: `{
  "family": "shared-dirs",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1", "volumesFrom": [{ "sourceContainer": "assets" }] },
    { "name": "assets", "image": "shop/assets:1", "essential": false, "dependsOn": [{ "containerName": "app", "condition": "HEALTHY" }] }
  ]
}
`,
      findings: [
        {
          message:
            /app waits for assets to be created \(implicit, volumesFrom\), which is part of a dependency cycle/,
          underlined: '{ "sourceContainer": "assets" }',
          container: 'app',
          related: [
            {
              message: 'assets waits for app',
              underlined: '{ "containerName": "app", "condition": "HEALTHY" }',
            },
          ],
          fixes: null,
        },
        {
          message:
            'assets waits for app (HEALTHY), which is part of a dependency cycle (app → assets → app): none of these containers can start.',
          underlined: '{ "containerName": "app", "condition": "HEALTHY" }',
          container: 'assets',
          related: [
            { message: 'app waits for assets', underlined: '{ "sourceContainer": "assets" }' },
          ],
          fixes: null,
        },
      ],
    },
  ],
});
