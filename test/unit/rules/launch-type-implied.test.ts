import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'launch-type-implied';

const NOTIFY = `{
  "family": "notifications",
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    { "name": "notifications", "image": "shop/notifications:3.3.3" }
  ]
}
`;

describe(ID, () => {
  test('fires on awsvpc + task cpu and memory without requiresCompatibilities, underlining networkMode', () => {
    const f = onlyFinding(ID, NOTIFY);
    assert.equal(f.severity, 'hint');
    assert.equal(underlined(NOTIFY, f.range), '"awsvpc"');
    assert.match(
      f.message,
      /looks like a Fargate task \(awsvpc, task-level cpu and memory\), but it has no requiresCompatibilities: ECS then registers it without checking it against Fargate's requirements/,
    );
  });

  test('fixes: add FARGATE (preferred) or EC2 after networkMode', () => {
    const f = onlyFinding(ID, NOTIFY);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Add "requiresCompatibilities": ["FARGATE"]', true, false],
        ['Add "requiresCompatibilities": ["EC2"]', false, false],
      ],
    );
    assert.equal(
      applyFix(NOTIFY, f),
      NOTIFY.replace(
        '"networkMode": "awsvpc",\n',
        '"networkMode": "awsvpc",\n  "requiresCompatibilities": ["FARGATE"],\n',
      ),
    );
    assert.equal(
      applyFix(NOTIFY, f, 1),
      NOTIFY.replace(
        '"networkMode": "awsvpc",\n',
        '"networkMode": "awsvpc",\n  "requiresCompatibilities": ["EC2"],\n',
      ),
    );
  });

  describe('does not fire', () => {
    test('with requiresCompatibilities, without task cpu or memory, or outside awsvpc', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          NOTIFY.replace('"cpu": "256",', '"cpu": "256", "requiresCompatibilities": ["EC2"],'),
        ),
        [],
      );
      assert.deepEqual(findingsOf(ID, NOTIFY.replace('  "cpu": "256",\n', '')), []);
      assert.deepEqual(findingsOf(ID, NOTIFY.replace('"memory": "512"', '"memory": ""')), []);
      assert.deepEqual(findingsOf(ID, NOTIFY.replace('"awsvpc"', '"bridge"')), []);
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
