/**
 * Fixes in Terraform files: every fix of every finding on the broken fixtures is applied, the text
 * parsed again and the engine run again: the text is valid HCL (and valid JSON in a heredoc), the
 * finding is gone, a safe fix brings no new finding, and no edit leaves the resource it is about.
 * The common fixes are compared as whole texts: HCL in the file's own style.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  applyTextEdits,
  fixAll,
  syntaxFindings,
  type Finding,
} from '../../../server/src/engine/index';
import { analyzeTf, terraformReady } from '../../support/terraform';

before(terraformReady);

const BROKEN = 'test/fixtures/terraform/broken';
const fixtures = readdirSync(BROKEN)
  .filter((f) => f.endsWith('.tf'))
  .map((f) => join(BROKEN, f));

const key = (f: Finding) => `${f.code}@${f.container ?? ''}`;

describe('every fix on the broken Terraform fixtures', () => {
  for (const path of fixtures) {
    test(path, () => {
      const text = readFileSync(path, 'utf8');
      const analysis = analyzeTf(text);
      assert.deepEqual(syntaxFindings(analysis.file), []);
      const fixes = analysis.findings.flatMap((f) => f.fixes.map((fix) => ({ finding: f, fix })));
      assert.ok(fixes.length >= 5, `${path} has fixes to check`);
      for (const { finding, fix } of fixes) {
        const what = `${finding.code}: ${fix.title}`;
        const definition = analysis.definitionAt(analysis.source.offsetAt(finding.range.start))!;
        const { offset, length } = definition.input.span;
        for (const e of fix.edits) {
          const start = analysis.source.offsetAt(e.range.start);
          assert.ok(
            start >= offset && analysis.source.offsetAt(e.range.end) <= offset + length,
            what,
          );
        }
        const after = analyzeTf(applyTextEdits(text, fix.edits));
        assert.deepEqual(
          syntaxFindings(after.file).map((s) => s.message),
          [],
          `${what} leaves valid text`,
        );
        const before = analysis.findings.map(key);
        const now = after.findings.map(key);
        assert.ok(
          now.filter((k) => k === key(finding)).length <
            before.filter((k) => k === key(finding)).length,
          `${what} removes its finding`,
        );
        if (fix.safe)
          assert.deepEqual(
            now.filter((k) => !before.includes(k)),
            [],
            `${what} brings no new finding`,
          );
      }
    });
  }

  test('fix-all gives valid HCL that has none of the fixed findings left', () => {
    for (const path of fixtures) {
      const text = readFileSync(path, 'utf8');
      const result = fixAll(text, { format: 'terraform' });
      assert.ok(result.applied.length > 0, path);
      const after = analyzeTf(result.text);
      assert.deepEqual(syntaxFindings(after.file), [], path);
      for (const { code } of result.applied)
        assert.ok(
          !after.findings.some((f) => f.code === code && f.fixes.some((x) => x.safe)),
          code,
        );
    }
  });
});

/** Apply the fix with this title of the finding with this code, and return the whole text. */
function fixed(text: string, code: string, title?: string): string {
  const finding = analyzeTf(text).findings.find((f) => f.code === code);
  assert.ok(finding, `a ${code} finding`);
  const fix = title ? finding.fixes.find((f) => f.title === title) : finding.fixes[0];
  assert.ok(fix, `${code}: ${finding.fixes.map((f) => f.title).join(' | ')}`);
  return applyTextEdits(text, fix.edits);
}

describe('fixes written as HCL in the file’s style', () => {
  const SEED = readFileSync(join(BROKEN, 'seed-jsonencode.tf'), 'utf8');

  test('essential = false, and a dependsOn entry at the container’s indentation', () => {
    assert.equal(
      fixed(SEED, 'essential-init-container'),
      SEED.replace(
        '      command   = ["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo \'Setup complete\'"]\n      essential = true',
        '      command   = ["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo \'Setup complete\'"]\n      essential = false',
      ).replace(
        '      image     = "my-docker-repo/my-app:v1.2.0"\n      essential = true',
        '      image     = "my-docker-repo/my-app:v1.2.0"\n      essential = true\n      dependsOn = [{ containerName = "init-setup", condition = "SUCCESS" }]',
      ),
    );
  });

  test('a task argument in snake_case after the anchor argument', () => {
    assert.equal(
      fixed(SEED, 'aws-cli-without-task-role'),
      SEED.replace(
        '  family                   = "my-app-with-init"\n',
        '  family                   = "my-app-with-init"\n  task_role_arn = "arn:aws:iam::<account-id>:role/<task-role-name>"\n',
      ),
    );
  });

  test('a volume block, and mount points in each container', () => {
    const after = fixed(SEED, 'init-output-not-shared');
    assert.ok(after.includes('  ])\n\n  volume {\n    name = "init-setup-data"\n  }\n}\n'));
    assert.equal(
      after.split('mountPoints = [{ sourceVolume = "init-setup-data", containerPath = "/app" }]')
        .length,
      3,
    );
  });

  test('quoted keys and `:` separators are kept where the object uses them', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    {
      "name" : "init",
      "image" : "busybox:1.36",
      "command" : ["sh", "-c", "echo hi > /data/x"],
      "memory" : 128,
    },
    {
      "name" : "app",
      "image" : "app:1",
      "memory" : 256,
      "command" : ["cat", "/data/x"],
    },
  ])
}
`;
    const after = fixed(text, 'essential-init-container');
    assert.ok(
      after.includes('      "image" : "busybox:1.36",\n      "essential" : false,\n'),
      after,
    );
    assert.ok(
      after.includes(
        '      "image" : "app:1",\n      "dependsOn" : [{ "containerName" : "init", "condition" : "SUCCESS" }],\n',
      ),
      after,
    );
  });

  test('one-line objects stay on one line', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    { name = "init", image = "busybox:1.36", memory = 128, command = ["sh", "-c", "echo hi > /data/x"] },
    { name = "app", image = "app:1", memory = 256, command = ["cat", "/data/x"] },
  ])
}
`;
    const after = fixed(text, 'essential-init-container');
    assert.ok(
      after.includes(
        '{ name = "init", image = "busybox:1.36", memory = 128, command = ["sh", "-c", "echo hi > /data/x"], essential = false },',
      ),
      after,
    );
    assert.ok(
      after.includes(
        '{ name = "app", image = "app:1", memory = 256, command = ["cat", "/data/x"], dependsOn = [{ containerName = "init", condition = "SUCCESS" }] },',
      ),
      after,
    );
  });

  test('a condition replaced in place; an existing dependsOn tuple gets one more entry', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    { name = "db", image = "postgres:16", memory = 256 },
    { name = "init", image = "busybox:1.36", memory = 128, essential = false, command = ["sh", "-c", "echo hi > /data/x"] },
    {
      name      = "app"
      image     = "app:1"
      memory    = 256
      command   = ["cat", "/data/x"]
      dependsOn = [
        { containerName = "db", condition = "START" },
      ]
    },
  ])
}
`;
    const after = fixed(text, 'init-not-awaited');
    assert.ok(
      after.includes(
        '      dependsOn = [\n        { containerName = "db", condition = "START" },\n        { containerName = "init", condition = "SUCCESS" },\n      ]',
      ),
      after,
    );
    const typo = text.replace('condition = "START"', 'condition = "start"');
    assert.ok(
      fixed(typo, 'dependency-invalid-condition').includes(
        '{ containerName = "db", condition = "START" }',
      ),
    );
  });

  test('in a heredoc, the JSON inside is edited as JSON', () => {
    const text = readFileSync(join(BROKEN, 'seed-heredoc.tf'), 'utf8');
    const after = fixed(text, 'essential-init-container');
    assert.ok(after.includes('    "essential": false,\n    "logConfiguration"'), after);
    assert.ok(
      after.includes('    "dependsOn": [\n      {\n        "containerName": "init-setup",'),
      after,
    );
    assert.ok(after.includes('"awslogs-region": "${var.region}"'), 'interpolations stay');
  });

  test('CRLF and tabs', () => {
    const text = SEED.replace(/\n/g, '\r\n').replace(/^( {2})+/gm, (m) =>
      '\t'.repeat(m.length / 2),
    );
    const after = fixed(text, 'essential-init-container');
    assert.ok(
      after.includes(
        '\t\t\tessential = true\r\n\t\t\tdependsOn = [{ containerName = "init-setup", condition = "SUCCESS" }]\r\n',
      ),
      JSON.stringify(after.slice(900, 1400)),
    );
    assert.ok(!/[^\r]\n/.test(after));
  });
});

describe('what the editor refuses: no fix rather than a broken one', () => {
  test('a list built by concat, a one-line block, a host_path read as host.sourcePath', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode(concat([
    { name = "init", image = "busybox:1.36", memory = 128, command = ["sh", "-c", "echo hi > /data/x"] },
    { name = "app", image = "app:1", memory = 256, command = ["cat", "/data/x"] },
  ], var.sidecars))
  volume { name = "data" }
}
`;
    const a = analyzeTf(text);
    const editor = a.file.editor;
    const task = a.definitions[0]!.input.taskNode!;
    const containers = a.definitions[0]!.input.containersNode!;
    assert.ok(editor.appendToArray(containers, { name: 'x' }).some((e) => e.invalid));
    const volume = a.model!.volumes[0]!.node;
    assert.ok(editor.insertProperty(volume, 'host', { sourcePath: '/x' }).some((e) => e.invalid));
    // The resource block itself takes new arguments.
    assert.ok(editor.insertProperty(task, 'taskRoleArn', 'arn:x').every((e) => !e.invalid));
  });
});
