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
import { applyOffsetEdits, type OffsetEdit } from '../../../server/src/engine/formats/json/edits';
import {
  applyTextEdits,
  fixAll,
  keyOf,
  properties,
  syntaxFindings,
  type Finding,
  type Node,
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

describe('the editor, edit by edit: HCL in the object’s or block’s own layout', () => {
  const HEAD = 'resource "aws_ecs_task_definition" "t" {\n  family = "t"\n';

  /** The editor on `text`, the task's node and the value of a path of API names in it. */
  function on(text: string) {
    const a = analyzeTf(text);
    const task = a.definitions[0]!.input.taskNode!;
    const at = (...path: (string | number)[]): Node => {
      let node = task;
      for (const step of path)
        node =
          typeof step === 'number'
            ? node.children![step]!
            : properties(node).find((p) => keyOf(p) === step)!.children![1]!;
      return node;
    };
    const propertyAt = (key: string, ...path: (string | number)[]) =>
      properties(at(...path)).find((p) => keyOf(p) === key)!;
    return { edit: a.file.editor, task, at, propertyAt };
  }

  /** The text after the edits, which must be allowed and leave valid HCL. */
  function after(text: string, build: (e: ReturnType<typeof on>) => OffsetEdit[]): string {
    const edits = build(on(text));
    assert.ok(
      edits.every((e) => !e.invalid),
      'the edit can be made',
    );
    const result = applyOffsetEdits(text, edits);
    assert.deepEqual(syntaxFindings(analyzeTf(result).file), [], result);
    return result;
  }

  function refused(text: string, build: (e: ReturnType<typeof on>) => OffsetEdit[]): void {
    assert.ok(
      build(on(text)).some((e) => e.invalid),
      'the editor refuses',
    );
  }

  test('into an empty object on one line, and into one over two lines', () => {
    const text = `${HEAD}  container_definitions = jsonencode([
    {
      name             = "app"
      logConfiguration = {}
      healthCheck = {
      }
    },
  ])
}
`;
    assert.equal(
      after(text, ({ edit, at }) => [
        ...edit.setProperty(
          at('containerDefinitions', 0, 'logConfiguration'),
          'logDriver',
          'awslogs',
        ),
        ...edit.setProperty(at('containerDefinitions', 0, 'healthCheck'), 'command', [
          'CMD',
          'true',
        ]),
      ]),
      `${HEAD}  container_definitions = jsonencode([
    {
      name             = "app"
      logConfiguration = { logDriver = "awslogs" }
      healthCheck = {
        command = ["CMD", "true"]
      }
    },
  ])
}
`,
    );
    const comment = text.replace('healthCheck = {\n', 'healthCheck = { # later\n');
    refused(comment, ({ edit, at }) =>
      edit.setProperty(at('containerDefinitions', 0, 'healthCheck'), 'retries', 3),
    );
  });

  test('after the anchor: past its comment, its comma kept for the new element', () => {
    const text = `${HEAD}  container_definitions = jsonencode([
    {
      name  = "app" # the app
      image = "app:1"
    },
    {
      "name" : "init", // the init
      "image" : "busybox:1.36", /* pinned */
      "memory" : 128,
    },
  ])
}
`;
    assert.equal(
      after(text, ({ edit, at }) => [
        ...edit.setProperty(at('containerDefinitions', 0), 'essential', true, { after: ['name'] }),
        ...edit.setProperty(at('containerDefinitions', 1), 'essential', false, {
          after: ['image', 'name'],
        }),
        ...edit.setProperty(at('containerDefinitions', 1), 'cpu', 64, { after: ['name'] }),
      ]),
      `${HEAD}  container_definitions = jsonencode([
    {
      name  = "app" # the app
      essential = true
      image = "app:1"
    },
    {
      "name" : "init", // the init
      "cpu" : 64,
      "image" : "busybox:1.36", /* pinned */
      "essential" : false,
      "memory" : 128,
    },
  ])
}
`,
    );
  });

  test('on the line of the closing brace: after the last element, its trailing comma kept', () => {
    const text = `${HEAD}  container_definitions = jsonencode([
    { name = "app", image = "app:1", },
    {
      name = "init",
      image = "busybox:1.36" },
  ])
}
`;
    assert.equal(
      after(text, ({ edit, at }) => [
        ...edit.setProperty(at('containerDefinitions', 0), 'essential', true),
        ...edit.setProperty(at('containerDefinitions', 1), 'essential', false),
      ]),
      `${HEAD}  container_definitions = jsonencode([
    { name = "app", image = "app:1", essential = true, },
    {
      name = "init",
      image = "busybox:1.36", essential = false },
  ])
}
`,
    );
  });

  test('tuples: into an empty one, after a last element with a comment, a comma or neither', () => {
    const text = `${HEAD}  container_definitions = jsonencode([
    {
      name = "app"
      links = []
      dnsServers = [
        "10.0.0.2" # the resolver
      ]
      dnsSearchDomains = [
        "a.internal",
      ]
      entryPoint = [
        "sh"
      ]
    },
  ])
}
`;
    assert.equal(
      after(text, ({ edit, at }) => [
        ...edit.appendToArray(at('containerDefinitions', 0, 'links'), 'db'),
        ...edit.appendToArray(at('containerDefinitions', 0, 'dnsServers'), '10.0.0.3'),
        ...edit.appendToArray(at('containerDefinitions', 0, 'dnsSearchDomains'), 'b.internal'),
        ...edit.appendToArray(at('containerDefinitions', 0, 'entryPoint'), '-c'),
      ]),
      `${HEAD}  container_definitions = jsonencode([
    {
      name = "app"
      links = ["db"]
      dnsServers = [
        "10.0.0.2", # the resolver
        "10.0.0.3"
      ]
      dnsSearchDomains = [
        "a.internal",
        "b.internal",
      ]
      entryPoint = [
        "sh",
        "-c"
      ]
    },
  ])
}
`,
    );
  });

  test('a long element goes on lines of its own, in an empty tuple too', () => {
    const entry = {
      containerName: 'database-migrations',
      condition: 'SUCCESS',
      note: 'x'.repeat(40),
    };
    const text = `${HEAD}  container_definitions = jsonencode([
    {
      name = "app"
      dependsOn = []
    },
  ])
}
`;
    assert.equal(
      after(text, ({ edit, at }) =>
        edit.appendToArray(at('containerDefinitions', 0, 'dependsOn'), entry),
      ),
      `${HEAD}  container_definitions = jsonencode([
    {
      name = "app"
      dependsOn = [
        {
          containerName = "database-migrations"
          condition = "SUCCESS"
          note = "${'x'.repeat(40)}"
        },
      ]
    },
  ])
}
`,
    );
  });

  test('blocks: into an empty one-line block, after an anchor with a blank line, name-value maps', () => {
    const text = `${HEAD}  cpu    = 256
  runtime_platform {}
}
`;
    assert.equal(
      after(text, ({ edit, task, at }) => [
        ...edit.setProperty(at('runtimePlatform'), 'cpuArchitecture', 'ARM64'),
        ...edit.setProperty(task, 'ephemeralStorage', { sizeInGiB: 30 }, { after: ['family'] }),
        ...edit.setProperty(task, 'proxyConfiguration', {
          type: 'APPMESH',
          containerName: 'envoy',
          properties: [{ name: 'IgnoredUID', value: '1337' }],
        }),
      ]),
      `${HEAD}
  ephemeral_storage {
    size_in_gib = 30
  }
  cpu    = 256
  runtime_platform {
    cpu_architecture = "ARM64"
  }

  proxy_configuration {
    type = "APPMESH"
    container_name = "envoy"
    properties = { IgnoredUID = "1337" }
  }
}
`,
    );
  });

  test('a volume block after the last, its host path as host_path; removed again', () => {
    const text = `${HEAD}
  volume {
    name = "data"
  }
}
`;
    const added = after(text, ({ edit, task }) =>
      edit.addToArrayProperty(task, 'volumes', { name: 'logs', host: { sourcePath: '/var/log' } }),
    );
    assert.equal(
      added,
      `${HEAD}
  volume {
    name = "data"
  }

  volume {
    name = "logs"
    host_path = "/var/log"
  }
}
`,
    );
    assert.equal(
      after(added, ({ edit, propertyAt }) => [
        ...edit.removeProperty(propertyAt('sourcePath', 'volumes', 1, 'host')),
      ]),
      `${HEAD}
  volume {
    name = "data"
  }

  volume {
    name = "logs"
  }
}
`,
    );
    assert.equal(
      after(added, ({ edit, at }) => edit.deleteArrayElements(at('volumes'), 0, 1)),
      `${HEAD}

  volume {
    name = "logs"
    host_path = "/var/log"
  }
}
`,
    );
  });

  test('what has no HCL form, or no place, is refused', () => {
    refused(`${HEAD}  ipc_mode = "host" }\n`, ({ edit, task }) =>
      edit.setProperty(task, 'pidMode', 'host'),
    );
    refused(`${HEAD}}\n`, ({ edit, task }) => edit.setProperty(task, 'notAField', 1));
    refused(`${HEAD}}\n`, ({ edit, task }) =>
      edit.setProperty(task, 'volumes', [{ name: 'data', notAField: 1 }]),
    );
    refused(`${HEAD}}\n`, ({ edit, task }) => edit.setProperty(task, 'volumes', { name: 'x' }));
    refused(`${HEAD}}\n`, ({ edit, task }) =>
      edit.setProperty(task, 'proxyConfiguration', { properties: [{ value: 'no name' }] }),
    );
    const volumes = `${HEAD}  volume {\n    name = "data"\n  }\n}\n`;
    refused(volumes, ({ edit, propertyAt }) => edit.removeProperty(propertyAt('volumes')));
    refused(volumes, ({ edit, at }) => edit.replaceValue(at('volumes', 0), { name: 'x' }));
    refused(volumes, ({ edit, at }) => edit.appendToArray(at('volumes'), 'not a block'));
    refused(volumes, ({ edit, propertyAt }) =>
      edit.renameProperty(propertyAt('name', 'volumes', 0), 'label'),
    );
  });

  test('replacing values: a number where the provider takes a string stays a number; quotes kept', () => {
    const text = `${HEAD}  cpu    = 1024
  memory = "2048"
  container_definitions = jsonencode([
    {
      "name" : "app",
      "command" : ["sh"],
      "Essential" : true
    },
  ])
}
`;
    assert.equal(
      after(text, ({ edit, at, propertyAt }) => [
        ...edit.replaceValue(at('cpu'), '2048'),
        ...edit.replaceValue(at('memory'), '4096'),
        ...edit.replaceValue(at('containerDefinitions', 0, 'command'), ['sh', '-c']),
        ...edit.renameProperty(propertyAt('Essential', 'containerDefinitions', 0), 'essential'),
      ]),
      `${HEAD}  cpu    = 2048
  memory = "4096"
  container_definitions = jsonencode([
    {
      "name" : "app",
      "command" : ["sh", "-c"],
      "essential" : true
    },
  ])
}
`,
    );
  });
});

describe('values written as HCL', () => {
  const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    {
      name = "app"
    },
  ])
}
`;

  function written(value: unknown, key = 'command'): string {
    const a = analyzeTf(text);
    const container = a.definitions[0]!.input.containersNode!.children![0]!;
    const edits = a.file.editor.setProperty(container, key, value);
    const after = applyOffsetEdits(text, edits);
    assert.deepEqual(syntaxFindings(analyzeTf(after).file), [], after);
    const line = after.split('\n').findIndex((l) => l.includes(`name = "app"`));
    return after
      .split('\n')
      .slice(line + 1, after.split('\n').lastIndexOf('    },'))
      .join('\n');
  }

  test('strings escaped, with ${ and %{ kept literal: read back as the same strings', () => {
    const strings = ['say "hi"', 'C:\\tmp', 'a\nb\r\tc', '${HOME}', '%{x}'];
    const a = analyzeTf(text);
    const container = a.definitions[0]!.input.containersNode!.children![0]!;
    const after = applyOffsetEdits(text, a.file.editor.setProperty(container, 'command', strings));
    const read = analyzeTf(after).definitions[0]!.input.containersNode!.children![0]!;
    assert.deepEqual(
      properties(read)
        .find((p) => keyOf(p) === 'command')!
        .children![1]!.children!.map((n) => n.value),
      strings,
    );
    assert.equal(
      written(['say "hi"', 'C:\\tmp', 'a\nb\r\tc', '${HOME}', '%{x}']),
      '      command = ["say \\"hi\\"", "C:\\\\tmp", "a\\nb\\r\\tc", "$${HOME}", "%%{x}"]',
    );
  });

  test('keys that are not identifiers, or are literals, are quoted', () => {
    assert.equal(
      written(
        { 'com.example.team': 'web', true: 'x', null: 'y', _ok: 'z', 'a-b': 1 },
        'dockerLabels',
      ),
      '      dockerLabels = { "com.example.team" = "web", "true" = "x", "null" = "y", _ok = "z", a-b = 1 }',
    );
  });

  test('numbers, booleans, null, an empty object and empty lists on one line', () => {
    assert.equal(
      written({ a: 1.5, b: false, c: null, d: {}, e: [] }, 'dockerLabels'),
      '      dockerLabels = { a = 1.5, b = false, c = null, d = {}, e = [] }',
    );
  });

  test('up to 80 characters on one line; a long string stays one string; false as a key', () => {
    assert.equal(
      written({ a: 'x'.repeat(70) }, 'dockerLabels'),
      `      dockerLabels = { a = "${'x'.repeat(70)}" }`,
    );
    assert.equal(written('y'.repeat(90), 'hostname'), `      hostname = "${'y'.repeat(90)}"`);
    assert.equal(written({ false: 'n' }, 'dockerLabels'), '      dockerLabels = { "false" = "n" }');
  });

  test('past 80 characters: one element per line, nested objects too', () => {
    const long = 'x'.repeat(70);
    assert.equal(
      written(
        [
          { name: 'A', value: long },
          { name: 'B', value: 'b' },
        ],
        'environment',
      ),
      `      environment = [
        {
          name = "A"
          value = "${long}"
        },
        { name = "B", value = "b" },
      ]`,
    );
  });
});

describe('where an element goes after the anchor’s line', () => {
  function withEssential(text: string, index: number): string {
    const a = analyzeTf(text);
    const container = a.definitions[0]!.input.containersNode!.children![index]!;
    const edits = a.file.editor.setProperty(container, 'essential', true, { after: ['name'] });
    assert.ok(edits.every((e) => !e.invalid));
    const after = applyOffsetEdits(text, edits);
    assert.deepEqual(syntaxFindings(analyzeTf(after).file), [], after);
    return after;
  }

  test('past tabs, a // comment and a one-line /* */ comment; not into a comment over lines', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    {
      name = "a"\t,\t// the first
      image = "a:1"
    },
    {
      name = "b" /* the second */\t
      image = "b:1"
    },
    {
      name = "c" /* the third,
         over lines */
      image = "c:1"
    },
  ])
}
`;
    assert.ok(
      withEssential(text, 0).includes('name = "a"\t,\t// the first\n      essential = true,\n'),
    );
    assert.ok(
      withEssential(text, 1).includes('name = "b" /* the second */\n      essential = true\t\n'),
    );
    assert.ok(withEssential(text, 2).includes('      image = "c:1"\n      essential = true\n'));
  });

  test('in a heredoc, ${ and %{ in a new value stay literal', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = <<EOF
[
  {
    "name": "app",
    "image": "app:1"
  }
]
EOF
}
`;
    const a = analyzeTf(text);
    const container = a.definitions[0]!.input.containersNode!.children![0]!;
    const after = applyOffsetEdits(
      text,
      a.file.editor.setProperty(container, 'hostname', '${HOST}%{x}'),
    );
    assert.ok(after.includes('"hostname": "$${HOST}%%{x}"'), after);
    const read = analyzeTf(after).definitions[0]!.input.containersNode!.children![0]!;
    assert.equal(
      properties(read).find((p) => keyOf(p) === 'hostname')!.children![1]!.value,
      '${HOST}%{x}',
    );
  });
});
