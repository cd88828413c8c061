/**
 * Lists the file does not spell out: a Terraform template's `"dependsOn": "${deps}"`, a container
 * list with a `${sidecar}` element (and, from the template readers, CloudFormation intrinsics and
 * Terraform expressions, which reach the engine as the same placeholders). The model marks them
 * open; no rule concludes what their unknown members could change, and no fix edits them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { findingsOf, onlyFinding } from '../rules/helpers';

const codes = (text: string) => analyze(text).findings.map((f) => f.code);

/** A Terraform container_definitions template: the app's dependencies come from a variable. */
const APP_DEPS_FROM_VARIABLE = `{
  "family": "shop",
  "taskRoleArn": "arn:aws:iam::123456789012:role/shop",
  "containerDefinitions": [
    { "name": "init-config", "image": "amazon/aws-cli:2.17.0", "essential": false, "memory": 128,
      "entryPoint": ["sh", "-c"], "command": ["aws s3 cp s3://cfg/app.yaml /config/app.yaml"],
      "mountPoints": [{ "sourceVolume": "config", "containerPath": "/config" }] },
    { "name": "web", "image": "shop/web:1.4.2", "memory": 512, "dependsOn": "\${web_dependencies}",
      "mountPoints": [{ "sourceVolume": "config", "containerPath": "/config", "readOnly": true }] }
  ],
  "volumes": [{ "name": "config" }]
}`;

/** A module that appends sidecars it is given: the container list holds a placeholder. */
const SIDECARS_FROM_MODULE = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "web", "image": "shop/web:1.4.2", "memory": 512, "essential": false,
      "dependsOn": [{ "containerName": "log-router", "condition": "START" }],
      "links": ["metrics"], "volumesFrom": [{ "sourceContainer": "datadog-agent" }] },
    "\${sidecar_definitions}"
  ]
}`;

describe('an open dependsOn', () => {
  test('is marked open in the model, a spelled-out one is not', () => {
    const model = analyze(APP_DEPS_FROM_VARIABLE).model!;
    assert.equal(model.byName.get('web')!.dependsOnOpen, true);
    assert.equal(model.byName.get('init-config')!.dependsOnOpen, false);
  });

  test('may wait for the init container: init-not-awaited stays silent', () => {
    assert.deepEqual(findingsOf('init-not-awaited', APP_DEPS_FROM_VARIABLE), []);
    // The same task with the dependencies written out and empty: the race is reported.
    const written = APP_DEPS_FROM_VARIABLE.replace('"${web_dependencies}"', '[]');
    assert.equal(onlyFinding('init-not-awaited', written).container, 'init-config');
  });

  test('is never edited by a fix: making the init non-essential leaves it alone', () => {
    const text = APP_DEPS_FROM_VARIABLE.replace('"essential": false, ', '');
    const f = onlyFinding('essential-init-container', text);
    assert.equal(f.fixes[0]!.title, 'Make init-config non-essential');
    assert.ok(f.fixes[0]!.edits.every((e) => !e.newText.includes('dependsOn')));
  });

  test('sidecar-not-awaited cannot tell that the app does not wait for the sidecar it calls', () => {
    const text = `{
      "family": "payments", "networkMode": "awsvpc",
      "containerDefinitions": [
        { "name": "api", "image": "shop/api:9.1.0", "dependsOn": "\${api_dependencies}",
          "environment": [{ "name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://localhost:4317" }] },
        { "name": "otel-collector", "image": "otel/opentelemetry-collector:0.110.0",
          "portMappings": [{ "containerPort": 4317 }] }
      ]
    }`;
    assert.deepEqual(findingsOf('sidecar-not-awaited', text), []);
    assert.equal(
      findingsOf('sidecar-not-awaited', text.replace('"${api_dependencies}"', '[]')).length,
      1,
    );
  });

  test('start-timeout-without-effect cannot tell that nothing waits', () => {
    const text = APP_DEPS_FROM_VARIABLE.replace(
      '"essential": false,',
      '"essential": false, "startTimeout": 60,',
    );
    assert.deepEqual(findingsOf('start-timeout-without-effect', text), []);
    assert.equal(
      findingsOf('start-timeout-without-effect', text.replace('"${web_dependencies}"', '[]'))
        .length,
      1,
    );
  });
});

describe('an open container list', () => {
  test('is marked open in the model', () => {
    assert.equal(analyze(SIDECARS_FROM_MODULE).model!.containersOpen, true);
    assert.equal(analyze(APP_DEPS_FROM_VARIABLE).model!.containersOpen, false);
  });

  test('names in dependsOn, links and volumesFrom may be containers it does not show', () => {
    const found = codes(SIDECARS_FROM_MODULE);
    for (const code of [
      'dependency-unknown-container',
      'links-unknown-container',
      'volumes-from-unknown-container',
      'no-essential-container',
    ])
      assert.ok(!found.includes(code), `${code} in ${found.join(', ')}`);
    // Without the placeholder the same names are unknown, and nothing is essential.
    const closed = codes(SIDECARS_FROM_MODULE.replace(',\n    "${sidecar_definitions}"', ''));
    for (const code of [
      'dependency-unknown-container',
      'links-unknown-container',
      'volumes-from-unknown-container',
      'no-essential-container',
    ])
      assert.ok(closed.includes(code), `${code} missing from ${closed.join(', ')}`);
  });
});

describe('open volumes and mounts', () => {
  test('a volume list from a variable may hold the mounted volume', () => {
    const text = APP_DEPS_FROM_VARIABLE.replace('[{ "name": "config" }]', '"${volumes}"');
    assert.deepEqual(findingsOf('unknown-volume', text), []);
    assert.equal(
      findingsOf('unknown-volume', APP_DEPS_FROM_VARIABLE.replace('[{ "name": "config" }]', '[]'))
        .length,
      2,
    );
  });

  test('mounts from a variable may share what the init container writes', () => {
    const waits = APP_DEPS_FROM_VARIABLE.replace(
      '"${web_dependencies}"',
      '[{ "containerName": "init-config", "condition": "SUCCESS" }]',
    );
    const unshared = waits.replace(
      '"mountPoints": [{ "sourceVolume": "config", "containerPath": "/config", "readOnly": true }]',
      '"command": ["serve", "--config", "/config/app.yaml"]',
    );
    assert.equal(findingsOf('init-output-not-shared', unshared).length, 1);
    const open = waits.replace(
      '"mountPoints": [{ "sourceVolume": "config", "containerPath": "/config", "readOnly": true }]',
      '"command": ["serve", "--config", "/config/app.yaml"], "mountPoints": "${web_mounts}"',
    );
    assert.deepEqual(findingsOf('init-output-not-shared', open), []);
  });
});
