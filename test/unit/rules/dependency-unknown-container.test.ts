import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'dependency-unknown-container';

const TYPO = `{
  "family": "shop",
  "containerDefinitions": [
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "portMappings": [{ "containerPort": 8080 }]
    },
    {
      "name": "log-shipper",
      "image": "fluent/fluent-bit:3.1",
      "essential": false,
      "dependsOn": [{ "containerName": "app-containr", "condition": "START" }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a misspelt name: underlines the name, suggests the close match, and the fix renames it', () => {
    const f = onlyFinding(ID, TYPO);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(TYPO, f.range), '"app-containr"');
    assert.equal(f.container, 'log-shipper');
    assert.match(f.message, /log-shipper waits for "app-containr", but no container has that name/);
    assert.match(f.message, /ECS rejects the task definition/);
    assert.match(f.message, /Did you mean "app-container"\?/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "app-containr" to "app-container"', true, true]],
    );
    assert.equal(
      applyFix(TYPO, f),
      `{
  "family": "shop",
  "containerDefinitions": [
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "portMappings": [{ "containerPort": 8080 }]
    },
    {
      "name": "log-shipper",
      "image": "fluent/fluent-bit:3.1",
      "essential": false,
      "dependsOn": [{ "containerName": "app-container", "condition": "START" }]
    }
  ]
}
`,
    );
  });

  test('a name with no close match is reported without a fix', () => {
    const text = TYPO.replace('"app-containr"', '"redis"');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"redis"');
    assert.doesNotMatch(f.message, /Did you mean/);
    assert.deepEqual(f.fixes, []);
  });

  test('two equally close names: both offered, neither preferred nor safe', () => {
    const text = `{
  "family": "queue",
  "containerDefinitions": [
    { "name": "worker-a", "image": "queue/worker:2.0" },
    { "name": "worker-b", "image": "queue/worker:2.0" },
    {
      "name": "scheduler",
      "image": "queue/scheduler:2.0",
      "dependsOn": [{ "containerName": "worker-c", "condition": "START" }]
    }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.match(f.message, /Did you mean "worker-a" or "worker-b"\?/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Change "worker-c" to "worker-a"', false, false],
        ['Change "worker-c" to "worker-b"', false, false],
      ],
    );
    assert.equal(
      applyFix(text, f, 1),
      text.replace('"containerName": "worker-c"', '"containerName": "worker-b"'),
    );
  });

  test('a missing, non-string or empty containerName is reported where it is', () => {
    const text = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1.0" },
    {
      "name": "sidecar",
      "image": "shop/sidecar:1.0",
      "essential": false,
      "dependsOn": [
        { "condition": "START" },
        { "containerName": 7, "condition": "START" },
        { "containerName": "", "condition": "START" }
      ]
    }
  ]
}
`;
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [underlined(text, f.range), f.fixes.length]),
      [
        ['{ "condition": "START" }', 0],
        ['7', 0],
        ['""', 0],
      ],
    );
    assert.match(
      found[0]!.message,
      /sidecar has no containerName: ECS requires the name of the container to wait for/,
    );
    assert.match(found[1]!.message, /containerName must be a string/);
    assert.match(found[2]!.message, /empty containerName/);
  });

  test('works on a bare container array (Terraform container_definitions)', () => {
    const text = `[
  { "name": "api-blue", "image": "shop/api:1.0", "essential": true },
  { "name": "api-green", "image": "shop/api:1.1", "essential": true },
  {
    "name": "proxy",
    "image": "envoyproxy/envoy:v1.31.0",
    "dependsOn": [{ "containerName": "api-gren", "condition": "START" }]
  }
]
`;
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"api-gren"');
    assert.equal(applyFix(text, f), text.replace('"api-gren"', '"api-green"'));
  });

  test('does not fire on a template placeholder', () => {
    assert.deepEqual(findingsOf(ID, TYPO.replace('"app-containr"', '"${UPSTREAM_CONTAINER}"')), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
