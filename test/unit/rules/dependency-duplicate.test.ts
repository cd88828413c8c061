import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'dependency-duplicate';

function apiTask(second: string): string {
  return `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "migrate",
      "image": "shop/api:3.2.0",
      "essential": false,
      "command": ["npm", "run", "migrate"]
    },
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [
        { "containerName": "migrate", "condition": "SUCCESS" },
        ${second}
      ]
    }
  ]
}
`;
}

describe(ID, () => {
  test('the same dependency twice with the same condition: a warning on the second entry, removed by a safe fix', () => {
    const text = apiTask('{ "containerName": "migrate", "condition": "SUCCESS" }');
    const f = onlyFinding(ID, text);
    // Harmless at run time (the agent checks the same condition twice), so softer than the default.
    assert.equal(f.severity, 'warning');
    assert.equal(f.range.start.line, 14);
    assert.equal(
      underlined(text, f.range),
      '{ "containerName": "migrate", "condition": "SUCCESS" }',
    );
    assert.equal(
      f.message,
      'api lists "migrate" twice in dependsOn with the same condition: the second entry adds nothing. Keep one.',
    );
    assert.deepEqual(
      f.related.map((r) => [r.range.start.line, r.message]),
      [[13, 'first dependency on migrate']],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove the second dependency on migrate', true, true]],
    );
    assert.equal(
      applyFix(text, f),
      `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "migrate",
      "image": "shop/api:3.2.0",
      "essential": false,
      "command": ["npm", "run", "migrate"]
    },
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [
        { "containerName": "migrate", "condition": "SUCCESS" }
      ]
    }
  ]
}
`,
    );
  });

  test('two different conditions for one container: an error, and removing one is left to the user', () => {
    const text = apiTask('{ "containerName": "migrate", "condition": "START" }');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '{ "containerName": "migrate", "condition": "START" }');
    assert.match(f.message, /api lists "migrate" twice in dependsOn \(SUCCESS and START\)/);
    assert.match(f.message, /ECS does not document what two conditions on the same container mean/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove the second dependency on migrate', true, false]],
    );
  });

  test('a second entry without a condition is named as such', () => {
    const f = onlyFinding(ID, apiTask('{ "containerName": "migrate" }'));
    assert.match(f.message, /\(SUCCESS and no condition\)/);
  });

  test('a user override still sets the severity', () => {
    const text = apiTask('{ "containerName": "migrate", "condition": "SUCCESS" }');
    assert.equal(onlyFinding(ID, text, { severities: { [ID]: 'error' } }).severity, 'error');
  });

  test('different containers are no duplicate', () => {
    const text = `{
  "family": "api",
  "containerDefinitions": [
    { "name": "migrate", "image": "shop/api:3.2.0", "essential": false, "command": ["npm", "run", "migrate"] },
    { "name": "redis", "image": "redis:7.4" },
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [
        { "containerName": "migrate", "condition": "SUCCESS" },
        { "containerName": "redis", "condition": "START" }
      ]
    }
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
