import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CORRECT_FIXTURES, findingsOf, underlined } from './helpers';

const ID = 'dependency-cycle';

const THREE = `{
  "family": "checkout",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:2.0.0",
      "dependsOn": [{ "containerName": "worker", "condition": "START" }]
    },
    {
      "name": "worker",
      "image": "shop/worker:2.0.0",
      "dependsOn": [{ "containerName": "cache", "condition": "START" }]
    },
    {
      "name": "cache",
      "image": "redis:7.4",
      "dependsOn": [{ "containerName": "api", "condition": "HEALTHY" }]
    },
    {
      "name": "metrics",
      "image": "prom/statsd-exporter:v0.27.1",
      "essential": false,
      "dependsOn": [{ "containerName": "cache", "condition": "START" }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on every edge of the cycle, underlining the dependsOn entry that creates it', () => {
    const found = findingsOf(ID, THREE);
    assert.deepEqual(
      found.map((f) => [f.severity, f.container, underlined(THREE, f.range)]),
      [
        ['error', 'api', '{ "containerName": "worker", "condition": "START" }'],
        ['error', 'worker', '{ "containerName": "cache", "condition": "START" }'],
        ['error', 'cache', '{ "containerName": "api", "condition": "HEALTHY" }'],
      ],
    );
    assert.equal(
      found[2]!.message,
      'cache waits for api (HEALTHY), which is part of a dependency cycle (api → cache → worker → api): none of these containers can start.',
    );
    for (const f of found) {
      assert.match(f.message, /\(api → cache → worker → api\)/);
      assert.deepEqual(f.fixes, [], 'which edge to cut is the author’s call');
      // The other two edges of the cycle are shown as related locations.
      assert.equal(f.related.length, 2);
    }
    assert.deepEqual(
      found[0]!.related.map((r) => [underlined(THREE, r.range), r.message]),
      [
        ['{ "containerName": "cache", "condition": "START" }', 'worker waits for cache'],
        ['{ "containerName": "api", "condition": "HEALTHY" }', 'cache waits for api'],
      ],
    );
  });

  test('a container waiting behind the cycle is not itself reported as part of it', () => {
    assert.ok(findingsOf(ID, THREE).every((f) => f.container !== 'metrics'));
  });

  test('two containers waiting for each other', () => {
    const text = `{
  "family": "pair",
  "containerDefinitions": [
    { "name": "a", "image": "shop/a:1", "dependsOn": [{ "containerName": "b", "condition": "START" }] },
    { "name": "b", "image": "shop/b:1", "dependsOn": [{ "containerName": "a", "condition": "START" }] }
  ]
}
`;
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => f.message),
      [
        'a waits for b (START), which is part of a dependency cycle (a → b → a): none of these containers can start.',
        'b waits for a (START), which is part of a dependency cycle (a → b → a): none of these containers can start.',
      ],
    );
  });

  test('an implicit edge closes a cycle too: links one way, dependsOn the other', () => {
    const text = `{
  "family": "legacy",
  "networkMode": "bridge",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "memory": 128,
      "links": ["app"]
    },
    {
      "name": "app",
      "image": "legacy/app:9",
      "memory": 512,
      "dependsOn": [{ "containerName": "web", "condition": "START" }]
    }
  ]
}
`;
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [underlined(text, f.range), f.message]),
      [
        [
          '"app"',
          'web starts after app (implicit, links), which is part of a dependency cycle (web → app → web): none of these containers can start.',
        ],
        [
          '{ "containerName": "web", "condition": "START" }',
          'app waits for web (START), which is part of a dependency cycle (web → app → web): none of these containers can start.',
        ],
      ],
    );
  });

  test('volumesFrom one way and dependsOn the other is a cycle', () => {
    const text = `{
  "family": "shared-dirs",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1", "volumesFrom": [{ "sourceContainer": "assets" }] },
    { "name": "assets", "image": "shop/assets:1", "essential": false, "dependsOn": [{ "containerName": "app", "condition": "HEALTHY" }] }
  ]
}
`;
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => underlined(text, f.range)),
      ['{ "sourceContainer": "assets" }', '{ "containerName": "app", "condition": "HEALTHY" }'],
    );
    assert.match(found[0]!.message, /app starts after assets \(implicit, volumesFrom\)/);
  });

  test('links and dependsOn in the same direction are no cycle', () => {
    const text = `{
  "family": "legacy",
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "app", "image": "legacy/app:9", "memory": 512 },
    { "name": "web", "image": "nginx:1.27", "memory": 128, "links": ["app:backend"], "dependsOn": [{ "containerName": "app", "condition": "START" }] }
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
