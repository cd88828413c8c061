import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  REAL_WORLD_CORRECT,
  applyFix,
  findingsOf,
  GOOD_FIXTURES,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'invalid-container-name';

const SPACED = `{
  "family": "orders",
  "containerDefinitions": [
    {
      "name": "orders api",
      "image": "shop/orders:7.0.1",
      "portMappings": [{ "containerPort": 8080 }]
    },
    {
      "name": "log-shipper",
      "image": "fluent/fluent-bit:3.1.9",
      "essential": false,
      "dependsOn": [{ "containerName": "orders api", "condition": "START" }],
      "volumesFrom": [{ "sourceContainer": "orders api", "readOnly": true }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a name with a space, saying which characters are wrong', () => {
    const f = onlyFinding(ID, SPACED);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(SPACED, f.range), '"orders api"');
    assert.equal(f.container, 'orders api');
    assert.match(
      f.message,
      /"orders api" is not a valid container name: it contains spaces\. ECS allows up to 255 letters, digits, hyphens \(-\) and underscores \(_\)/,
    );
    assert.match(f.message, /Container\.name contains invalid characters/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Rename "orders api" to "orders-api" (and the 2 references to it)', true, true]],
    );
  });

  test('fix: renames the container and every reference to it (dependsOn, volumesFrom) in one edit set', () => {
    const f = onlyFinding(ID, SPACED);
    assert.equal(
      applyFix(SPACED, f),
      `{
  "family": "orders",
  "containerDefinitions": [
    {
      "name": "orders-api",
      "image": "shop/orders:7.0.1",
      "portMappings": [{ "containerPort": 8080 }]
    },
    {
      "name": "log-shipper",
      "image": "fluent/fluent-bit:3.1.9",
      "essential": false,
      "dependsOn": [{ "containerName": "orders-api", "condition": "START" }],
      "volumesFrom": [{ "sourceContainer": "orders-api", "readOnly": true }]
    }
  ]
}
`,
    );
  });

  test('a link with an alias is renamed too, but then the fix is not applied automatically', () => {
    const text = `{
  "family": "legacy",
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "php.fpm", "image": "shop/php-fpm:8.3.11", "memory": 256 },
    { "name": "nginx", "image": "nginx:1.27.2", "memory": 128, "links": ["php.fpm:fpm"] }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.match(f.message, /it contains "\."/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Rename "php.fpm" to "php-fpm" (and the reference to it)', true, false]],
    );
    assert.equal(
      applyFix(text, f),
      text
        .replace('"name": "php.fpm"', '"name": "php-fpm"')
        .replace('"links": ["php.fpm:fpm"]', '"links": ["php-fpm:fpm"]'),
    );
  });

  test('the App Mesh proxyConfiguration containerName follows the rename', () => {
    const text = `{
  "family": "mesh",
  "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy/proxy" },
  "containerDefinitions": [
    { "name": "envoy/proxy", "image": "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod" }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(
      f.fixes[0]!.title,
      'Rename "envoy/proxy" to "envoy-proxy" (and the reference to it)',
    );
    assert.equal(applyFix(text, f), text.replace(/"envoy\/proxy"/g, '"envoy-proxy"'));
  });

  test('a name longer than 255 characters: reported with its length, fixed by shortening', () => {
    const long = 'a'.repeat(260);
    const text = `[\n  { "name": "${long}", "image": "busybox:1.36" }\n]\n`;
    const f = onlyFinding(ID, text);
    assert.match(f.message, /it is 260 characters long/);
    assert.equal(applyFix(text, f), text.replace(long, 'a'.repeat(255)));
  });

  test('no fix when the repaired name is already taken', () => {
    const text = `[
  { "name": "orders-api", "image": "shop/orders:7.0.1" },
  { "name": "orders api", "image": "shop/orders:7.0.1" }
]
`;
    assert.deepEqual(onlyFinding(ID, text).fixes, []);
  });

  describe('does not fire', () => {
    test('on names of letters, digits, hyphens and underscores', () => {
      assert.deepEqual(findingsOf(ID, SPACED.replace(/orders api/g, 'Orders_API-2')), []);
    });
    test('on template placeholders, whole or in part', () => {
      assert.deepEqual(findingsOf(ID, SPACED.replace(/orders api/g, '${APP}')), []);
      assert.deepEqual(findingsOf(ID, SPACED.replace(/orders api/g, 'orders-${ENV}')), []);
    });
    test('on an empty name (missing-required-field reports it)', () => {
      assert.deepEqual(findingsOf(ID, SPACED.replace('"name": "orders api"', '"name": ""')), []);
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
