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

const ID = 'awsvpc-host-port';

const MOVED_FROM_BRIDGE = `{
  "family": "storefront",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "shop/storefront:3.2.0",
      "portMappings": [
        {
          "containerPort": 3000,
          "hostPort": 80,
          "protocol": "tcp"
        }
      ]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a hostPort that differs from containerPort in awsvpc', () => {
    const f = onlyFinding(ID, MOVED_FROM_BRIDGE);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(MOVED_FROM_BRIDGE, f.range), '80');
    assert.equal(f.range.start.line, 13);
    assert.equal(f.container, 'web');
    assert.match(
      f.message,
      /web maps host port 80 to container port 3000, but in network mode awsvpc \(as on Fargate\) there is no port translation: hostPort must be left out or equal to containerPort/,
    );
    assert.match(f.message, /the host ports and container ports in port mappings must match/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Change hostPort 80 to 3000', true, true],
        ['Remove "hostPort": 80', false, false],
      ],
    );
  });

  test('fix: sets hostPort to the container port', () => {
    const f = onlyFinding(ID, MOVED_FROM_BRIDGE);
    assert.equal(
      applyFix(MOVED_FROM_BRIDGE, f, 0),
      `{
  "family": "storefront",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "shop/storefront:3.2.0",
      "portMappings": [
        {
          "containerPort": 3000,
          "hostPort": 3000,
          "protocol": "tcp"
        }
      ]
    }
  ]
}
`,
    );
  });

  test('fix: or removes hostPort', () => {
    const f = onlyFinding(ID, MOVED_FROM_BRIDGE);
    assert.equal(
      applyFix(MOVED_FROM_BRIDGE, f, 1),
      MOVED_FROM_BRIDGE.replace('          "hostPort": 80,\n', ''),
    );
  });

  test('fires in host mode too', () => {
    const text = MOVED_FROM_BRIDGE.replace('"awsvpc"', '"host"').replace('["FARGATE"]', '["EC2"]');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /in network mode host there is no port translation/);
  });

  describe('does not fire', () => {
    test('in bridge mode, where hostPort maps', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          MOVED_FROM_BRIDGE.replace('"awsvpc"', '"bridge"').replace('["FARGATE"]', '["EC2"]'),
        ),
        [],
      );
    });
    test('when hostPort equals containerPort, is left out, or is 0', () => {
      assert.deepEqual(
        findingsOf(ID, MOVED_FROM_BRIDGE.replace('"hostPort": 80', '"hostPort": 3000')),
        [],
      );
      assert.deepEqual(
        findingsOf(ID, MOVED_FROM_BRIDGE.replace('          "hostPort": 80,\n', '')),
        [],
      );
      assert.deepEqual(
        findingsOf(ID, MOVED_FROM_BRIDGE.replace('"hostPort": 80', '"hostPort": 0')),
        [],
      );
    });
    test('on a containerPortRange mapping, or a placeholder port', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          MOVED_FROM_BRIDGE.replace('"containerPort": 3000', '"containerPortRange": "3000-3010"'),
        ),
        [],
      );
      assert.deepEqual(
        findingsOf(ID, MOVED_FROM_BRIDGE.replace('"hostPort": 80', '"hostPort": "${HOST_PORT}"')),
        [],
      );
    });
    test('in a bare container array (the network mode is not known)', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          '[\n  { "name": "web", "image": "shop/storefront:3.2.0", "portMappings": [{ "containerPort": 3000, "hostPort": 80 }] }\n]\n',
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
