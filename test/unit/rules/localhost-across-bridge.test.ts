import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, findingsOf, underlined } from './helpers';

const ID = 'localhost-across-bridge';

const SHOP = `{
  "family": "shop-bridge",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "shop",
      "image": "shop/app:5.1.0",
      "memory": 512,
      "portMappings": [{ "containerPort": 3000, "hostPort": 0 }],
      "links": ["statsd:metrics"],
      "environment": [
        { "name": "REDIS_URL", "value": "redis://localhost:6379/0" },
        { "name": "STATSD_HOST", "value": "127.0.0.1:8125" },
        { "name": "SELF_URL", "value": "http://localhost:3000/" }
      ]
    },
    {
      "name": "redis",
      "image": "redis:7.4-alpine",
      "memory": 256,
      "portMappings": [{ "containerPort": 6379 }]
    },
    {
      "name": "statsd",
      "image": "statsd/statsd:v0.10.2",
      "memory": 64,
      "essential": false,
      "portMappings": [{ "containerPort": 8125, "protocol": "udp" }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on localhost:<port> of another container, underlining the value, and says what works', () => {
    const [redis, statsd, ...rest] = findingsOf(ID, SHOP);
    assert.equal(rest.length, 0, 'localhost:3000 is shop itself');
    assert.equal(redis!.severity, 'warning');
    assert.equal(underlined(SHOP, redis!.range), '"redis://localhost:6379/0"');
    assert.equal(redis!.container, 'shop');
    assert.match(
      redis!.message,
      /shop points at localhost:6379, redis's port, but in bridge mode every container has its own network namespace: localhost is shop itself/,
    );
    assert.match(
      redis!.message,
      /Link the containers \("links": \["redis"\]\) and use "redis:6379", or switch the task to networkMode awsvpc, where the containers of a task share localhost/,
    );
    assert.deepEqual(
      redis!.related.map((r) => [underlined(SHOP, r.range), r.message]),
      [['6379', 'redis listens on 6379']],
    );
    // An existing link gives the host name to use.
    assert.match(statsd!.message, /Use "metrics:8125" \(the name its link gives statsd\)/);
    assert.deepEqual(redis!.fixes, []);
  });

  test('also when networkMode is left out (bridge is the EC2 default)', () => {
    const text = SHOP.replace('  "networkMode": "bridge",\n', '');
    const found = findingsOf(ID, text);
    assert.equal(found.length, 2);
    assert.match(found[0]!.message, /in bridge \(the default when networkMode is left out\) mode/);
  });

  test('in the command as well', () => {
    const text = SHOP.replace(
      '"links": ["statsd:metrics"],',
      '"command": ["./wait-for", "127.0.0.1:6379", "--", "node", "server.js"],',
    ).replace('        { "name": "REDIS_URL", "value": "redis://localhost:6379/0" },\n', '');
    assert.ok(findingsOf(ID, text).some((f) => underlined(text, f.range) === '"127.0.0.1:6379"'));
  });

  describe('does not fire', () => {
    test('in awsvpc or host mode (the containers share localhost)', () => {
      assert.deepEqual(findingsOf(ID, SHOP.replace('"bridge"', '"awsvpc"')), []);
      assert.deepEqual(findingsOf(ID, SHOP.replace('"bridge"', '"host"')), []);
    });
    test('on a port no other container exposes, or on a bare container array', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          SHOP.replace('"containerPort": 6379', '"containerPort": 6380').replace(
            '"containerPort": 8125',
            '"containerPort": 8126',
          ),
        ),
        [],
      );
      assert.deepEqual(
        findingsOf(
          ID,
          `[{ "name": "a", "image": "x", "environment": [{ "name": "U", "value": "localhost:80" }] }, { "name": "b", "image": "y", "portMappings": [{ "containerPort": 80 }] }]`,
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
