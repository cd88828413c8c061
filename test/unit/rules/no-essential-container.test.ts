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

const ID = 'no-essential-container';

const ALL_OPTIONAL = `{
  "family": "reports",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "reports/api:3.1.0",
      "essential": false,
      "command": ["npm", "run", "migrate"]
    },
    {
      "name": "api",
      "image": "reports/api:3.1.0",
      "essential": false,
      "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }],
      "portMappings": [{ "containerPort": 3000 }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires when every container says essential false: on the main container, the init one related', () => {
    const f = onlyFinding(ID, ALL_OPTIONAL);
    assert.equal(f.severity, 'error');
    assert.equal(f.container, 'api');
    assert.equal(underlined(ALL_OPTIONAL, f.range), 'false');
    assert.equal(f.range.start.line, 12);
    assert.match(f.message, /No container of this task definition is essential/);
    assert.match(f.message, /Task definition doesn't have any essential container/);
    assert.deepEqual(
      f.related.map((r) => [underlined(ALL_OPTIONAL, r.range), r.range.start.line, r.message]),
      [['false', 6, 'db-migrate is not essential either']],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Make api essential', true, false]],
    );
  });

  test('fix: sets essential to true on the main container', () => {
    const f = onlyFinding(ID, ALL_OPTIONAL);
    assert.equal(
      applyFix(ALL_OPTIONAL, f),
      `{
  "family": "reports",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "reports/api:3.1.0",
      "essential": false,
      "command": ["npm", "run", "migrate"]
    },
    {
      "name": "api",
      "image": "reports/api:3.1.0",
      "essential": true,
      "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }],
      "portMappings": [{ "containerPort": 3000 }]
    }
  ]
}
`,
    );
  });

  test('when every container looks like an init container, the first one is offered', () => {
    const text = `[
  { "name": "init-a", "image": "busybox:1.36", "essential": false, "command": ["sh", "-c", "chown 1000 /data"] },
  { "name": "init-b", "image": "busybox:1.36", "essential": false, "command": ["sh", "-c", "chmod 700 /data"] }
]
`;
    const f = onlyFinding(ID, text);
    assert.equal(f.container, 'init-a');
    assert.equal(f.fixes[0]!.title, 'Make init-a essential');
    assert.equal(
      applyFix(text, f),
      text.replace(
        '"name": "init-a", "image": "busybox:1.36", "essential": false',
        '"name": "init-a", "image": "busybox:1.36", "essential": true',
      ),
    );
  });

  describe('does not fire', () => {
    test('when essential is left out (it defaults to true)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          ALL_OPTIONAL.replace('      "essential": false,\n      "dependsOn"', '      "dependsOn"'),
        ),
        [],
      );
    });
    test('when one container is essential', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          ALL_OPTIONAL.replace(
            '"essential": false,\n      "dependsOn"',
            '"essential": true,\n      "dependsOn"',
          ),
        ),
        [],
      );
    });
    test('when essential is a template placeholder', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          ALL_OPTIONAL.replace(
            '"essential": false,\n      "dependsOn"',
            '"essential": "${API_ESSENTIAL}",\n      "dependsOn"',
          ),
        ),
        [],
      );
    });
    test('on an empty containerDefinitions (missing-required-field reports it)', () => {
      assert.deepEqual(findingsOf(ID, '{ "family": "x", "containerDefinitions": [] }'), []);
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
