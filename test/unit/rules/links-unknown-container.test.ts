import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, underlined } from './helpers';

const ID = 'links-unknown-container';

const BRIDGE = `{
  "family": "legacy-web",
  "networkMode": "bridge",
  "containerDefinitions": [
    {
      "name": "php-fpm",
      "image": "shop/php-fpm:8.3.12",
      "memory": 512
    },
    {
      "name": "nginx",
      "image": "nginx:1.27-alpine",
      "memory": 128,
      "links": ["php_fpm:fpm", "memcached", "php-fpm"]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on each links entry that names no container, underlining the entry', () => {
    const found = findingsOf(ID, BRIDGE);
    assert.equal(found.length, 2);
    const [typo, missing] = found;
    assert.equal(typo!.severity, 'error');
    assert.equal(underlined(BRIDGE, typo!.range), '"php_fpm:fpm"');
    assert.equal(typo!.container, 'nginx');
    assert.match(
      typo!.message,
      /nginx links to "php_fpm", but no container of this task definition has that name/,
    );
    assert.match(typo!.message, /Did you mean "php-fpm"\?/);
    assert.equal(underlined(BRIDGE, missing!.range), '"memcached"');
    assert.doesNotMatch(missing!.message, /Did you mean/);
    assert.deepEqual(missing!.fixes, []);
  });

  test('fix: replaces the name and keeps the alias (safe with one candidate)', () => {
    const [typo] = findingsOf(ID, BRIDGE);
    assert.deepEqual(
      typo!.fixes.map((f) => [f.title, f.isPreferred, f.safe]),
      [['Change "php_fpm:fpm" to "php-fpm:fpm"', true, true]],
    );
    assert.equal(applyFix(BRIDGE, typo!), BRIDGE.replace('"php_fpm:fpm"', '"php-fpm:fpm"'));
  });

  test('an empty entry (a generated skeleton) gets one clear finding, no suggestion', () => {
    const text = `[{ "name": "", "image": "", "links": [""] }]`;
    const [f, ...rest] = findingsOf(ID, text);
    assert.equal(rest.length, 0);
    assert.equal(underlined(text, f!.range), '""');
    assert.match(f!.message, /This links entry of container #1 is empty/);
  });

  test('also in a bare container array (links are container-level)', () => {
    const text = `[
  { "name": "app", "image": "shop/app:1.0", "links": ["db"] },
  { "name": "cache", "image": "redis:7" }
]`;
    assert.equal(findingsOf(ID, text).length, 1);
  });

  describe('does not fire', () => {
    test('on a link to a placeholder name, or to a name equal to another placeholder reference', () => {
      const text = `[
  { "name": "\${app}", "image": "\${image}", "links": ["\${db_container}", "\${cache}:cache"] },
  { "name": "\${cache}", "image": "redis:7" }
]`;
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('on null links (console export)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          `{ "containerDefinitions": [{ "name": "a", "image": "x", "links": null }] }`,
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
