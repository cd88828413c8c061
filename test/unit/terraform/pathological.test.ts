/**
 * A .tf file far larger than real ones is read whole, with no rule failure. Its time is measured by
 * the bench, not asserted here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { analyzeTf, terraformOf, terraformReady } from '../../support/terraform';

before(terraformReady);

test('a 1 MB file of task definitions is read whole', () => {
  const seed = terraformOf(JSON.parse(readFileSync('examples/seed-task-definition.json', 'utf8')));
  const resources: string[] = [];
  for (let size = 0; size < 1_000_000; size += seed.length + 1)
    resources.push(seed.replace('"task"', `"task_${resources.length}"`));
  const a = analyzeTf(resources.join('\n'));
  assert.equal(a.definitions.length, resources.length);
  assert.deepEqual(a.ruleFailures, []);
});
