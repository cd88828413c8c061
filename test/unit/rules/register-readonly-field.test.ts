import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixAll } from '../../../server/src/engine/index';
import { ruleById } from '../../../server/src/engine/rules/index';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, underlined } from './helpers';

const ID = 'register-readonly-field';
const PREPARE = 'Prepare for register-task-definition';

/** A console "JSON" export: the task definition itself, with the fields ECS adds. */
const EXPORT = `{
    "taskDefinitionArn": "arn:aws:ecs:us-east-2:123456789012:task-definition/tickets:17",
    "containerDefinitions": [
        {
            "name": "tickets",
            "image": "shop/tickets:3.2.7",
            "essential": true
        }
    ],
    "family": "tickets",
    "revision": 17,
    "status": "ACTIVE",
    "requiresAttributes": [
        {
            "name": "ecs.capability.task-eni"
        }
    ],
    "compatibilities": ["EC2", "FARGATE"],
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "512",
    "memory": "1024",
    "registeredAt": "2025-02-11T08:41:55.118Z",
    "registeredBy": "arn:aws:iam::123456789012:user/ops"
}
`;

const PREPARED_EXPORT = `{
    "containerDefinitions": [
        {
            "name": "tickets",
            "image": "shop/tickets:3.2.7",
            "essential": true
        }
    ],
    "family": "tickets",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "512",
    "memory": "1024"
}
`;

const DESCRIBE = `{
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",
    "containerDefinitions": [
      {
        "name": "api",
        "image": "shop/api:1.0.0"
      }
    ],
    "family": "api",
    "revision": 3,
    "status": "ACTIVE"
  },
  "tags": [
    {
      "key": "team",
      "value": "billing"
    }
  ]
}
`;

describe(ID, () => {
  test('fires on each read-only field, underlining its key', () => {
    const found = findingsOf(ID, EXPORT);
    assert.deepEqual(
      found.map((f) => underlined(EXPORT, f.range)),
      [
        '"taskDefinitionArn"',
        '"revision"',
        '"status"',
        '"requiresAttributes"',
        '"compatibilities"',
        '"registeredAt"',
        '"registeredBy"',
      ],
    );
    assert.ok(found.every((f) => f.severity === 'hint'));
    assert.match(
      found[1]!.message,
      /"revision" is set by ECS when it registers a task definition \(describe-task-definition output\); it is not an input: aws ecs register-task-definition --cli-input-json rejects it \("Unknown parameter in input"\)/,
    );
    assert.match(
      found[1]!.message,
      /"Prepare for register-task-definition" removes all such fields\.$/,
    );
  });

  test('each finding offers the whole preparation and its own removal, neither applied by --fix', () => {
    const found = findingsOf(ID, EXPORT);
    assert.deepEqual(
      found[1]!.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        [PREPARE, false, false],
        ['Remove "revision"', false, false],
      ],
    );
    for (const f of found) assert.equal(applyFix(EXPORT, f, PREPARE), PREPARED_EXPORT);
    assert.equal(
      applyFix(EXPORT, found[1]!, 'Remove "revision"'),
      EXPORT.replace('    "revision": 17,\n', ''),
    );
    assert.equal(fixAll(EXPORT, { rules: [ruleById(ID)!] }).text, EXPORT);
  });

  test('describe output: the wrapper finding, and the preparation unwraps (re-indented) and keeps the tags', () => {
    const found = findingsOf(ID, DESCRIBE);
    assert.deepEqual(
      found.map((f) => underlined(DESCRIBE, f.range)),
      ['"taskDefinition"', '"taskDefinitionArn"', '"revision"', '"status"'],
    );
    assert.match(
      found[0]!.message,
      /This is describe-task-definition output: aws ecs register-task-definition --cli-input-json takes the task definition itself, not the "taskDefinition" wrapper/,
    );
    assert.deepEqual(
      found[0]!.fixes.map((x) => x.title),
      [PREPARE, 'Unwrap "taskDefinition"'],
    );
    assert.match(found[1]!.message, /removes all such fields and unwraps taskDefinition\.$/);
    const prepared = `{
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:1.0.0"
    }
  ],
  "family": "api",
  "tags": [
    {
      "key": "team",
      "value": "billing"
    }
  ]
}
`;
    for (const f of found) assert.equal(applyFix(DESCRIBE, f, PREPARE), prepared);
    assert.equal(
      applyFix(DESCRIBE, found[0]!, 'Unwrap "taskDefinition"'),
      `{
  "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:1.0.0"
    }
  ],
  "family": "api",
  "revision": 3,
  "status": "ACTIVE",
  "tags": [
    {
      "key": "team",
      "value": "billing"
    }
  ]
}
`,
    );
    // The prepared text has nothing left to report.
    assert.deepEqual(findingsOf(ID, prepared), []);
  });

  test('CRLF and tab indentation survive the preparation', () => {
    const text = DESCRIBE.replace(/\n/g, '\r\n')
      .replace(/  /g, '\t')
      .replace(
        '"tags": [\r\n\t\t{\r\n\t\t\t"key": "team",\r\n\t\t\t"value": "billing"\r\n\t\t}\r\n\t]',
        '"tags": []',
      );
    const found = findingsOf(ID, text);
    assert.equal(
      applyFix(text, found[0]!, PREPARE),
      '{\r\n\t"containerDefinitions": [\r\n\t\t{\r\n\t\t\t"name": "api",\r\n\t\t\t"image": "shop/api:1.0.0"\r\n\t\t}\r\n\t],\r\n\t"family": "api"\r\n}\r\n',
    );
  });

  test('an explicit null read-only field is still a key the CLI rejects', () => {
    const text = `{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "b" }], "deregisteredAt": null }`;
    const [f] = findingsOf(ID, text);
    assert.equal(underlined(text, f!.range), '"deregisteredAt"');
    assert.equal(
      applyFix(text, f!, PREPARE),
      `{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "b" }] }`,
    );
  });

  describe('does not fire', () => {
    test('on a task definition without read-only fields, or a bare container array', () => {
      assert.deepEqual(findingsOf(ID, PREPARED_EXPORT), []);
      assert.deepEqual(findingsOf(ID, `[{ "name": "a", "image": "b", "status": "x" }]`), []);
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT)) {
      if (/describe/i.test(name)) continue; // describe output is what this rule is about
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
