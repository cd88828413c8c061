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

const ID = 'fargate-network-mode';

const NO_MODE = `{
  "family": "api",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:1.0.0",
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`;

const BRIDGE_WITH_LINKS = `{
  "family": "web",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2", "FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1.0.0" },
    { "name": "nginx", "image": "nginx:1.27.2", "links": ["app"] }
  ]
}
`;

describe(ID, () => {
  test('fires on a Fargate task without networkMode (the default is bridge), pointing at FARGATE', () => {
    const f = onlyFinding(ID, NO_MODE);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(NO_MODE, f.range), '"FARGATE"');
    assert.match(
      f.message,
      /This task requires FARGATE but has no networkMode, so it gets the default, bridge: Fargate requires the awsvpc network mode/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add "networkMode": "awsvpc"', true, true]],
    );
  });

  test('fix: inserts networkMode after requiresCompatibilities', () => {
    const f = onlyFinding(ID, NO_MODE);
    assert.equal(
      applyFix(NO_MODE, f),
      `{
  "family": "api",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "shop/api:1.0.0",
      "portMappings": [{ "containerPort": 8080 }]
    }
  ]
}
`,
    );
  });

  test('bridge with links (FARGATE next to EC2 still counts): the change is offered but not applied automatically', () => {
    const f = onlyFinding(ID, BRIDGE_WITH_LINKS);
    assert.equal(underlined(BRIDGE_WITH_LINKS, f.range), '"bridge"');
    assert.match(f.message, /uses network mode "bridge"/);
    assert.match(f.message, /awsvpc does not support links \(used by nginx\)/);
    assert.deepEqual(
      f.related.map((r) => underlined(BRIDGE_WITH_LINKS, r.range)),
      ['["EC2", "FARGATE"]'],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change networkMode "bridge" to "awsvpc"', true, false]],
    );
    assert.equal(
      applyFix(BRIDGE_WITH_LINKS, f),
      BRIDGE_WITH_LINKS.replace('"networkMode": "bridge"', '"networkMode": "awsvpc"'),
    );
  });

  test('a written bridge without links is changed safely; host is not', () => {
    const bridge = NO_MODE.replace(
      '  "requiresCompatibilities"',
      '  "networkMode": "bridge",\n  "requiresCompatibilities"',
    );
    assert.deepEqual(
      onlyFinding(ID, bridge).fixes.map((x) => [x.title, x.safe]),
      [['Change networkMode "bridge" to "awsvpc"', true]],
    );
    const host = bridge.replace('"bridge"', '"host"');
    const f = onlyFinding(ID, host);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [['Change networkMode "host" to "awsvpc"', false]],
    );
    assert.equal(applyFix(host, f), host.replace('"host"', '"awsvpc"'));
  });

  test('"networkMode": null is the default too, and the fix replaces the null', () => {
    const text = NO_MODE.replace(
      '  "requiresCompatibilities"',
      '  "networkMode": null,\n  "requiresCompatibilities"',
    );
    const f = onlyFinding(ID, text);
    assert.equal(applyFix(text, f), text.replace('"networkMode": null', '"networkMode": "awsvpc"'));
  });

  describe('does not fire', () => {
    test('with awsvpc', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          NO_MODE.replace(
            '  "requiresCompatibilities"',
            '  "networkMode": "awsvpc",\n  "requiresCompatibilities"',
          ),
        ),
        [],
      );
    });
    test('on EC2 with bridge', () => {
      assert.deepEqual(
        findingsOf(ID, BRIDGE_WITH_LINKS.replace('["EC2", "FARGATE"]', '["EC2"]')),
        [],
      );
    });
    test('on a value that is not a network mode (invalid-network-mode reports it) or a placeholder', () => {
      assert.deepEqual(findingsOf(ID, BRIDGE_WITH_LINKS.replace('"bridge"', '"AWSVPC"')), []);
      assert.deepEqual(
        findingsOf(ID, BRIDGE_WITH_LINKS.replace('"bridge"', '"${NETWORK_MODE}"')),
        [],
      );
    });
    test('in a bare container array', () => {
      assert.deepEqual(
        findingsOf(ID, '[\n  { "name": "api", "image": "shop/api:1.0.0" }\n]\n'),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
