import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'links-in-awsvpc';

const FARGATE = `{
  "family": "otel-demo",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "collector",
      "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
      "portMappings": [{ "containerPort": 4317 }]
    },
    {
      "name": "app",
      "image": "shop/app:1.0.0",
      "links": ["collector"],
      "environment": [{ "name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://collector:4317" }]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on links in awsvpc, underlining the "links" key', () => {
    const f = onlyFinding(ID, FARGATE);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(FARGATE, f.range), '"links"');
    assert.equal(f.container, 'app');
    assert.match(
      f.message,
      /app has links, but the task uses network mode awsvpc \(as Fargate requires\), which does not support links/,
    );
    assert.match(f.message, /reach each other on localhost:<containerPort>/);
    assert.match(f.message, /If app must start after collector, say so with dependsOn \(START\)/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Remove "links" from app', true, false]],
    );
  });

  test('fix: removes the links line', () => {
    const f = onlyFinding(ID, FARGATE);
    assert.equal(applyFix(FARGATE, f), FARGATE.replace('      "links": ["collector"],\n', ''));
  });

  test('does not suggest dependsOn when the container already waits for the linked one', () => {
    const text = FARGATE.replace(
      '"links": ["collector"],',
      '"links": ["collector"],\n      "dependsOn": [{ "containerName": "collector", "condition": "START" }],',
    );
    assert.doesNotMatch(onlyFinding(ID, text).message, /say so with dependsOn/);
  });

  describe('does not fire', () => {
    test('in bridge mode (links are how bridge containers find each other)', () => {
      assert.deepEqual(
        findingsOf(ID, FARGATE.replace('"awsvpc"', '"bridge"').replace('"FARGATE"', '"EC2"')),
        [],
      );
    });
    test('with an empty or null links array', () => {
      assert.deepEqual(findingsOf(ID, FARGATE.replace('["collector"]', '[]')), []);
      assert.deepEqual(findingsOf(ID, FARGATE.replace('["collector"]', 'null')), []);
    });
    test('in a bare container array (the network mode is not known)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          `[{ "name": "a", "image": "x", "links": ["b"] }, { "name": "b", "image": "y" }]`,
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
