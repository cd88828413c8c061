import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, findingsOf, GOOD_FIXTURES, onlyFinding, underlined } from './helpers';

const ID = 'missing-required-field';

/** While the user types a new container: the object is there, its fields are not yet. */
const TYPING = `{
  "family": "shop",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "shop/app:2.4.0"
    },
    {}
  ]
}
`;

describe(ID, () => {
  test('a new, empty container object: one finding per missing field, on its opening brace', () => {
    const found = findingsOf(ID, TYPING);
    assert.deepEqual(
      found.map((f) => [
        f.severity,
        underlined(TYPING, f.range),
        f.range.start.line,
        f.range.start.character,
      ]),
      [
        ['error', '{', 7, 4],
        ['error', '{', 7, 4],
      ],
    );
    assert.match(
      found[0]!.message,
      /The name of container #2 is missing: ECS requires a name for every container \("Container\.name should not be null or empty"\)/,
    );
    assert.match(
      found[1]!.message,
      /The image of container #2 is missing: ECS requires the image to run \("Container\.image should not be null or empty"\)/,
    );
    for (const f of found) assert.deepEqual(f.fixes, []);
  });

  test('an empty name and a null image are reported on their values, saying "empty" and "null"', () => {
    const text = TYPING.replace('{}', '{ "name": "", "image": null }');
    const found = findingsOf(ID, text);
    assert.deepEqual(
      found.map((f) => [underlined(text, f.range), f.message.split(':')[0]]),
      [
        ['""', 'The name of container #2 is empty'],
        ['null', 'The image of container #2 is null'],
      ],
    );
  });

  test('a missing image of a named container points at the name', () => {
    const text = TYPING.replace('{}', '{ "name": "worker", "command": ["node", "worker.js"] }');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"worker"');
    assert.equal(f.container, 'worker');
    assert.match(f.message, /^The image of worker is missing/);
  });

  test('a whitespace-only image is empty', () => {
    const text = TYPING.replace('{}', '{ "name": "worker", "image": "  " }');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"  "');
    assert.match(f.message, /^The image of worker is empty/);
  });

  test('a missing family is reported on the task object, an empty one on its value', () => {
    const noFamily = TYPING.replace('  "family": "shop",\n', '').replace(
      '{}',
      '{ "name": "worker", "image": "shop/worker:2.4.0" }',
    );
    const f = onlyFinding(ID, noFamily);
    assert.equal(f.range.start.line, 0);
    assert.equal(underlined(noFamily, f.range), '{');
    assert.match(f.message, /^The task definition family is missing: ECS requires a family/);
    const empty = noFamily.replace('{\n', '{\n  "family": "",\n');
    const e = onlyFinding(ID, empty);
    assert.equal(underlined(empty, e.range), '""');
    assert.match(e.message, /^The task definition family is empty/);
  });

  test('an empty or null containerDefinitions', () => {
    const empty = '{\n  "family": "shop",\n  "containerDefinitions": []\n}\n';
    const f = onlyFinding(ID, empty);
    assert.equal(underlined(empty, f.range), '[]');
    assert.match(
      f.message,
      /containerDefinitions is empty: ECS requires at least one container definition \("Container list cannot be empty"\)/,
    );
    const nulled = empty.replace('[]', 'null');
    const n = onlyFinding(ID, nulled);
    assert.equal(underlined(nulled, n.range), 'null');
    assert.match(n.message, /containerDefinitions is null/);
  });

  describe('does not fire', () => {
    test('on template placeholders, quoted or bare (they are values once rendered)', () => {
      const text = `{
  "family": \${f},
  "containerDefinitions": [
    { "name": "\${APP_NAME}", "image": \${i} },
    { "name": "worker", "image": "{{ .Values.worker.image }}" }
  ]
}
`;
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('on the task-level fields of a bare container array (Terraform container_definitions)', () => {
      assert.deepEqual(
        findingsOf(ID, '[\n  { "name": "app", "image": "shop/app:2.4.0" }\n]\n'),
        [],
      );
    });
    test('on a dependsOn entry with an empty containerName (dependency-unknown-container reports it)', () => {
      const text = TYPING.replace(
        '{}',
        '{ "name": "worker", "image": "shop/worker:2.4.0", "dependsOn": [{ "containerName": "", "condition": "START" }] }',
      );
      assert.deepEqual(findingsOf(ID, text), []);
      const other = findingsOf('dependency-unknown-container', text);
      assert.equal(other.length, 1);
      assert.equal(underlined(text, other[0]!.range), '""');
    });
    test('on a name or image of the wrong type (the JSON schema reports the type)', () => {
      assert.deepEqual(
        findingsOf(ID, TYPING.replace('{}', '{ "name": 7, "image": ["nginx"] }')),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
