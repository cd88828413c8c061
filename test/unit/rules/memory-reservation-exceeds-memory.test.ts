import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'memory-reservation-exceeds-memory';

const withMemory = (memory: string, reservation: string) => `{
  "family": "image-resizer",
  "containerDefinitions": [
    {
      "name": "resizer",
      "image": "shop/image-resizer:0.14.2",
      "memory": ${memory},
      "memoryReservation": ${reservation},
      "essential": true
    }
  ]
}
`;

describe(ID, () => {
  test('fires when the reservation is above the hard limit, underlining the reservation', () => {
    const text = withMemory('1024', '2048');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '2048');
    assert.equal(f.container, 'resizer');
    assert.match(
      f.message,
      /resizer reserves 2048 MiB \(memoryReservation\) but its hard limit is 1024 MiB \(memory\)/,
    );
    assert.match(f.message, /AWS requires memory to be greater than memoryReservation/);
    assert.deepEqual(
      f.related.map((r) => [underlined(text, r.range), r.message]),
      [['1024', 'memory (hard limit): 1024 MiB']],
    );
    assert.deepEqual(f.fixes, []);
  });

  test('fires when they are equal; the fix removes memoryReservation', () => {
    const text = withMemory('512', '512');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /with a hard limit of the same 512 MiB/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove "memoryReservation"', true, false]],
    );
    assert.equal(applyFix(text, f), text.replace('      "memoryReservation": 512,\n', ''));
  });

  describe('does not fire', () => {
    for (const [m, r] of [
      ['1024', '512'],
      ['0', '0'],
      ['"${memory}"', '"${memory}"'],
      ['null', '512'],
      ['512', 'null'],
    ]) {
      test(`memory ${m}, memoryReservation ${r}`, () =>
        assert.deepEqual(findingsOf(ID, withMemory(m!, r!)), []));
    }
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
