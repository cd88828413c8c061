import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'invalid-network-mode';

const withMode = (mode: string) => `{
  "family": "batch-report",
  "networkMode": ${mode},
  "containerDefinitions": [
    { "name": "report", "image": "shop/report:2.2.0", "memory": 2048 }
  ]
}
`;

describe(ID, () => {
  test('"default" (AWS\'s <default>): the fix removes the field', () => {
    const text = withMode('"default"');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '"default"');
    assert.match(
      f.message,
      /"default" is not a value ECS accepts for networkMode \(none, bridge, awsvpc or host\)/,
    );
    assert.match(f.message, /<default>, it means leaving the field out/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Remove "networkMode" (use the default)', true, false],
        ['Change "default" to "awsvpc"', false, false],
      ],
    );
    assert.equal(applyFix(text, f), text.replace('  "networkMode": "default",\n', ''));
    assert.equal(applyFix(text, f, 1), withMode('"awsvpc"'));
  });

  test('"<default>" copied from the docs, and "nat", get the same advice', () => {
    for (const mode of ['"<default>"', '"nat"'])
      assert.match(onlyFinding(ID, withMode(mode)).message, /it means leaving the field out/);
  });

  test('a mode in the wrong case: the fix lower-cases it (safe)', () => {
    const text = withMode('"AWSVPC"');
    const f = onlyFinding(ID, text);
    assert.match(
      f.message,
      /"AWSVPC" is not a network mode: ECS accepts exactly none, bridge, awsvpc or host, in lower case/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Change "AWSVPC" to "awsvpc"', true, true],
        ['Remove "networkMode" (use the default)', false, false],
      ],
    );
    assert.equal(applyFix(text, f), withMode('"awsvpc"'));
  });

  test('an empty string, an unknown word and a non-string', () => {
    assert.match(onlyFinding(ID, withMode('""')).message, /networkMode is empty/);
    assert.match(onlyFinding(ID, withMode('"vpc"')).message, /"vpc" is not a network mode/);
    assert.match(onlyFinding(ID, withMode('1')).message, /networkMode must be a string/);
  });

  describe('does not fire', () => {
    for (const mode of [
      '"none"',
      '"bridge"',
      '"awsvpc"',
      '"host"',
      'null',
      '"${network_mode}"',
      '"#{NetworkMode}"',
    ]) {
      test(mode, () => assert.deepEqual(findingsOf(ID, withMode(mode)), []));
    }
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
