import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, CORRECT_FIXTURES, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'entrypoint-overrides-shell';

const INIT = `{
  "family": "my-app-with-init",
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:latest",
      "command": ["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"],
      "essential": false
    },
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "dependsOn": [{ "containerName": "init-setup", "condition": "SUCCESS" }],
      "command": ["python", "app.py", "--config", "/app/config.yaml"]
    }
  ]
}
`;

describe(ID, () => {
  test('fires on sh -c given to amazon/aws-cli: underlines the command, explains what really runs', () => {
    const f = onlyFinding(ID, INIT);
    assert.equal(f.severity, 'warning');
    assert.equal(
      underlined(INIT, f.range),
      `["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`,
    );
    assert.equal(f.container, 'init-setup');
    assert.match(f.message, /amazon\/aws-cli:latest has ENTRYPOINT `aws`/);
    assert.match(f.message, /this runs `aws sh -c …`, not a shell/);
    assert.match(f.message, /Put the shell in "entryPoint" \(\["sh", "-c"\]\)/);
    assert.deepEqual(
      f.related.map((r) => [underlined(INIT, r.range), r.message]),
      [['"amazon/aws-cli:latest"', 'amazon/aws-cli:latest: ENTRYPOINT is `aws`']],
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Move "sh", "-c" into entryPoint of init-setup', true, true]],
    );
  });

  test('fix: "sh", "-c" move into entryPoint just before command; the script stays in command', () => {
    assert.equal(
      applyFix(INIT, onlyFinding(ID, INIT)),
      `{
  "family": "my-app-with-init",
  "containerDefinitions": [
    {
      "name": "init-setup",
      "image": "amazon/aws-cli:latest",
      "entryPoint": ["sh", "-c"],
      "command": ["aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"],
      "essential": false
    },
    {
      "name": "app-container",
      "image": "my-docker-repo/my-app:v1.2.0",
      "dependsOn": [{ "containerName": "init-setup", "condition": "SUCCESS" }],
      "command": ["python", "app.py", "--config", "/app/config.yaml"]
    }
  ]
}
`,
    );
  });

  test('fix in a tab-indented CRLF file with a multi-line command and a comment on the line before', () => {
    const text = [
      '{',
      '\t"family": "sync",',
      '\t"containerDefinitions": [',
      '\t\t{',
      '\t\t\t"name": "s3-sync",',
      '\t\t\t"image": "public.ecr.aws/aws-cli/aws-cli:2.17.0", // AWS CLI v2',
      '\t\t\t"essential": false,',
      '\t\t\t"command": [',
      '\t\t\t\t"bash",',
      '\t\t\t\t"-c",',
      '\t\t\t\t"aws s3 sync s3://assets/v2 /assets --delete"',
      '\t\t\t]',
      '\t\t}',
      '\t]',
      '}',
      '',
    ].join('\r\n');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /runs `aws bash -c …`/);
    assert.equal(f.fixes[0]!.title, 'Move "bash", "-c" into entryPoint of s3-sync');
    assert.equal(
      applyFix(text, f),
      [
        '{',
        '\t"family": "sync",',
        '\t"containerDefinitions": [',
        '\t\t{',
        '\t\t\t"name": "s3-sync",',
        '\t\t\t"image": "public.ecr.aws/aws-cli/aws-cli:2.17.0", // AWS CLI v2',
        '\t\t\t"essential": false,',
        '\t\t\t"entryPoint": ["bash", "-c"],',
        '\t\t\t"command": [',
        '\t\t\t\t"aws s3 sync s3://assets/v2 /assets --delete"',
        '\t\t\t]',
        '\t\t}',
        '\t]',
        '}',
        '',
      ].join('\r\n'),
    );
  });

  test('a one-string shell command ("sh -c \'…\'") is reported without a fix (the quoting is the user’s)', () => {
    const text = INIT.replace(
      `["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`,
      `["sh -c 'aws s3 cp s3://my-bucket/config.yaml /app/config.yaml'"]`,
    );
    const f = onlyFinding(ID, text);
    assert.match(f.message, /\(\["sh", "-c"\]\)/);
    assert.deepEqual(f.fixes, []);
  });

  test('other images with a tool ENTRYPOINT: curlimages/curl with /bin/sh, an image pinned by digest', () => {
    const curl = `{
  "family": "fetch",
  "containerDefinitions": [
    { "name": "fetch-config", "image": "curlimages/curl:8.10.1", "essential": false, "command": ["/bin/sh", "-c", "curl -fsS -o /config/app.json http://config.internal/app.json"] },
    { "name": "app", "image": "shop/app:1" }
  ]
}
`;
    const f = onlyFinding(ID, curl);
    assert.match(f.message, /ENTRYPOINT `curl`/);
    const fixed = applyFix(curl, f);
    assert.equal(
      fixed,
      `{
  "family": "fetch",
  "containerDefinitions": [
    { "name": "fetch-config", "image": "curlimages/curl:8.10.1", "essential": false, "command": ["curl -fsS -o /config/app.json http://config.internal/app.json"], "entryPoint": ["/bin/sh", "-c"] },
    { "name": "app", "image": "shop/app:1" }
  ]
}
`,
    );
    const digest = INIT.replace(
      'amazon/aws-cli:latest',
      'amazon/aws-cli@sha256:4b2f4c7bd0a1b5e3d6c2ce5ab8d0e13c4a1f06f26b1c1f3e2a9b8d7c6e5f4a3b',
    );
    assert.equal(findingsOf(ID, digest).length, 1);
  });

  test('does not fire when entryPoint is set, when the command is aws arguments, or on a placeholder image', () => {
    assert.deepEqual(
      findingsOf(
        ID,
        INIT.replace('"command": ["sh", "-c", ', '"entryPoint": ["sh", "-c"],\n      "command": ['),
      ),
      [],
    );
    assert.deepEqual(
      findingsOf(
        ID,
        INIT.replace(
          `["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`,
          '["s3", "cp", "s3://my-bucket/config.yaml", "/app/config.yaml"]',
        ),
      ),
      [],
    );
    assert.deepEqual(findingsOf(ID, INIT.replace('amazon/aws-cli:latest', '${INIT_IMAGE}')), []);
    assert.deepEqual(findingsOf(ID, INIT.replace('amazon/aws-cli:latest', 'alpine:3.20')), []);
  });

  describe('does not fire on correct task definitions', () => {
    for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
