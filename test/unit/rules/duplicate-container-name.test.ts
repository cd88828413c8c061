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

const ID = 'duplicate-container-name';

const PASTED = `{
  "family": "search",
  "containerDefinitions": [
    {
      "name": "indexer",
      "image": "search/indexer:5.0.2",
      "essential": true
    },
    {
      "name": "indexer",
      "image": "search/indexer:5.0.2",
      "essential": false,
      "command": ["reindex", "--full"]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on the later duplicate, with the first one related', () => {
    const f = onlyFinding(ID, PASTED);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(PASTED, f.range), '"indexer"');
    assert.equal(f.range.start.line, 9);
    assert.match(f.message, /Container #2 is named "indexer" like container #1/);
    assert.match(f.message, /Container names must be unique within a Task Definition/);
    assert.deepEqual(
      f.related.map((r) => [r.range.start.line, r.message]),
      [[4, '"indexer" is first used here']],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Rename this container to "indexer-2"', false, false]],
    );
  });

  test('fix: renames the duplicate only', () => {
    const f = onlyFinding(ID, PASTED);
    assert.equal(
      applyFix(PASTED, f),
      `{
  "family": "search",
  "containerDefinitions": [
    {
      "name": "indexer",
      "image": "search/indexer:5.0.2",
      "essential": true
    },
    {
      "name": "indexer-2",
      "image": "search/indexer:5.0.2",
      "essential": false,
      "command": ["reindex", "--full"]
    }
  ]
}
`,
    );
  });

  test('three of a kind: two findings, and the renames do not collide with each other or an existing name', () => {
    const text = `[
  { "name": "web", "image": "nginx:1.27" },
  { "name": "web-2", "image": "nginx:1.27" },
  { "name": "web", "image": "nginx:1.27" },
  { "name": "web", "image": "nginx:1.27" }
]
`;
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [f.range.start.line, f.fixes[0]!.title]),
      [
        [3, 'Rename this container to "web-3"'],
        [4, 'Rename this container to "web-4"'],
      ],
    );
  });

  describe('does not fire', () => {
    test('on the same template placeholder twice (each may render differently)', () => {
      assert.deepEqual(
        findingsOf(ID, PASTED.replace(/"indexer",\n      "image"/g, '"${NAME}",\n      "image"')),
        [],
      );
    });
    test('on two empty names (missing-required-field reports them)', () => {
      assert.deepEqual(findingsOf(ID, PASTED.replace(/"name": "indexer"/g, '"name": ""')), []);
    });
    test('on names that differ only in case (no AWS text says they clash)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          PASTED.replace(
            '"name": "indexer",\n      "image": "search/indexer:5.0.2",\n      "essential": false',
            '"name": "Indexer",\n      "image": "search/indexer:5.0.2",\n      "essential": false',
          ),
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
