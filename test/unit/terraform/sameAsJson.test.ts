/**
 * A task definition reads the same written as Terraform: every example and real-world task
 * definition, rewritten as an `aws_ecs_task_definition` resource (the task's fields as the
 * provider's arguments and blocks, the containers in jsonencode or in a heredoc of JSON), gets the
 * same findings (rule and container); messages name the task's fields as Terraform does
 * (`network_mode`, `volume`) and the containers' as the file writes them (the API's camelCase);
 * every fix gives valid HCL, makes its finding go, and changes the task definition exactly as the
 * same fix changes the JSON file.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  TASK_DEFINITION_SCHEMA,
  type Schema,
} from '../../../server/src/engine/formats/terraform/schema';
import { assertSameAsJson, namesMatcher, SAME_AS_JSON_CASES } from '../../support/sameAsJson';
import { terraformOf, terraformReady, type ContainersAs } from '../../support/terraform';

before(terraformReady);

/** The API's camelCase names of the fields Terraform writes in snake_case (networkMode, …). */
function snakeCased(schema: Schema): string[] {
  return [
    ...Object.entries(schema.arguments).map(([name, a]) => [name, a.field] as const),
    ...Object.entries(schema.blocks).flatMap(([name, b]) => [
      [name, b.field] as const,
      ...snakeCased(b.schema).map((field) => ['', field] as const),
    ]),
  ]
    .filter(([name, field]) => name !== field && /[a-z][A-Z]/.test(field))
    .map(([, field]) => field);
}

// proxy_configuration's container_name is the containers' containerName too: not foreign.
const FOREIGN = namesMatcher(
  snakeCased(TASK_DEFINITION_SCHEMA).filter((f) => f !== 'containerName'),
);

test('the task-level names messages must not use include the usual ones', () => {
  for (const name of ['networkMode', 'taskRoleArn', 'executionRoleArn', 'requiresCompatibilities'])
    assert.match(name, FOREIGN);
  assert.doesNotMatch('dependsOn containerName essential', FOREIGN);
});

for (const as of ['jsonencode', 'heredoc'] as ContainersAs[]) {
  describe(`containers in ${as}`, () => {
    for (const { path, text } of SAME_AS_JSON_CASES) {
      test(path, () =>
        assertSameAsJson(text, {
          options: { format: 'terraform' },
          write: (task) => terraformOf(task, as),
          foreignNames: FOREIGN,
        }),
      );
    }
  });
}
