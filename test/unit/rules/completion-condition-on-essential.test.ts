import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'completion-condition-on-essential';

/** A 4-space file whose init container leaves `essential` out, with a comment after its image. */
const DEFAULT_ESSENTIAL = `{
    "family": "reports",
    "containerDefinitions": [
        {
            "name": "fetch-config",
            "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0", // pinned: 2.18 changed s3 sync output
            "entryPoint": ["sh", "-c"],
            "command": ["aws s3 cp s3://reports-config/app.yaml /config/app.yaml"]
        },
        {
            "name": "reports",
            "image": "shop/reports:1.9.0",
            "essential": true,
            "dependsOn": [
                { "containerName": "fetch-config", "condition": "SUCCESS" }
            ]
        }
    ]
}
`;

/** The shape of boto3 issue #2436: COMPLETE on an essential sidecar that is no init container. */
const EXPLICIT_ESSENTIAL = `{
  "family": "appmesh-gateway",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "application_image",
      "dependsOn": [{ "containerName": "envoy", "condition": "COMPLETE" }]
    },
    {
      "name": "envoy",
      "image": "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.12.3.0-prod",
      "essential": true
    }
  ]
}
`;

describe(ID, () => {
  test('SUCCESS on a container that is essential by default: underlines the condition, explains the default', () => {
    const f = onlyFinding(ID, DEFAULT_ESSENTIAL);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(DEFAULT_ESSENTIAL, f.range), '"SUCCESS"');
    assert.equal(f.container, 'reports');
    assert.match(f.message, /reports waits for fetch-config to exit \(SUCCESS\)/);
    assert.match(f.message, /essential defaults to true when it is left out/);
    assert.match(f.message, /ECS does not allow SUCCESS on an essential container/);
    assert.match(f.message, /the whole task stops/);
    assert.deepEqual(
      f.related.map((r) => [underlined(DEFAULT_ESSENTIAL, r.range), r.message]),
      [['"fetch-config"', 'fetch-config is essential']],
    );
    // The target is an init container and reports stays essential: safe for --fix.
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Make fetch-config non-essential ("essential": false)', true, true]],
    );
  });

  test('fix: inserts "essential": false after the image, on its own line, the comment stays on the image line (4 spaces)', () => {
    const f = onlyFinding(ID, DEFAULT_ESSENTIAL);
    assert.equal(
      applyFix(DEFAULT_ESSENTIAL, f),
      `{
    "family": "reports",
    "containerDefinitions": [
        {
            "name": "fetch-config",
            "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0", // pinned: 2.18 changed s3 sync output
            "essential": false,
            "entryPoint": ["sh", "-c"],
            "command": ["aws s3 cp s3://reports-config/app.yaml /config/app.yaml"]
        },
        {
            "name": "reports",
            "image": "shop/reports:1.9.0",
            "essential": true,
            "dependsOn": [
                { "containerName": "fetch-config", "condition": "SUCCESS" }
            ]
        }
    ]
}
`,
    );
  });

  test('COMPLETE on an explicitly essential sidecar: the fix replaces true, but is not applied automatically', () => {
    const f = onlyFinding(ID, EXPLICIT_ESSENTIAL);
    assert.equal(underlined(EXPLICIT_ESSENTIAL, f.range), '"COMPLETE"');
    assert.match(
      f.message,
      /envoy is marked essential: ECS does not allow COMPLETE on an essential container/,
    );
    assert.deepEqual(
      f.related.map((r) => underlined(EXPLICIT_ESSENTIAL, r.range)),
      ['true'],
    );
    // envoy is not shaped like an init container: making it non-essential changes what the task is.
    assert.deepEqual(
      f.fixes.map((x) => [x.isPreferred, x.safe]),
      [[true, false]],
    );
    assert.equal(
      applyFix(EXPLICIT_ESSENTIAL, f),
      `{
  "family": "appmesh-gateway",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "application_image",
      "dependsOn": [{ "containerName": "envoy", "condition": "COMPLETE" }]
    },
    {
      "name": "envoy",
      "image": "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.12.3.0-prod",
      "essential": false
    }
  ]
}
`,
    );
  });

  test('not safe when the target is the only essential container', () => {
    const text = `{
  "family": "batch",
  "containerDefinitions": [
    { "name": "prepare", "image": "busybox:1.36", "command": ["sh", "-c", "mkdir -p /work/in"] },
    { "name": "job", "image": "shop/job:1", "essential": false, "dependsOn": [{ "containerName": "prepare", "condition": "SUCCESS" }] }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(f.fixes[0]!.safe, false, 'a task needs at least one essential container');
  });

  test('does not fire when the target is non-essential, START/HEALTHY, or essential is a placeholder', () => {
    assert.deepEqual(
      findingsOf(ID, EXPLICIT_ESSENTIAL.replace('"essential": true', '"essential": false')),
      [],
    );
    assert.deepEqual(findingsOf(ID, EXPLICIT_ESSENTIAL.replace('"COMPLETE"', '"START"')), []);
    assert.deepEqual(
      findingsOf(
        ID,
        EXPLICIT_ESSENTIAL.replace('"essential": true', '"essential": "${ENVOY_ESSENTIAL}"'),
      ),
      [],
    );
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
