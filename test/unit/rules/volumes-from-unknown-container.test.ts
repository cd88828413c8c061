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

const ID = 'volumes-from-unknown-container';

const TYPO = `{
  "family": "blog",
  "networkMode": "bridge",
  "containerDefinitions": [
    {
      "name": "wordpress",
      "image": "wordpress:6.6.2-php8.3-fpm",
      "memory": 512
    },
    {
      "name": "nginx",
      "image": "nginx:1.27.2",
      "memory": 128,
      "volumesFrom": [
        { "sourceContainer": "wordpres", "readOnly": true }
      ]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a misspelt sourceContainer and suggests the close name', () => {
    const f = onlyFinding(ID, TYPO);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(TYPO, f.range), '"wordpres"');
    assert.equal(f.container, 'nginx');
    assert.match(
      f.message,
      /nginx mounts the volumes of "wordpres", but no container has that name/,
    );
    assert.match(f.message, /Did you mean "wordpress"\?/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "wordpres" to "wordpress"', true, true]],
    );
  });

  test('fix: replaces the name', () => {
    const f = onlyFinding(ID, TYPO);
    assert.equal(
      applyFix(TYPO, f),
      `{
  "family": "blog",
  "networkMode": "bridge",
  "containerDefinitions": [
    {
      "name": "wordpress",
      "image": "wordpress:6.6.2-php8.3-fpm",
      "memory": 512
    },
    {
      "name": "nginx",
      "image": "nginx:1.27.2",
      "memory": 128,
      "volumesFrom": [
        { "sourceContainer": "wordpress", "readOnly": true }
      ]
    }
  ]
}
`,
    );
  });

  test('a name with no close match: no fix', () => {
    const text = TYPO.replace('"wordpres"', '"data"');
    const f = onlyFinding(ID, text);
    assert.doesNotMatch(f.message, /Did you mean/);
    assert.deepEqual(f.fixes, []);
  });

  test('a container that names itself: the fix removes the entry', () => {
    const text = TYPO.replace('"wordpres"', '"nginx"');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"nginx"');
    assert.match(f.message, /nginx mounts the volumes of itself/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove the volumesFrom entry "nginx"', true, false]],
    );
    assert.equal(
      applyFix(text, f),
      text.replace('\n        { "sourceContainer": "nginx", "readOnly": true }\n      ', ''),
    );
  });

  test('an empty sourceContainer is reported without a fix', () => {
    const text = TYPO.replace('"wordpres"', '""');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /has an empty sourceContainer/);
    assert.deepEqual(f.fixes, []);
  });

  describe('does not fire', () => {
    test('when the container exists, or the name is a placeholder', () => {
      assert.deepEqual(findingsOf(ID, TYPO.replace('"wordpres"', '"wordpress"')), []);
      assert.deepEqual(findingsOf(ID, TYPO.replace('"wordpres"', '"${DATA_CONTAINER}"')), []);
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
