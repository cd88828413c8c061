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

const ID = 'fargate-cpu-memory';

/** A Fargate task with the given cpu and memory JSON values ('' leaves the field out). */
function task(cpu: string, memory: string): string {
  return `{
  "family": "api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],${cpu ? `\n  "cpu": ${cpu},` : ''}${memory ? `\n  "memory": ${memory},` : ''}
  "containerDefinitions": [
    { "name": "api", "image": "shop/api:1.0.0", "portMappings": [{ "containerPort": 8080 }] }
  ]
}
`;
}

describe(ID, () => {
  test('fires on a pair Fargate does not offer, listing the memory values for that cpu', () => {
    const text = task('"256"', '"4096"');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '"4096"');
    assert.match(
      f.message,
      /memory "4096" is not offered with cpu 256 \(0\.25 vCPU\) on Fargate: with that cpu, memory must be 512, 1024 or 2048 MiB/,
    );
    assert.match(
      f.message,
      /4096 MiB goes with cpu 512 \(0\.5 vCPU\), 1024 \(1 vCPU\) or 2048 \(2 vCPU\)\./,
    );
    assert.deepEqual(
      f.related.map((r) => [underlined(text, r.range), r.message]),
      [['"256"', 'cpu 256 (0.25 vCPU)']],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change memory to "2048"', true, false]],
    );
  });

  test('fix: the nearest valid memory, a string staying a string', () => {
    const text = task('"256"', '"4096"');
    assert.equal(applyFix(text, onlyFinding(ID, text)), task('"256"', '"2048"'));
  });

  test('numbers stay numbers; both neighbours are offered, the nearer one preferred; long lists are described as a range', () => {
    const text = task('2048', '5000');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /memory must be 4096 to 16384 in steps of 1024 MiB/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Change memory to 5120', true, false],
        ['Change memory to 4096', false, false],
      ],
    );
    assert.equal(applyFix(text, f, 0), task('2048', '5120'));
    assert.equal(applyFix(text, f, 1), task('2048', '4096'));
  });

  test('vCPU and GB strings are converted, and a GB fix keeps the GB form', () => {
    const text = task('"1 vCPU"', '"1.5GB"');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /memory "1\.5GB" \(1536 MiB\) is not offered with cpu 1024 \(1 vCPU\)/);
    assert.equal(applyFix(text, f), task('"1 vCPU"', '"2GB"'));
  });

  test('8 and 16 vCPU sizes step by 4 and 8 GB', () => {
    assert.deepEqual(findingsOf(ID, task('"8 vCPU"', '"20 GB"')), []);
    assert.deepEqual(findingsOf(ID, task('16384', '40960')), []);
    const f = onlyFinding(ID, task('8192', '18432'));
    assert.match(f.message, /memory must be 16384 to 61440 in steps of 4096 MiB/);
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Change memory to 16384', 'Change memory to 20480'],
    );
  });

  test('a cpu that is not a Fargate size', () => {
    const text = task('300', '1024');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '300');
    assert.match(
      f.message,
      /cpu 300 is not a Fargate task size: Fargate offers 256 \(\.25 vCPU\), 512/,
    );
    assert.deepEqual(f.fixes, []);
  });

  test('missing memory: reported on cpu, with the smallest memory for it as a fix', () => {
    const text = task('"1024"', '');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"1024"');
    assert.match(
      f.message,
      /This task requires FARGATE but has no task-level memory: Fargate requires both/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add "memory": "2048"', true, false]],
    );
    assert.equal(applyFix(text, f), task('"1024"', '"2048"'));
  });

  test('missing cpu: reported on memory, with the smallest cpu that offers it', () => {
    const text = task('', '"2048"');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"2048"');
    assert.match(
      f.message,
      /has no task-level cpu: .*\("Fargate requires that 'cpu' be defined at the task level"\)/,
    );
    assert.equal(applyFix(text, f), task('"256"', '"2048"'));
  });

  test('both missing: reported on FARGATE, without a fix', () => {
    const text = task('', '');
    const f = onlyFinding(ID, text);
    assert.equal(underlined(text, f.range), '"FARGATE"');
    assert.match(f.message, /has no task-level cpu and memory/);
    assert.deepEqual(f.fixes, []);
  });

  test('a form ECS does not document is a warning, not an error', () => {
    const text = task('"512"', '"512 MiB"');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /"512 MiB" is not a task memory value in a form ECS documents/);
  });

  describe('does not fire', () => {
    test('on valid pairs in every documented form', () => {
      for (const [cpu, memory] of [
        ['"256"', '"512"'],
        ['512', '4096'],
        ['"0.25 vCPU"', '"0.5 GB"'],
        ['"1 vcpu"', '"8GB"'],
        ['"4096"', '"30 GB"'],
      ]) {
        assert.deepEqual(findingsOf(ID, task(cpu!, memory!)), [], `${cpu} / ${memory}`);
      }
    });
    test('on placeholders, quoted or bare', () => {
      assert.deepEqual(findingsOf(ID, task('"${CPU}"', '"4096"')), []);
      assert.deepEqual(findingsOf(ID, task('${cpu}', '${memory}')), []);
      assert.deepEqual(findingsOf(ID, task('${c}', '${m}')), []);
    });
    test('on EC2 (task-level cpu and memory are optional there)', () => {
      assert.deepEqual(findingsOf(ID, task('', '').replace('["FARGATE"]', '["EC2"]')), []);
      assert.deepEqual(
        findingsOf(ID, task('"256"', '"4096"').replace('["FARGATE"]', '["EC2"]')),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
