/**
 * The Terraform reader: every `aws_ecs_task_definition` resource of a .tf file becomes a task
 * definition in register-task-definition's names, located at the user's own text; what the file
 * does not spell out is a placeholder; heredocs of JSON are read at their offsets in the file.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  HCL_SYNTAX,
  JSON_SYNTAX,
  keyOf,
  properties,
  syntaxFindings,
  type Analysis,
  type Node,
} from '../../../server/src/engine/index';
import { analyzeTf, terraformReady } from '../../support/terraform';
import { plainTree } from '../../support/trees';

before(terraformReady);

const WEB = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = "512"
  execution_role_arn       = aws_iam_role.exec.arn

  container_definitions = jsonencode([
    {
      name        = "init"
      image       = "busybox:1.36"
      essential   = false
      command     = ["sh", "-c", "echo ok > /data/ready"]
      mountPoints = [{ sourceVolume = "data", containerPath = "/data" }]
    },
    {
      name        = "app"
      "image"     = "nginx:\${var.tag}"
      essential   = true
      dependsOn   = [{ containerName = "init", condition = "SUCCESS" }]
      mountPoints = [{ sourceVolume = "data", containerPath = "/data", readOnly = true }]
    }
  ])

  volume {
    name = "data"
  }
}
`;

function text(a: Analysis, n: { offset: number; length: number } | undefined): string {
  assert.ok(n);
  return a.source.text.slice(n.offset, n.offset + n.length);
}

function property(obj: Node | undefined, key: string): Node {
  const p = properties(obj).find((x) => keyOf(x) === key);
  assert.ok(p, `property ${key}`);
  return p;
}

describe('a resource with jsonencode', () => {
  test('is one task definition, named by its address, at its own text', () => {
    const a = analyzeTf(WEB);
    assert.equal(a.isTaskDefinition, true);
    assert.equal(a.definitions.length, 1);
    const input = a.definitions[0]!.input;
    assert.equal(input.name, 'aws_ecs_task_definition.web');
    assert.equal(text(a, input.nameSpan), '"web"');
    assert.ok(text(a, input.span).startsWith('resource "aws_ecs_task_definition" "web" {'));
    assert.ok(text(a, input.span).endsWith('}'));
    assert.deepEqual(syntaxFindings(a.file), []);
  });

  test("task arguments are the API's fields, keys at the user's snake_case text", () => {
    const a = analyzeTf(WEB);
    const task = a.definitions[0]!.input.taskNode;
    const mode = property(task, 'networkMode');
    assert.equal(text(a, mode.children![0]), 'network_mode');
    assert.equal(mode.children![1]!.value, 'awsvpc');
    assert.equal(
      text(a, property(task, 'requiresCompatibilities').children![0]),
      'requires_compatibilities',
    );
    // The provider takes cpu and memory as strings; Terraform converts a number.
    assert.equal(property(task, 'cpu').children![1]!.value, '256');
    assert.equal(property(task, 'memory').children![1]!.value, '512');
    const model = a.model!;
    assert.deepEqual([...model.launchTypes], ['FARGATE']);
    assert.equal(model.networkMode, 'awsvpc');
    assert.equal(model.family?.value, 'web');
  });

  test('a reference is present but unknown: a placeholder spanning the expression', () => {
    const a = analyzeTf(WEB);
    const role = a.model!.executionRoleArnNode!;
    assert.equal(role.value, '${aws_iam_role.exec.arn}');
    assert.equal(text(a, role), 'aws_iam_role.exec.arn');
  });

  test('containers keep the names they are written with; a template string keeps its placeholder', () => {
    const a = analyzeTf(WEB);
    const [init, app] = a.model!.containers;
    assert.equal(init!.name?.value, 'init');
    assert.equal(init!.essential, false);
    assert.deepEqual(init!.command, ['sh', '-c', 'echo ok > /data/ready']);
    assert.equal(app!.image?.value, 'nginx:${var.tag}');
    assert.equal(text(a, property(app!.node, 'image').children![0]), '"image"');
    assert.equal(app!.dependsOn[0]!.containerName?.value, 'init');
    assert.equal(app!.dependsOn[0]!.condition?.value, 'SUCCESS');
    assert.equal(text(a, app!.dependsOn[0]!.condition!.node), '"SUCCESS"');
    assert.equal(a.model!.volumes[0]!.name?.value, 'data');
  });

  test('a correct task definition has no error and no warning', () => {
    const loud = analyzeTf(WEB).findings.filter(
      (f) => f.severity === 'error' || f.severity === 'warning',
    );
    assert.deepEqual(
      loud.map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });

  test('findings sit on the HCL text: SUCCESS on an essential container', () => {
    const broken = WEB.replace('essential   = false', 'essential   = true');
    const a = analyzeTf(broken);
    const f = a.findings.find((x) => x.code === 'completion-condition-on-essential');
    assert.ok(f, a.findings.map((x) => x.code).join(', '));
    const start = a.source.offsetAt(f.range.start);
    assert.equal(broken.slice(start, a.source.offsetAt(f.range.end)), '"SUCCESS"');
  });
});

describe('what the file does not spell out', () => {
  const withDeps = (deps: string) =>
    WEB.replace(
      'dependsOn   = [{ containerName = "init", condition = "SUCCESS" }]',
      `dependsOn   = ${deps}`,
    );

  test('a conditional, a for expression, a variable: an open dependsOn, no finding it could change', () => {
    for (const deps of [
      'var.with_init ? [{ containerName = "init", condition = "SUCCESS" }] : []',
      '[for d in var.deps : { containerName = d, condition = "START" }]',
      'var.dependencies',
      'local.deps',
    ]) {
      const a = analyzeTf(withDeps(deps));
      const app = a.model!.byName.get('app')!;
      assert.equal(app.dependsOnOpen, true, deps);
      assert.deepEqual(
        a.findings.map((f) => f.code),
        [],
        deps,
      );
    }
  });

  test('concat keeps the containers it spells out and makes the list open', () => {
    const tf = WEB.replace('jsonencode([', 'jsonencode(concat([').replace(
      '  ])\n',
      '  ], var.sidecars))\n',
    );
    const a = analyzeTf(tf);
    assert.deepEqual(
      a.model!.containers.map((c) => c.id),
      ['init', 'app'],
    );
    assert.equal(a.model!.containersOpen, true);
  });

  test('flatten(concat(...)) splices its tuples', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode(flatten(concat(local.defs, [{ name = "a", image = "a:1", memory = 128 }], [[{ name = "b", image = "b:1", memory = 128 }]])))
}`;
    const a = analyzeTf(tf);
    assert.deepEqual(
      a.model!.containers.map((c) => c.id),
      ['a', 'b'],
    );
    assert.equal(a.model!.containersOpen, true);
  });

  test('file(), templatefile() and references give no containers, and no finding about them', () => {
    for (const defs of [
      'file("task-definitions/service.json")',
      'templatefile("${path.module}/app.json", { tag = var.tag })',
      'local.container_definitions',
      'module.app.json',
      '"[${module.a.json_map},${module.b.json_map}]"',
    ]) {
      const tf = `resource "aws_ecs_task_definition" "t" {
  family                   = "t"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = ${defs}
}`;
      const a = analyzeTf(tf);
      assert.equal(a.model!.containers.length, 0, defs);
      assert.equal(a.model!.containersOpen, true, defs);
      assert.deepEqual(
        a.findings.map((f) => f.code),
        [],
        defs,
      );
    }
  });

  test('a dynamic volume block makes the volumes open', () => {
    const tf = WEB.replace(
      '  volume {\n    name = "data"\n  }',
      '  dynamic "volume" {\n    for_each = var.volumes\n    content {\n      name = volume.value\n    }\n  }',
    );
    const a = analyzeTf(tf);
    assert.equal(a.model!.volumesOpen, true);
    assert.equal(a.findings.filter((f) => f.code === 'unknown-volume').length, 0);
  });

  test('long expressions are shortened, and two stay apart', () => {
    const long = (suffix: string) =>
      `format("%s-%s-%s", var.a_rather_long_prefix_for_names, var.another_long_part, "${suffix}")`;
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    { name = ${long('app')}, image = "a:1", memory = 128 },
    { name = ${long('sidecar')}, image = "b:1", memory = 128 },
  ])
}`;
    const a = analyzeTf(tf);
    const [one, two] = a.model!.containers.map((c) => c.name!.value);
    assert.ok(one!.length < 80 && one!.startsWith('${format('), one);
    assert.notEqual(one, two);
    assert.deepEqual(
      a.findings.map((f) => f.code),
      [],
    );
  });
});

describe('blocks', () => {
  test('volume blocks: host_path is host.sourcePath, efs configuration in API names', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([{ name = "a", image = "a:1", memory = 128 }])
  volume {
    name      = "host"
    host_path = "/var/data"
  }
  volume {
    name = "efs"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.fs.id
      transit_encryption = "ENABLED"
      authorization_config {
        iam = "ENABLED"
      }
    }
  }
  runtime_platform {
    cpu_architecture = "ARM64"
  }
  proxy_configuration {
    container_name = "envoy"
    properties = {
      AppPorts = "8080"
    }
  }
}`;
    const a = analyzeTf(tf);
    const [host, efs] = a.model!.volumes;
    assert.equal(host!.hostSourcePathNode?.value, '/var/data');
    assert.equal(text(a, host!.hostSourcePathNode), '"/var/data"');
    const efsConfig = efs!.efsVolumeConfigurationNode!;
    assert.equal(
      property(efsConfig, 'fileSystemId').children![1]!.value,
      '${aws_efs_file_system.fs.id}',
    );
    assert.equal(
      property(property(efsConfig, 'authorizationConfig').children![1], 'iam').children![1]!.value,
      'ENABLED',
    );
    const task = a.definitions[0]!.input.taskNode;
    const platform = property(task, 'runtimePlatform').children![1];
    assert.equal(property(platform, 'cpuArchitecture').children![1]!.value, 'ARM64');
    const proxy = property(task, 'proxyConfiguration').children![1];
    assert.equal(property(proxy, 'containerName').children![1]!.value, 'envoy');
    const pair = property(proxy, 'properties').children![1]!.children![0];
    assert.equal(property(pair, 'name').children![1]!.value, 'AppPorts');
    assert.equal(property(pair, 'value').children![1]!.value, '8080');
  });

  test('arguments and blocks Terraform does not send are not read', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family       = "t"
  skip_destroy = true
  track_latest = true
  tags         = { team = "a" }
  lifecycle {
    create_before_destroy = true
  }
  container_definitions = jsonencode([{ name = "a", image = "a:1", memory = 128 }])
}`;
    const a = analyzeTf(tf);
    assert.deepEqual(properties(a.definitions[0]!.input.taskNode).map(keyOf), [
      'family',
      'containerDefinitions',
    ]);
  });
});

describe('several resources in one file', () => {
  const TWO = `${WEB}
resource "aws_iam_role" "exec" {
  name = "exec"
}

${WEB.replace('"web"', '"worker"').replace('family                   = "web"', 'family                   = "worker"')}`;

  test('each is its own task definition; messages name the resource', () => {
    const a = analyzeTf(TWO.replace(/essential   = false/g, 'essential   = true'));
    assert.deepEqual(
      a.definitions.map((d) => d.input.name),
      ['aws_ecs_task_definition.web', 'aws_ecs_task_definition.worker'],
    );
    const messages = a.findings
      .filter((f) => f.code === 'completion-condition-on-essential')
      .map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.ok(messages[0]!.startsWith('aws_ecs_task_definition.web: '));
    assert.ok(messages[1]!.startsWith('aws_ecs_task_definition.worker: '));
  });

  test('definitionAt finds the resource under the cursor', () => {
    const a = analyzeTf(TWO);
    assert.equal(
      a.definitionAt(TWO.indexOf('"worker"'))?.input.name,
      'aws_ecs_task_definition.worker',
    );
    assert.equal(a.definitionAt(TWO.indexOf('"exec" {')), undefined);
  });

  test('a file without the resource is not a task definition', () => {
    const a = analyzeTf('resource "aws_iam_role" "exec" {\n  name = "exec"\n}\n');
    assert.equal(a.isTaskDefinition, false);
    assert.equal(a.file.notRecognised, 'no aws_ecs_task_definition resource');
  });
});

describe('heredocs of JSON', () => {
  const HEREDOC = `resource "aws_ecs_task_definition" "app" {
  family                   = "\${var.prefix}-task"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "\${var.fargate_cpu}"
  memory                   = "\${var.fargate_memory}"
  execution_role_arn       = "\${aws_iam_role.exec.arn}"

  container_definitions = <<DEFINITION
[
  {
    "cpu": \${var.fargate_cpu},
    "image": "\${var.app_image}",
    "name": "\${var.prefix}-container",
    "environment": \${var.container_env},
    "essential": true,
    "portMappings": [{ "containerPort": \${var.app_port}, "hostPort": \${var.app_port} }]
  },
  {
    "name": "init",
    "image": "busybox:1.36",
    "command": ["sh", "-c", "echo $\${HOME} > /tmp/x"],
    "essential": true
  }
]
DEFINITION
}
`;

  test('the JSON inside is read at its offsets in the file, interpolations as placeholders', () => {
    const a = analyzeTf(HEREDOC);
    const [app, init] = a.model!.containers;
    assert.equal(app!.name?.value, '${var.prefix}-container');
    assert.equal(text(a, app!.nameNode), '"${var.prefix}-container"');
    assert.equal(app!.image?.value, '${var.app_image}');
    const cpu = property(app!.node, 'cpu').children![1]!;
    assert.equal(cpu.value, '${var.fargate_cpu}');
    assert.equal(text(a, cpu), '${var.fargate_cpu}');
    assert.equal(app!.portMappings[0]!.containerPort, undefined);
    // $${ is a literal ${ in a heredoc.
    assert.deepEqual(init!.command, ['sh', '-c', 'echo ${HOME} > /tmp/x']);
    assert.deepEqual(syntaxFindings(a.file), []);
  });

  test('findings land inside the heredoc, and messages spell container fields as JSON', () => {
    const a = analyzeTf(HEREDOC);
    const f = a.findings.find(
      (x) => x.code === 'no-essential-container' || x.code === 'essential-init-container',
    );
    assert.equal(a.file.spelling.pair('essential', false), '"essential": false');
    assert.equal(a.file.spelling.pair('networkMode', 'awsvpc'), 'network_mode = "awsvpc"');
    if (f) assert.ok(a.source.offsetAt(f.range.start) > HEREDOC.indexOf('<<DEFINITION'));
  });

  test('<<- with an indented body and closing marker', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = <<-EOT
    [
      { "name": "a", "image": "a:1", "memory": 128, "essential": true }
    ]
  EOT
}`;
    const a = analyzeTf(tf);
    assert.equal(a.model!.containers[0]!.name?.value, 'a');
    assert.equal(text(a, a.model!.containers[0]!.nameNode), '"a"');
  });

  test('template directives build the JSON at plan time: nothing to read, nothing reported', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = <<EOT
[
%{ for c in var.containers ~}
  { "name": "\${c}", "image": "x:1" },
%{ endfor ~}
  { "name": "last", "image": "y:1", "essential": true }
]
EOT
}`;
    const a = analyzeTf(tf);
    assert.equal(a.model!.containers.length, 0);
    assert.equal(a.model!.containersOpen, true);
    assert.deepEqual(
      [...syntaxFindings(a.file), ...a.findings].map((f) => f.code),
      [],
    );
  });

  test('broken JSON: the first error, once', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = <<EOT
[
  {
    "name": "a",
    "image": "a:1",
      portMappings = [
        { containerPort = 80 }
  }
]
EOT
}`;
    const a = analyzeTf(tf);
    const syntax = syntaxFindings(a.file);
    assert.deepEqual(
      syntax.map((f) => f.code),
      [JSON_SYNTAX],
    );
    assert.equal(syntax[0]!.range.start.line, 7);
    assert.match(syntax[0]!.message, /JSON syntax in the heredoc/);
  });

  test('JSON that parses only once Terraform fills the interpolations in: silence', () => {
    const tf = `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = <<EOT
[{ "name": "a", "image": "a:1" \${local.more_fields} }]
EOT
}`;
    const a = analyzeTf(tf);
    assert.deepEqual(
      [...syntaxFindings(a.file), ...a.findings].map((f) => f.code),
      [],
    );
    assert.equal(a.model!.containersOpen, true);
  });

  test('other heredocs (IAM policies) are not read', () => {
    const tf = `resource "aws_iam_role" "r" {
  assume_role_policy = <<EOF
{ "Version": "2012-10-17" }
EOF
}
${HEREDOC}`;
    assert.equal(analyzeTf(tf).definitions.length, 1);
  });
});

describe('bad input', () => {
  test('half-typed HCL: an hcl-syntax problem in plain words, and the resource still read', () => {
    const tf = WEB.replace('  volume {\n    name = "data"\n  }\n}\n', '  volume {\n    name = "da');
    const a = analyzeTf(tf);
    const syntax = syntaxFindings(a.file);
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.every((f) => f.code === HCL_SYNTAX && /^HCL syntax: /.test(f.message)));
    assert.equal(a.definitions.length, 1);
    assert.deepEqual(
      a.model!.containers.map((c) => c.id),
      ['init', 'app'],
    );
  });

  test('unbalanced braces, unknown blocks, stray text: no crash, no rule failure', () => {
    for (const tf of [
      WEB.replace('jsonencode([', 'jsonencode([{'),
      WEB.replace('  ])\n', '  ]\n'),
      WEB.replace('volume {', 'volumee {'),
      WEB + '\n}}}\n',
      'resource "aws_ecs_task_definition" {',
      'resource "aws_ecs_task_definition" "x" { container_definitions = jsonencode(',
      '<<EOT\n',
      '',
      '{}'.repeat(1000),
      '['.repeat(5000),
      `resource "aws_ecs_task_definition" "x" {\n  container_definitions = jsonencode(${'['.repeat(3000)}${']'.repeat(3000)})\n}`,
    ]) {
      const a = analyzeTf(tf);
      assert.deepEqual(a.ruleFailures, [], tf.slice(0, 60));
    }
  });
});

describe('incremental parsing', () => {
  test('each version of an edited document reads as a fresh parse of it does', () => {
    const uri = 'file:///edited.tf';
    // Two resources: an edit in the first moves the second, which is taken from the last reading.
    let current = `${WEB}\n${WEB.replace('"web"', '"worker"')}`;
    const edits: [string, string][] = [
      ['essential   = false', 'essential   = true'],
      ['"init"', '"init-setup"'],
      ['  volume {', '  volumex {'],
      ['  volumex {', '  volume {'],
      ['\n', '\r\n'],
      ['é', 'é'],
      ['name = "data"', 'name = "dätä 😀"'],
    ];
    for (const [from, to] of edits) {
      current = current.replace(from, to);
      const incremental = analyzeTf(current, { uri });
      const fresh = analyzeTf(current);
      assert.deepEqual(
        incremental.findings.map((f) => [f.code, f.range]),
        fresh.findings.map((f) => [f.code, f.range]),
        `${from} → ${to}`,
      );
      assert.deepEqual(
        incremental.definitions.map((d) => plainTree(d.input.root)),
        fresh.definitions.map((d) => plainTree(d.input.root)),
      );
      // Fixes are built from the moved trees too.
      assert.deepEqual(
        incremental.findings.map((f) => f.fixes),
        fresh.findings.map((f) => f.fixes),
      );
    }
  });
});

describe('values as the provider types them', () => {
  /** The task definition as plain JSON, as the rules read it. */
  function taskValue(tf: string): unknown {
    const a = analyzeTf(tf);
    return JSON.parse(JSON.stringify(valueOfNode(a.definitions[0]!.input.taskNode!))) as unknown;
  }

  function valueOfNode(n: Node): unknown {
    if (n.type === 'object')
      return Object.fromEntries(properties(n).map((p) => [keyOf(p), valueOfNode(p.children![1]!)]));
    if (n.type === 'array') return n.children!.map(valueOfNode);
    return n.value;
  }

  test('literals take the argument’s type, as Terraform converts them', () => {
    assert.deepEqual(
      taskValue(`resource "aws_ecs_task_definition" "t" {
  family                   = "t"
  cpu                      = 256
  memory                   = true
  requires_compatibilities = [1, true, "FARGATE"]
  enable_fault_injection   = "false"
  volume {
    name                = "efs"
    configure_at_launch = "true"
    efs_volume_configuration {
      file_system_id          = "fs-1"
      transit_encryption_port = " 2049 "
    }
  }
  volume {
    name                = "odd"
    configure_at_launch = "yes"
    efs_volume_configuration {
      transit_encryption_port = "2049a"
    }
  }
  ephemeral_storage {
    size_in_gib = null
  }
}`),
      {
        family: 't',
        cpu: '256',
        memory: 'true',
        requiresCompatibilities: ['1', 'true', 'FARGATE'],
        enableFaultInjection: false,
        volumes: [
          {
            name: 'efs',
            configuredAtLaunch: true,
            efsVolumeConfiguration: { fileSystemId: 'fs-1', transitEncryptionPort: 2049 },
          },
          {
            name: 'odd',
            configuredAtLaunch: 'yes',
            efsVolumeConfiguration: { transitEncryptionPort: '2049a' },
          },
        ],
        ephemeralStorage: { sizeInGiB: null },
      },
    );
  });

  test('tolist, toset and flatten keep their tuples; other calls are placeholders', () => {
    const value = taskValue(`resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode(tolist([
    {
      name       = "a"
      links      = toset(["db"])
      dnsServers = flatten([["10.0.0.2"], "10.0.0.3"])
      command    = flatten(["sh"], ["-c"])
      entryPoint = tolist(var.entry)
      (var.other) = 2
    },
  ]))
}`) as { containerDefinitions: Record<string, unknown>[] };
    assert.deepEqual(value.containerDefinitions[0], {
      name: 'a',
      links: ['db'],
      dnsServers: ['10.0.0.2', '10.0.0.3'],
      command: '${flatten(["sh"], ["-c"])}',
      entryPoint: '${tolist(var.entry)}',
      '${(var.other)}': 2,
    });
  });

  test('references where a list or a map belongs, a dynamic single block, deep nesting', () => {
    const deep = `${'['.repeat(120)}1${']'.repeat(120)}`;
    const value = taskValue(`resource "aws_ecs_task_definition" "t" {
  family                   = "t"
  requires_compatibilities = var.compatibilities
  proxy_configuration {
    properties = var.properties
  }
  dynamic "runtime_platform" {
    for_each = var.platforms
    content {
      cpu_architecture = runtime_platform.value
    }
  }
  container_definitions = jsonencode([{ name = "a", command = ${deep}, entryPoint = <<EOT
EOT
  }])
}`) as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };
    assert.equal(value.requiresCompatibilities, '${var.compatibilities}');
    assert.deepEqual(value.proxyConfiguration, { properties: '${var.properties}' });
    assert.match(String(value.runtimePlatform), /^\$\{dynamic "runtime_platform"/);
    let command = value.containerDefinitions[0]!.command;
    let depth = 0;
    while (Array.isArray(command)) {
      command = command[0] as unknown;
      depth++;
    }
    assert.ok(depth > 90 && depth < 110, `${depth} levels read`);
    assert.match(String(command), /^\$\{/);
    assert.equal(value.containerDefinitions[0]!.entryPoint, '');
  });

  test('a heredoc string: its lines, <<- without their common indentation, directives unknown', () => {
    const value = taskValue(`resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    {
      name    = "a"
      command = ["sh", "-c", <<-EOT
        cp /src/\${var.file} /data
          echo done
        EOT
      ]
      entryPoint = [<<EOT
  kept as written
EOT
      ]
      hostname = <<-EOT
        %{ if var.x }a%{ endif }
        EOT
      workingDirectory = "%{ if var.x }/a%{ endif }"
    },
  ])
}`) as { containerDefinitions: Record<string, unknown>[] };
    const container = value.containerDefinitions[0]!;
    assert.deepEqual(container.command, ['sh', '-c', 'cp /src/${var.file} /data\n  echo done\n']);
    assert.deepEqual(container.entryPoint, ['  kept as written\n']);
    assert.match(String(container.hostname), /^\$\{/);
    assert.match(String(container.workingDirectory), /^\$\{/);
  });
});
