/**
 * A task definition reads the same written as a template: every example and real-world task
 * definition, rewritten with CloudFormation's names as YAML templates of several styles (block,
 * unindented sequences and 4 spaces, flow mappings with CRLF) and as a JSON template, gets the
 * same findings (rule and container). Every fix on the template leaves valid YAML (or JSON), makes
 * its finding go, and changes the task definition exactly as the same fix changes the JSON file.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLOUDFORMATION_TYPES } from '../../../server/src/engine/formats/cloudformation/properties.generated';
import { assertSameAsJson, namesMatcher, SAME_AS_JSON_CASES } from '../../support/sameAsJson';
import { STYLES, templateOf } from '../../support/templates';

/** API names in camelCase (dependsOn, containerName, …), which no template writes and no prose uses. */
const API_ONLY_NAMES = namesMatcher(
  Object.values(CLOUDFORMATION_TYPES).flatMap((t) =>
    Object.values(t)
      .map(([api]) => api)
      .filter((api) => /[a-z][A-Z]/.test(api)),
  ),
);

test('there are task definitions to compare', () => {
  assert.ok(SAME_AS_JSON_CASES.length >= 15, `${SAME_AS_JSON_CASES.length}`);
});

for (const [styleName, style] of Object.entries(STYLES)) {
  describe(`as a ${styleName}`, () => {
    for (const { path, text } of SAME_AS_JSON_CASES) {
      test(path, () =>
        assertSameAsJson(text, {
          options: { format: 'cloudformation' },
          write: (task) => templateOf(task, style),
          foreignNames: API_ONLY_NAMES,
        }),
      );
    }
  });
}
