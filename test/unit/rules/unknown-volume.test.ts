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

const ID = 'unknown-volume';

const NO_VOLUMES = `{
  "family": "cms",
  "containerDefinitions": [
    {
      "name": "cms",
      "image": "ghost:5.96.0",
      "mountPoints": [
        { "sourceVolume": "content", "containerPath": "/var/lib/ghost/content" }
      ]
    }
  ],
  "requiresCompatibilities": ["FARGATE"]
}
`;

const TYPO = `{
  "family": "cms",
  "containerDefinitions": [
    {
      "name": "cms",
      "image": "ghost:5.96.0",
      "mountPoints": [
        { "sourceVolume": "contnet", "containerPath": "/var/lib/ghost/content" }
      ]
    }
  ],
  "volumes": [
    { "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }
  ]
}
`;

describe(ID, () => {
  test('fires on a sourceVolume no task volume has; the fix that adds the volume is safe and preferred', () => {
    const f = onlyFinding(ID, NO_VOLUMES);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(NO_VOLUMES, f.range), '"content"');
    assert.equal(f.container, 'cms');
    assert.match(
      f.message,
      /cms mounts the volume "content", but the task definition declares no volume with that name/,
    );
    assert.doesNotMatch(f.message, /Did you mean/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add the volume "content" to the task\'s volumes', true, true]],
    );
  });

  test('fix: creates "volumes" after containerDefinitions when it is absent', () => {
    const f = onlyFinding(ID, NO_VOLUMES);
    assert.equal(
      applyFix(NO_VOLUMES, f),
      `{
  "family": "cms",
  "containerDefinitions": [
    {
      "name": "cms",
      "image": "ghost:5.96.0",
      "mountPoints": [
        { "sourceVolume": "content", "containerPath": "/var/lib/ghost/content" }
      ]
    }
  ],
  "volumes": [
    {
      "name": "content"
    }
  ],
  "requiresCompatibilities": ["FARGATE"]
}
`,
    );
  });

  test('fix: fills an empty "volumes": [] (describe output writes one)', () => {
    const text = NO_VOLUMES.replace(
      '  ],\n  "requiresCompatibilities"',
      '  ],\n  "volumes": [],\n  "requiresCompatibilities"',
    );
    const f = onlyFinding(ID, text);
    assert.equal(
      applyFix(text, f),
      text.replace('"volumes": []', '"volumes": [\n    {\n      "name": "content"\n    }\n  ]'),
    );
  });

  test('a close volume name: the rename is preferred (not safe), adding the typo as a volume is offered too', () => {
    const f = onlyFinding(ID, TYPO);
    assert.match(f.message, /Did you mean "content"\?/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Change "contnet" to "content"', true, false],
        ['Add the volume "contnet" to the task\'s volumes', false, true],
      ],
    );
    assert.equal(
      applyFix(TYPO, f, 0),
      TYPO.replace('"sourceVolume": "contnet"', '"sourceVolume": "content"'),
    );
    assert.equal(
      applyFix(TYPO, f, 1),
      TYPO.replace(
        '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }\n',
        '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } },\n    {\n      "name": "contnet"\n    }\n',
      ),
    );
  });

  test('an empty sourceVolume is reported without a fix', () => {
    const text = TYPO.replace('"sourceVolume": "contnet"', '"sourceVolume": ""');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '""');
    assert.match(f.message, /has an empty sourceVolume/);
    assert.deepEqual(f.fixes, []);
  });

  describe('does not fire', () => {
    test('when the volume is declared', () => {
      assert.deepEqual(findingsOf(ID, TYPO.replace('"contnet"', '"content"')), []);
    });
    test('on a placeholder sourceVolume, or when a volume name is templated', () => {
      assert.deepEqual(findingsOf(ID, TYPO.replace('"contnet"', '"${VOLUME}"')), []);
      assert.deepEqual(
        findingsOf(ID, TYPO.replace('{ "name": "content"', '{ "name": "${VOLUME}"')),
        [],
      );
    });
    test('in a bare container array (the task volumes are elsewhere, e.g. in Terraform)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          '[\n  { "name": "cms", "image": "ghost:5.96.0", "mountPoints": [{ "sourceVolume": "content", "containerPath": "/c" }] }\n]\n',
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
