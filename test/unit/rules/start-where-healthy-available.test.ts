import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'start-where-healthy-available';

const COLOR = `{
  "family": "colorteller",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "shop/colorteller:1.4.2",
      "dependsOn": [{ "containerName": "envoy", "condition": "START" }]
    },
    {
      "name": "envoy",
      "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod",
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"],
        "interval": 5
      }
    }
  ]
}
`;

describe(ID, () => {
  test('fires on START towards a health-checked container, underlining the condition', () => {
    const f = onlyFinding(ID, COLOR);
    assert.equal(f.severity, 'hint');
    assert.equal(underlined(COLOR, f.range), '"START"');
    assert.equal(f.container, 'app');
    assert.match(
      f.message,
      /app waits for envoy with START, which only waits until its process has started\. envoy has a health check, so HEALTHY would wait until it actually serves/,
    );
    assert.equal(f.related.length, 1);
  });

  test('fix: START → HEALTHY (offered, not applied by --fix: it changes when the app starts)', () => {
    const f = onlyFinding(ID, COLOR);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change "START" to "HEALTHY"', true, false]],
    );
    assert.equal(
      applyFix(COLOR, f),
      COLOR.replace('"condition": "START"', '"condition": "HEALTHY"'),
    );
  });

  describe('does not fire', () => {
    test('when the target has no health check, or an empty one', () => {
      assert.deepEqual(
        findingsOf(ID, COLOR.replace(/"healthCheck": \{[^}]*\}/, '"essential": true')),
        [],
      );
      assert.deepEqual(
        findingsOf(ID, COLOR.replace(/"command": \[[^\]]*\]/, '"command": [""]')),
        [],
      );
    });
    test('on HEALTHY', () =>
      assert.deepEqual(findingsOf(ID, COLOR.replace('"START"', '"HEALTHY"')), []));
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
