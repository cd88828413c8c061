import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'too-many-containers';

const task = (n: number) => `{
  "family": "sidecar-zoo",
  "containerDefinitions": [
${Array.from({ length: n }, (_, i) => `    { "name": "c${i + 1}", "image": "shop/c:${i + 1}", "memoryReservation": 64 }`).join(',\n')}
  ]
}
`;

describe(ID, () => {
  test('fires on the 11th container and lists the ones over the limit', () => {
    const text = task(12);
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '"c11"');
    assert.equal(f.container, 'c11');
    assert.match(
      f.message,
      /This task definition has 12 containers, but ECS allows at most 10 per task definition \(a fixed quota that cannot be raised\)/,
    );
    assert.match(f.message, /c11, c12 are over the limit/);
    assert.deepEqual(
      f.related.map((r) => [underlined(text, r.range), r.message]),
      [['"c12"', 'c12 is over the limit']],
    );
    assert.deepEqual(f.fixes, []);
  });

  test('also for a bare container array', () => {
    const text = `[${Array.from({ length: 11 }, (_, i) => `{ "name": "c${i}", "image": "x" }`).join(', ')}]`;
    assert.equal(findingsOf(ID, text).length, 1);
  });

  describe('does not fire', () => {
    test('with exactly 10 containers', () => assert.deepEqual(findingsOf(ID, task(10)), []));
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
