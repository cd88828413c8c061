import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, underlined } from './helpers';

const ID = 'fargate-unsupported-parameter';

const TRANSCODER = `{
  "family": "media-transcoder",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "4096",
  "memory": "8192",
  "containerDefinitions": [
    {
      "name": "transcoder",
      "image": "shop/transcoder:3.1.0",
      "privileged": true,
      "dnsServers": ["10.0.0.2"],
      "disableNetworking": false,
      "extraHosts": [],
      "linuxParameters": {
        "initProcessEnabled": true,
        "sharedMemorySize": 512,
        "capabilities": { "add": ["SYS_PTRACE", "NET_ADMIN"] }
      },
      "logConfiguration": { "logDriver": "json-file" }
    }
  ],
  "volumes": [
    { "name": "scratch", "host": { "sourcePath": "/mnt/scratch" } },
    { "name": "cache", "dockerVolumeConfiguration": { "scope": "task", "driver": "local" } },
    { "name": "tmp", "host": {} }
  ]
}
`;

describe(ID, () => {
  test('fires once per parameter that asks Fargate for something it does not do', () => {
    const found = findingsOf(ID, TRANSCODER);
    assert.deepEqual(
      found.map((f) => underlined(TRANSCODER, f.range)),
      [
        '"privileged"',
        '"dnsServers"',
        '"sharedMemorySize"',
        '"NET_ADMIN"',
        '"json-file"',
        '"sourcePath"',
        '"dockerVolumeConfiguration"',
      ],
    );
    assert.ok(found.every((f) => f.severity === 'error'));
    assert.match(
      found[0]!.message,
      /^"privileged" in transcoder is not valid for a Fargate task: Fargate does not run privileged containers\. The task definition requires FARGATE, so ECS rejects it\.$/,
    );
    assert.match(
      found[3]!.message,
      /The capability NET_ADMIN in transcoder .* the only capability Fargate lets a container add is CAP_SYS_PTRACE/,
    );
    assert.match(
      found[4]!.message,
      /The log driver "json-file" of transcoder .* only the awslogs, splunk and awsfirelens log drivers/,
    );
    assert.match(
      found[5]!.message,
      /"host\.sourcePath" of volume "scratch" .* supported only on EC2/,
    );
    assert.equal(found[0]!.container, 'transcoder');
    assert.deepEqual(
      found[0]!.related.map((r) => underlined(TRANSCODER, r.range)),
      ['["FARGATE"]'],
    );
  });

  test('fixes remove the parameter (not safe: it removes what the user wrote); none for a capability or a log driver', () => {
    const found = findingsOf(ID, TRANSCODER);
    assert.deepEqual(
      found.map((f) => f.fixes.map((x) => [x.title, x.isPreferred, x.safe])),
      [
        [['Remove "privileged"', true, false]],
        [['Remove "dnsServers"', true, false]],
        [['Remove "linuxParameters.sharedMemorySize"', true, false]],
        [],
        [],
        [['Remove "host.sourcePath"', true, false]],
        [['Remove "dockerVolumeConfiguration"', true, false]],
      ],
    );
    assert.equal(
      applyFix(TRANSCODER, found[0]!),
      TRANSCODER.replace('      "privileged": true,\n', ''),
    );
    assert.equal(
      applyFix(TRANSCODER, found[5]!),
      TRANSCODER.replace('"host": { "sourcePath": "/mnt/scratch" }', '"host": {  }'),
    );
    assert.equal(
      applyFix(TRANSCODER, found[2]!),
      TRANSCODER.replace('        "sharedMemorySize": 512,\n', ''),
    );
  });

  test('hostname, ipcMode and placement constraints', () => {
    const text = `{
  "family": "x",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "ipcMode": "host",
  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == t3.small" }],
  "containerDefinitions": [{ "name": "app", "image": "shop/app:1", "hostname": "app.internal" }]
}`;
    assert.deepEqual(
      findingsOf(ID, text).map((f) => underlined(text, f.range)),
      ['"ipcMode"', '"placementConstraints"', '"hostname"'],
    );
  });

  describe('does not fire', () => {
    test('on false, 0, "" and [] (exports and skeletons write them)', () => {
      const text = `{
  "family": "x", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "placementConstraints": [],
  "containerDefinitions": [{ "name": "app", "image": "shop/app:1", "privileged": false, "disableNetworking": false,
    "dnsServers": [], "hostname": "", "linuxParameters": { "maxSwap": 0, "devices": [], "capabilities": { "add": ["SYS_PTRACE"] } } }]
}`;
      assert.deepEqual(findingsOf(ID, text), []);
    });
    test('on EC2 or without requiresCompatibilities', () => {
      assert.deepEqual(findingsOf(ID, TRANSCODER.replace('["FARGATE"]', '["EC2"]')), []);
      assert.deepEqual(
        findingsOf(ID, TRANSCODER.replace('  "requiresCompatibilities": ["FARGATE"],\n', '')),
        [],
      );
    });
    test('on links (links-in-awsvpc reports them) or a placeholder log driver', () => {
      const text = TRANSCODER.replace('"json-file"', '"${log_driver}"').replace(
        '"privileged": true,',
        '"links": ["x"],',
      );
      assert.ok(!findingsOf(ID, text).some((f) => /links|log driver/.test(f.message)));
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
