/**
 * The Terraform snippet, expanded with its defaults as a user who only presses Tab gets it: valid
 * HCL, and a task definition our own rules find nothing in, whose app waits for its init container.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { syntaxFindings } from '../../../server/src/engine/index';
import { expand, type Snippet } from '../../support/snippets';
import { analyzeTf, terraformReady } from '../../support/terraform';

before(terraformReady);

const snippets: Record<string, Snippet> = JSON.parse(
  readFileSync('snippets/terraform.json', 'utf8'),
);

test('each snippet has an ecs- prefix, a description and no stray dollar', () => {
  for (const snippet of Object.values(snippets)) {
    for (const prefix of ([] as string[]).concat(snippet.prefix))
      assert.match(prefix, /^ecs-[a-z-]+$/);
    assert.ok(snippet.description.length > 20);
    assert.ok(!expand(snippet).includes('$'));
  }
});

test('the task definition snippet: valid HCL that lints clean, the app waiting for the init', () => {
  const text = expand(snippets['ECS task definition with an init container']!);
  const analysis = analyzeTf(text);
  assert.deepEqual(syntaxFindings(analysis.file), []);
  assert.deepEqual(
    analysis.findings.map((f) => `${f.code}: ${f.message}`),
    [],
  );
  const graph = analysis.graph()!;
  assert.deepEqual(graph.phases, [['init'], ['app']]);
  assert.equal(analysis.model!.volumes[0]!.name?.value, 'shared');
});
