/** The located model: defaults, null as absent, duplicate keys, and the nodes findings point at. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { displayName, type TaskModel } from '../../../server/src/engine/model';
import { DESCRIBE_OUTPUT } from '../rules/helpers';

function model(text: string): TaskModel {
  const m = analyze(text).model;
  assert.ok(m, 'a task definition');
  return m;
}

function codes(text: string): string[] {
  return analyze(text).findings.map((f) => f.code);
}

describe('essential', () => {
  test('defaults to true when left out; explicit values are read', () => {
    const m = model(`{
  "family": "x",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1" },
    { "name": "sidecar", "image": "shop/sidecar:1", "essential": false },
    { "name": "main", "image": "shop/main:1", "essential": true }
  ]
}`);
    assert.deepEqual(
      m.containers.map((c) => [
        c.name?.value,
        c.essential,
        c.essentialNode !== undefined,
        c.essentialUnknown,
      ]),
      [
        ['app', true, false, false],
        ['sidecar', false, true, false],
        ['main', true, true, false],
      ],
    );
  });

  test('a non-boolean (a template placeholder, a quoted "false") is unknown, read as the default', () => {
    const m = model(
      '{ "containerDefinitions": [{ "name": "a", "essential": "${ESSENTIAL}" }, { "name": "b", "essential": "false" }] }',
    );
    assert.deepEqual(
      m.containers.map((c) => [c.essential, c.essentialUnknown]),
      [
        [true, true],
        [true, true],
      ],
    );
  });
});

describe('null counts as absent (console exports write nulls)', () => {
  const text = `{
  "family": "x",
  "taskRoleArn": null,
  "executionRoleArn": null,
  "networkMode": null,
  "volumes": null,
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:2.17.0",
      "essential": null,
      "entryPoint": null,
      "command": ["s3", "ls"],
      "dependsOn": null,
      "links": null,
      "volumesFrom": null,
      "mountPoints": null,
      "portMappings": null,
      "healthCheck": null,
      "logConfiguration": null
    },
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "init-setup", "condition": null }] }
  ]
}`;

  test('in the model', () => {
    const m = model(text);
    const [init] = m.containers;
    assert.equal(m.taskRoleArnNode, undefined);
    assert.equal(m.executionRoleArnNode, undefined);
    assert.deepEqual(m.volumes, []);
    assert.equal(init!.essential, true);
    assert.equal(init!.essentialNode, undefined);
    assert.equal(init!.entryPointNode, undefined);
    assert.deepEqual(
      [init!.dependsOn, init!.links, init!.volumesFrom, init!.mountPoints, init!.portMappings],
      [[], [], [], [], []],
    );
    assert.equal(init!.healthCheckNode, undefined);
    assert.equal(init!.logDriver, undefined);
    assert.equal(m.containers[1]!.dependsOn[0]!.conditionNode, undefined);
  });

  test('a null networkMode is left out, so it is the default (bridge)', () => {
    assert.equal(model(text).networkMode, 'bridge');
    assert.equal(model(text).networkModeNode, undefined);
    assert.equal(model('{ "containerDefinitions": [] }').networkMode, 'bridge');
    assert.equal(
      model('{ "networkMode": "awsvpc", "containerDefinitions": [] }').networkMode,
      'awsvpc',
    );
  });

  test('as the rules see it: no task role, a missing condition, essential by default', () => {
    const found = codes(text);
    assert.ok(found.includes('aws-cli-without-task-role'));
    assert.ok(found.includes('dependency-invalid-condition'));
    assert.ok(found.includes('essential-init-container'));
  });
});

describe('duplicate keys: the last one wins, as with JSON.parse and the AWS CLI', () => {
  test('container fields', () => {
    const m = model(`{
  "containerDefinitions": [
    { "name": "first", "name": "init-setup", "image": "amazon/aws-cli:2.17.0", "essential": true, "essential": false }
  ]
}`);
    const [c] = m.containers;
    assert.equal(c!.name?.value, 'init-setup');
    assert.equal(c!.essential, false);
    assert.equal(m.byName.has('first'), false);
  });

  test('task fields', () => {
    const m = model(
      '{ "family": "old", "family": "new", "containerDefinitions": [], "containerDefinitions": [{ "name": "a" }] }',
    );
    assert.equal(m.family?.value, 'new');
    assert.equal(m.containers.length, 1);
  });
});

describe('names and ids', () => {
  test('nameless and repeated names get #index ids; byName keeps the first', () => {
    const m = model(
      '{ "containerDefinitions": [{ "name": "app" }, { "image": "x" }, { "name": "app" }, { "name": "" }] }',
    );
    assert.deepEqual(
      m.containers.map((c) => c.id),
      ['app', '#1', '#2', '#3'],
    );
    assert.equal(m.byName.get('app'), m.containers[0]);
    assert.deepEqual(m.containers.map(displayName), ['app', 'container #2', 'app', 'container #4']);
  });

  test('links: name:alias splits, a placeholder stays whole', () => {
    const m = model(
      '{ "containerDefinitions": [{ "name": "web", "links": ["app:backend", "cache", "${LINK}", ""] }] }',
    );
    assert.deepEqual(
      m.containers[0]!.links.map((l) => [l.target, l.alias]),
      [
        ['app', 'backend'],
        ['cache', undefined],
        ['${LINK}', undefined],
      ],
    );
  });
});

describe('task level', () => {
  test('requiresCompatibilities: FARGATE in any case makes it a Fargate task, also next to EC2', () => {
    assert.equal(
      model('{ "requiresCompatibilities": ["EC2", "fargate"], "containerDefinitions": [] }')
        .isFargate,
      true,
    );
    assert.equal(
      model('{ "requiresCompatibilities": ["EC2"], "containerDefinitions": [] }').isFargate,
      false,
    );
    assert.equal(model('{ "containerDefinitions": [] }').isFargate, false);
  });

  test('describe output: task fields come from the taskDefinition wrapper', () => {
    const m = model(DESCRIBE_OUTPUT);
    assert.equal(m.kind, 'describe');
    assert.equal(m.family?.value, 'billing-api');
    assert.ok(m.executionRoleArnNode);
    assert.equal(m.isFargate, true);
    assert.equal(m.networkMode, 'awsvpc');
  });

  test('a bare container array knows nothing about the task', () => {
    const m = model('[{ "name": "app", "image": "shop/app:1" }]');
    assert.equal(m.kind, 'container-array');
    assert.equal(m.knowsTaskLevel, false);
    assert.equal(m.task, undefined);
    assert.equal(m.networkMode, undefined);
  });

  test('nothing to model for a document that is not a task definition', () => {
    assert.equal(analyze('{ "name": "app" }').model, undefined);
  });
});
