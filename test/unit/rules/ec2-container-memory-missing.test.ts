import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'ec2-container-memory-missing';

const CRON = `{
  "family": "cron-jobs",
  "networkMode": "bridge",
  "containerDefinitions": [
    {
      "name": "nightly-export",
      "image": "shop/cron-jobs:1.3.0",
      "cpu": 256,
      "command": ["python", "-m", "jobs.nightly_export"]
    },
    {
      "name": "statsd",
      "image": "statsd/statsd:v0.10.2",
      "memoryReservation": 64
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a container with neither memory nor memoryReservation, underlining its name', () => {
    const f = onlyFinding(ID, CRON);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(CRON, f.range), '"nightly-export"');
    assert.equal(f.container, 'nightly-export');
    assert.match(
      f.message,
      /nightly-export has neither memory nor memoryReservation\. On EC2 \(the launch type when requiresCompatibilities is left out\), a task without task-level memory needs a non-zero memory or memoryReservation on every container/,
    );
    assert.match(f.message, /At least one of 'memory' or 'memoryReservation' must be specified/);
  });

  test('fix (a value to adjust, so not applied by --fix): adds memoryReservation after cpu', () => {
    const f = onlyFinding(ID, CRON);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add "memoryReservation": 256 (adjust to what the container needs)', false, false]],
    );
    assert.equal(
      applyFix(CRON, f),
      CRON.replace('"cpu": 256,\n', '"cpu": 256,\n      "memoryReservation": 256,\n'),
    );
  });

  test('memory 0 (a generated skeleton) is reported on the 0, without a fix', () => {
    const text = `{ "family": "", "requiresCompatibilities": ["EC2"], "memory": "", "containerDefinitions": [{ "name": "", "image": "", "memory": 0, "memoryReservation": 0 }] }`;
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '0');
    assert.match(
      f.message,
      /container #1 sets memory to 0\. On EC2, a task without task-level memory/,
    );
    assert.deepEqual(f.fixes, []);
  });

  describe('does not fire', () => {
    test('with task-level memory (also a placeholder)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          CRON.replace('"networkMode": "bridge",', '"networkMode": "bridge",\n  "memory": "1024",'),
        ),
        [],
      );
      assert.deepEqual(
        findingsOf(
          ID,
          CRON.replace(
            '"networkMode": "bridge",',
            '"networkMode": "bridge",\n  "memory": "${task_memory}",',
          ),
        ),
        [],
      );
    });
    test('on Fargate, and for a bare container array (task-level memory unknown)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          CRON.replace(
            '"networkMode": "bridge",',
            '"networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],',
          ),
        ),
        [],
      );
      assert.deepEqual(findingsOf(ID, `[{ "name": "a", "image": "x", "essential": true }]`), []);
    });
    test('when the container memory is a placeholder', () => {
      assert.deepEqual(
        findingsOf(ID, CRON.replace('"cpu": 256,', '"cpu": 256, "memory": "${export_memory}",')),
        [],
      );
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
