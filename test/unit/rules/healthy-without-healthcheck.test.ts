import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyFix,
  CORRECT_FIXTURES,
  ENVOY_HEALTHY,
  findingsOf,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'healthy-without-healthcheck';

const PROXY = `{
  "family": "dashboard",
  "containerDefinitions": [
    {
      "name": "oauth2-proxy",
      "image": "quay.io/oauth2-proxy/oauth2-proxy:v7.6.0",
      "essential": true,
      "portMappings": [{ "containerPort": 4180 }],
      "environment": [{ "name": "OAUTH2_PROXY_UPSTREAMS", "value": "http://localhost:3000" }]
    },
    {
      "name": "dashboard",
      "image": "shop/dashboard:2.1.0",
      "dependsOn": [{ "containerName": "oauth2-proxy", "condition": "HEALTHY" }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on HEALTHY for a container without healthCheck and underlines the condition', () => {
    const f = onlyFinding(ID, PROXY);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(PROXY, f.range), '"HEALTHY"');
    assert.equal(f.container, 'dashboard');
    assert.match(
      f.message,
      /dashboard waits for oauth2-proxy to be HEALTHY, but oauth2-proxy has no healthCheck/,
    );
    assert.match(
      f.message,
      /only report a container healthy when the task definition gives it a health check/,
    );
    assert.match(f.message, /dashboard never starts/);
    assert.deepEqual(
      f.related.map((r) => [underlined(PROXY, r.range), r.message]),
      [['"oauth2-proxy"', 'oauth2-proxy has no healthCheck']],
    );
    // The command is a guess (the image may have no curl): offered, never applied by --fix.
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add a healthCheck to oauth2-proxy (edit its command)', true, false]],
    );
  });

  test('fix: adds a healthCheck on the container port after portMappings', () => {
    const f = onlyFinding(ID, PROXY);
    assert.equal(
      applyFix(PROXY, f),
      `{
  "family": "dashboard",
  "containerDefinitions": [
    {
      "name": "oauth2-proxy",
      "image": "quay.io/oauth2-proxy/oauth2-proxy:v7.6.0",
      "essential": true,
      "portMappings": [{ "containerPort": 4180 }],
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -f http://localhost:4180/ || exit 1"],
        "interval": 30,
        "timeout": 5,
        "retries": 3,
        "startPeriod": 10
      },
      "environment": [{ "name": "OAUTH2_PROXY_UPSTREAMS", "value": "http://localhost:3000" }]
    },
    {
      "name": "dashboard",
      "image": "shop/dashboard:2.1.0",
      "dependsOn": [{ "containerName": "oauth2-proxy", "condition": "HEALTHY" }]
    }
  ]
}
`,
    );
  });

  test('fix: in a tab-indented JSONC file with trailing commas, the block is tab-indented and keeps the trailing comma', () => {
    const text = `{
\t"family": "dashboard",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "cache-warmer",
\t\t\t"image": "shop/cache-warmer:1.0.0",
\t\t},
\t\t{
\t\t\t"name": "dashboard",
\t\t\t"image": "shop/dashboard:2.1.0",
\t\t\t"dependsOn": [{ "containerName": "cache-warmer", "condition": "HEALTHY" },],
\t\t},
\t],
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(
      applyFix(text, f),
      `{
\t"family": "dashboard",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "cache-warmer",
\t\t\t"image": "shop/cache-warmer:1.0.0",
\t\t\t"healthCheck": {
\t\t\t\t"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
\t\t\t\t"interval": 30,
\t\t\t\t"timeout": 5,
\t\t\t\t"retries": 3,
\t\t\t\t"startPeriod": 10
\t\t\t},
\t\t},
\t\t{
\t\t\t"name": "dashboard",
\t\t\t"image": "shop/dashboard:2.1.0",
\t\t\t"dependsOn": [{ "containerName": "cache-warmer", "condition": "HEALTHY" },],
\t\t},
\t],
}
`,
    );
  });

  test('a HEALTHCHECK in the image does not count: ECS only runs the task definition’s health check', () => {
    // Nothing in the file can tell the image's HEALTHCHECK; the finding stands for any image.
    assert.equal(
      findingsOf(
        ID,
        PROXY.replace(
          'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0',
          'nginxinc/nginx-unprivileged:1.27',
        ),
      ).length,
      1,
    );
  });

  test('does not fire on HEALTHY for a health-checked container, or on other conditions', () => {
    assert.deepEqual(findingsOf(ID, ENVOY_HEALTHY), []);
    assert.deepEqual(findingsOf(ID, PROXY.replace('"HEALTHY"', '"START"')), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
