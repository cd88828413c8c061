import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'dependency-self';

const FIRST = `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [
        { "containerName": "api", "condition": "START" },
        { "containerName": "migrate", "condition": "SUCCESS" }
      ]
    },
    {
      "name": "migrate",
      "image": "shop/api:3.2.0",
      "essential": false,
      "command": ["npm", "run", "migrate"]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a container that waits for itself and underlines its own name', () => {
    const f = onlyFinding(ID, FIRST);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(FIRST, f.range), '"api"');
    assert.equal(f.range.start.line, 7);
    assert.equal(f.container, 'api');
    assert.match(f.message, /api waits for itself/);
    assert.match(f.message, /never starts/);
    // Removing an entry removes something the user wrote: offered, but not applied by --fix.
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove the dependency of api on itself', true, false]],
    );
  });

  test('fix: removes the first entry and its line', () => {
    const f = onlyFinding(ID, FIRST);
    assert.equal(
      applyFix(FIRST, f),
      `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [
        { "containerName": "migrate", "condition": "SUCCESS" }
      ]
    },
    {
      "name": "migrate",
      "image": "shop/api:3.2.0",
      "essential": false,
      "command": ["npm", "run", "migrate"]
    }
  ]
}
`,
    );
  });

  test('fix: removes the last entry of an inline array with its comma', () => {
    const text = `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }, { "containerName": "api", "condition": "HEALTHY" }]
    },
    { "name": "migrate", "image": "shop/api:3.2.0", "essential": false, "command": ["npm", "run", "migrate"] }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"api"');
    assert.equal(
      applyFix(text, f),
      `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:3.2.0",
      "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }]
    },
    { "name": "migrate", "image": "shop/api:3.2.0", "essential": false, "command": ["npm", "run", "migrate"] }
  ]
}
`,
    );
  });

  test('fix: removing the only entry leaves an empty array', () => {
    const text = `{
  "family": "worker",
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "shop/worker:3.2.0",
      "dependsOn": [
        {
          "containerName": "worker",
          "condition": "START"
        }
      ]
    }
  ]
}
`;
    const f = onlyFinding(ID, text);
    assert.equal(
      applyFix(text, f),
      `{
  "family": "worker",
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "shop/worker:3.2.0",
      "dependsOn": []
    }
  ]
}
`,
    );
  });

  test('a nameless container cannot name itself: no finding', () => {
    const text = `{ "family": "x", "containerDefinitions": [{ "image": "shop/api:1", "dependsOn": [{ "containerName": "", "condition": "START" }] }] }`;
    assert.deepEqual(findingsOf(ID, text), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
