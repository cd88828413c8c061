import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixAll } from '../../../server/src/engine/index';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, underlined } from './helpers';

const ID = 'sidecar-not-awaited';

const PAYMENTS = `{
  "family": "payments-api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [
    {
      "name": "payments-api",
      "image": "shop/payments-api:9.1.0",
      "essential": true,
      "portMappings": [{ "containerPort": 8080 }],
      "environment": [
        { "name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://localhost:4317" },
        { "name": "VAULT_ADDR", "value": "http://127.0.0.1:8200" }
      ]
    },
    {
      "name": "otel-collector",
      "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
      "portMappings": [{ "containerPort": 4317 }]
    },
    {
      "name": "vault-agent",
      "image": "hashicorp/vault:1.17.5",
      "portMappings": [{ "containerPort": 8200 }],
      "healthCheck": { "command": ["CMD", "vault", "status"], "interval": 10 }
    }
  ]
}
`;

describe(ID, () => {
  test('fires per sidecar the container talks to without waiting for it, underlining the value', () => {
    const [otel, vault, ...rest] = findingsOf(ID, PAYMENTS);
    assert.equal(rest.length, 0);
    assert.equal(otel!.severity, 'warning');
    assert.equal(underlined(PAYMENTS, otel!.range), '"http://localhost:4317"');
    assert.equal(otel!.container, 'payments-api');
    assert.match(
      otel!.message,
      /payments-api talks to localhost:4317, which is otel-collector's port, but nothing makes it wait for otel-collector/,
    );
    assert.match(otel!.message, /with START \(otel-collector has no health check/);
    assert.match(vault!.message, /with HEALTHY, since vault-agent has a health check/);
    assert.deepEqual(
      otel!.related.map((r) => [underlined(PAYMENTS, r.range), r.message]),
      [['4317', 'otel-collector listens on 4317']],
    );
  });

  test('fix (safe): adds the dependsOn, HEALTHY where there is a health check', () => {
    const [otel, vault] = findingsOf(ID, PAYMENTS);
    assert.deepEqual(
      otel!.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Make payments-api wait for otel-collector (START)', true, true]],
    );
    const dependsOn = (entries: string) =>
      PAYMENTS.replace(
        '"essential": true,\n',
        `"essential": true,\n      "dependsOn": [\n${entries}\n      ],\n`,
      );
    assert.equal(
      applyFix(PAYMENTS, otel!),
      dependsOn(
        '        {\n          "containerName": "otel-collector",\n          "condition": "START"\n        }',
      ),
    );
    assert.equal(
      applyFix(PAYMENTS, vault!),
      dependsOn(
        '        {\n          "containerName": "vault-agent",\n          "condition": "HEALTHY"\n        }',
      ),
    );
    // fix-all takes one per round, then the second finding's fix appends to the array it created.
    const all = fixAll(PAYMENTS).text;
    assert.deepEqual(findingsOf(ID, all), []);
  });

  describe('does not fire', () => {
    test('when the container waits for the sidecar, also through another container', () => {
      const text = PAYMENTS.replace(
        '"essential": true,\n',
        '"essential": true,\n      "dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }],\n',
      ).replace(
        '"portMappings": [{ "containerPort": 8200 }],',
        '"portMappings": [{ "containerPort": 8200 }],\n      "dependsOn": [{ "containerName": "otel-collector", "condition": "START" }],',
      );
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('when the only order is implicit (FireLens: the app logs through the router it talks to)', () => {
      const text = PAYMENTS.replace(
        '"portMappings": [{ "containerPort": 4317 }]',
        '"portMappings": [{ "containerPort": 4317 }],\n      "firelensConfiguration": { "type": "fluentbit" }',
      ).replace(
        '"essential": true,\n',
        '"essential": true,\n      "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "stdout" } },\n      "dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }],\n',
      );
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('on a sidecar that waits for the container (a deliberate order): only the other one is reported', () => {
      const text = PAYMENTS.replace(
        '"portMappings": [{ "containerPort": 4317 }]',
        '"portMappings": [{ "containerPort": 4317 }],\n      "dependsOn": [{ "containerName": "payments-api", "condition": "START" }]',
      );
      assert.equal(findingsOf(ID, text).length, 1);
    });
    test('in bridge mode or for a bare container array', () => {
      assert.deepEqual(
        findingsOf(ID, PAYMENTS.replace('"awsvpc"', '"bridge"').replace('"FARGATE"', '"EC2"')),
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
