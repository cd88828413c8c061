/**
 * Reading CloudFormation templates (YAML and JSON): each AWS::ECS::TaskDefinition resource is a
 * task definition in the API's names and CloudFormation's typing, at the template's own offsets;
 * intrinsic functions are placeholders; syntax errors are plain findings, never a crash.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getNodeValue } from 'jsonc-parser';
import { resolvePlain } from '../../../server/src/engine/formats/cloudformation/yamlTree';
import { analyze, readFile, syntaxFindings, type Node } from '../../../server/src/engine/index';

function read(text: string, uri?: string) {
  return readFile(text, { format: 'cloudformation', uri });
}

/** A node's value as plain JSON (getNodeValue builds objects without a prototype). */
function valueOf(node: Node): unknown {
  return JSON.parse(JSON.stringify(getNodeValue(node))) as unknown;
}

/** The task definitions' values, as the engine sees them. */
function values(text: string): unknown[] {
  return read(text).definitions.map((d) => valueOf(d.root));
}

function only(text: string): Record<string, unknown> {
  const all = values(text);
  assert.equal(all.length, 1);
  return all[0] as Record<string, unknown>;
}

const TEMPLATE = (properties: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
${properties}
`;

describe('names and types', () => {
  test('PascalCase properties become the API names, nested types by the table', () => {
    const task = only(
      TEMPLATE(`    Properties:
      Family: app
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          DependsOn:
            - ContainerName: init
              Condition: SUCCESS
      Volumes:
        - Name: efs
          EFSVolumeConfiguration:
            FilesystemId: fs-1
            AuthorizationConfig: {IAM: ENABLED}
      ProxyConfiguration:
        ContainerName: envoy
        ProxyConfigurationProperties:
          - Name: AppPorts
            Value: '8080'`),
    );
    assert.deepEqual(task, {
      family: 'app',
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx:1.27',
          dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }],
        },
      ],
      volumes: [
        {
          name: 'efs',
          efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { iam: 'ENABLED' } },
        },
      ],
      proxyConfiguration: {
        containerName: 'envoy',
        properties: [{ name: 'AppPorts', value: '8080' }],
      },
    });
  });

  test('scalars take the property type as CloudFormation converts them', () => {
    const task = only(
      TEMPLATE(`    Properties:
      Cpu: 256
      Memory: 0.5 GB
      ContainerDefinitions:
        - Name: app
          Essential: "false"
          ReadonlyRootFilesystem: yes
          Privileged: off
          Memory: '512'
          PortMappings:
            - ContainerPort: "80"
          Environment:
            - Name: PORT
              Value: 9080
            - Name: DEBUG
              Value: true`),
    );
    assert.deepEqual(task, {
      cpu: '256',
      memory: '0.5 GB',
      containerDefinitions: [
        {
          name: 'app',
          essential: false,
          readonlyRootFilesystem: true,
          privileged: false,
          memory: 512,
          portMappings: [{ containerPort: 80 }],
          environment: [
            { name: 'PORT', value: '9080' },
            { name: 'DEBUG', value: 'true' },
          ],
        },
      ],
    });
  });

  test('a quoted "yes" stays a string where a boolean belongs (cfn-lint rejects it)', () => {
    const task = only(
      TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: app
          Essential: "yes"`),
    );
    assert.deepEqual(task, { containerDefinitions: [{ name: 'app', essential: 'yes' }] });
  });

  test('free-form maps keep their keys and read their values as strings', () => {
    const task = only(
      TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: app
          DockerLabels: {Team: core, com.example.Tier: '1'}
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/app
              awslogs-create-group: true
              mode: non-blocking`),
    );
    assert.deepEqual(task, {
      containerDefinitions: [
        {
          name: 'app',
          dockerLabels: { Team: 'core', 'com.example.Tier': '1' },
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/app',
              'awslogs-create-group': 'true',
              mode: 'non-blocking',
            },
          },
        },
      ],
    });
  });

  test('a key CloudFormation does not know is not the API field it resembles', () => {
    const file = read(
      TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: app
          command: [echo]
          DependsOn:
            - containerName: init
              condition: START`),
    );
    const container = valueOf(file.definitions[0]!.containersNode!) as Record<string, unknown>[];
    assert.equal(container[0]!.command, undefined);
    assert.deepEqual(container[0]!.dependsOn, [
      { '?containerName': 'init', '?condition': 'START' },
    ]);
  });

  test('resource-level DependsOn, Condition and Metadata are not part of the task definition', () => {
    const task = only(`Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    DependsOn: [Role, LogGroup]
    Condition: IsProd
    Metadata: {Owner: me}
    Properties:
      ContainerDefinitions:
        - Name: app
`);
    assert.deepEqual(task, { containerDefinitions: [{ name: 'app' }] });
  });
});

describe('intrinsic functions', () => {
  test('short and long forms are the same placeholders; the same reference gives the same text', () => {
    const task = only(
      TEMPLATE(`    Properties:
      Cpu: !Ref TaskCpu
      Memory: {Ref: TaskMemory}
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      TaskRoleArn:
        Fn::GetAtt: [TaskRole, Arn]
      Family: !Sub '\${AWS::StackName}-app'
      ContainerDefinitions:
        - Name: !Ref Name
          Image: !Join [':', [!Ref Repo, !Ref Tag]]
          Command: !Split [' ', !Ref Cmd]
        - Name: sidecar
          DependsOn:
            - ContainerName: !Ref Name
              Condition: START
          Environment:
            - Name: URL
              Value: !Sub
                - 'http://\${Host}:\${Port}'
                - Host: localhost
                  Port: !Ref Port`),
    ) as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };
    assert.equal(task.cpu, '${Ref TaskCpu}');
    assert.equal(task.memory, '${Ref TaskMemory}');
    assert.equal(task.executionRoleArn, '${GetAtt ExecutionRole.Arn}');
    assert.equal(task.taskRoleArn, '${GetAtt TaskRole.Arn}');
    assert.equal(task.family, '${AWS::StackName}-app');
    const [app, sidecar] = task.containerDefinitions;
    assert.equal(app!.name, '${Ref Name}');
    assert.equal(app!.image, '${Join([:, [Ref Repo, Ref Tag]])}');
    assert.equal(app!.command, '${Split([ , Ref Cmd])}');
    assert.deepEqual(sidecar!.dependsOn, [{ containerName: '${Ref Name}', condition: 'START' }]);
    assert.deepEqual(sidecar!.environment, [{ name: 'URL', value: 'http://localhost:${Port}' }]);
  });

  test('a placeholder spans the whole intrinsic, its tag included', () => {
    const text = TEMPLATE(`    Properties:
      TaskRoleArn: !GetAtt   Role.Arn
      ExecutionRoleArn: !If
        - HasRole
        - !Ref Role
        - !Ref AWS::NoValue`);
    const task = read(text).definitions[0]!.taskNode!;
    const spans = (task.children ?? []).map((p) => {
      const v = p.children![1]!;
      return text.slice(v.offset, v.offset + v.length);
    });
    assert.deepEqual(spans, [
      '!GetAtt   Role.Arn',
      '!If\n        - HasRole\n        - !Ref Role\n        - !Ref AWS::NoValue',
    ]);
  });

  test('AWS::NoValue is absent, also as every branch of Fn::If and in lists', () => {
    const task = only(
      TEMPLATE(`    Properties:
      TaskRoleArn: !Ref AWS::NoValue
      ExecutionRoleArn: !If [C, !Ref AWS::NoValue, !Ref AWS::NoValue]
      ContainerDefinitions:
        - Name: app
          Essential: {Ref: AWS::NoValue}
          Links: [!Ref AWS::NoValue, db]
          EnvironmentFiles:
            - !If [HasEnv, {Type: s3, Value: arn}, !Ref AWS::NoValue]`),
    );
    assert.deepEqual(task, {
      containerDefinitions: [
        {
          name: 'app',
          links: ['db'],
          environmentFiles: ['${If([HasEnv, (Type: s3, Value: arn), Ref AWS::NoValue])}'],
        },
      ],
    });
  });

  test('an unknown tag is read as cfn-lint reads it (Fn::<name>): a placeholder, no error', () => {
    const text = TEMPLATE(`    Properties:
      Family: !Frobnicate x
      ContainerDefinitions:
        - Name: app`);
    const file = read(text);
    assert.deepEqual(file.syntaxErrors, []);
    assert.equal(
      (valueOf(file.definitions[0]!.root) as { family: string }).family,
      '${Frobnicate(x)}',
    );
  });
});

describe('values as CloudFormation converts them', () => {
  test('the six strings CloudFormation reads as booleans', () => {
    const containers = (
      only(
        TEMPLATE(`    Properties:
      ContainerDefinitions:
        - {Name: a, Essential: 'true', Privileged: 'True', ReadonlyRootFilesystem: 'TRUE'}
        - {Name: b, Essential: 'false', Privileged: 'False', ReadonlyRootFilesystem: 'FALSE'}
        - {Name: c, Essential: 'tRUE', Privileged: yes, ReadonlyRootFilesystem: 'no'}`),
      ) as { containerDefinitions: unknown[] }
    ).containerDefinitions;
    assert.deepEqual(containers, [
      { name: 'a', essential: true, privileged: true, readonlyRootFilesystem: true },
      { name: 'b', essential: false, privileged: false, readonlyRootFilesystem: false },
      { name: 'c', essential: 'tRUE', privileged: true, readonlyRootFilesystem: 'no' },
    ]);
  });

  test('integers from strings: signs and spaces around, nothing else', () => {
    const ports = ['"80"', '" 81 "', '"+82"', '"-83"', '"x84"', '"85x"', '"8 6"', '"8.7"'];
    const task = only(
      TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: app
          PortMappings:
${ports.map((p) => `            - ContainerPort: ${p}`).join('\n')}`),
    ) as { containerDefinitions: { portMappings: { containerPort: unknown }[] }[] };
    assert.deepEqual(
      task.containerDefinitions[0]!.portMappings.map((m) => m.containerPort),
      [80, 81, 82, -83, 'x84', '85x', '8 6', '8.7'],
    );
  });

  test('numbers where a string belongs are passed on as written', () => {
    assert.deepEqual(
      only(
        TEMPLATE(`    Properties:
      Cpu: 1.50
      Memory: 2048
      Family: yes`),
      ),
      { cpu: '1.50', memory: '2048', family: 'true' },
    );
  });

  test('a value of another shape than the property’s stays as written, its keys the user’s', () => {
    assert.deepEqual(
      only(
        TEMPLATE(`    Properties:
      Family: [a, b]
      Cpu: {Value: 256}
      Volumes: data
      ProxyConfiguration: envoy
      ContainerDefinitions:
        - Name: app
          DockerLabels: team
          Environment: {Name: A, Value: b}`),
      ),
      {
        family: ['a', 'b'],
        cpu: { Value: 256 },
        volumes: 'data',
        proxyConfiguration: 'envoy',
        containerDefinitions: [
          { name: 'app', dockerLabels: 'team', environment: { Name: 'A', Value: 'b' } },
        ],
      },
    );
  });

  test('a property left out as AWS::NoValue is not there at all', () => {
    const task = read(
      TEMPLATE(`    Properties:
      TaskRoleArn: !Ref AWS::NoValue
      Family: app`),
    ).definitions[0]!.taskNode!;
    assert.deepEqual(
      (task.children ?? []).map((p) => [p.type, p.children![0]!.type, p.children![0]!.value]),
      [['property', 'string', 'family']],
    );
  });
});

describe('placeholders of every shape', () => {
  function family(value: string): unknown {
    return only(TEMPLATE(`    Properties:\n      Family: ${value}`)).family;
  }

  test('arguments of every type, GetAtt as a list, a Sub without a variable map', () => {
    assert.equal(
      family('!Join [",", [1, true, null, {A: b}, [x]]]'),
      '${Join([,, [1, true, null, (A: b), [x]]])}',
    );
    assert.equal(family('!GetAtt [Role, Arn]'), '${GetAtt Role.Arn}');
    assert.equal(family('{Fn::GetAtt: []}'), '${GetAtt([])}');
    assert.equal(family('{Ref: [a]}'), '${Ref([a])}');
    assert.equal(family('!Sub "${!Literal}-${AWS::Region}"'), '${!Literal}-${AWS::Region}');
    assert.equal(family('!Sub [{A: b}]'), '${Sub([(A: b)])}');
    assert.equal(family('!Sub {A: b}'), '${Sub((A: b))}');
    assert.equal(
      family('!Sub ["${A}-${B}-${C}-${D}-${ E }", {A: 1, B: true, C: !Ref C, D: x, E: e}]'),
      '1-true-${C}-x-e',
    );
  });

  test('deep nesting is cut short; long placeholders are shortened but still differ', () => {
    const deep = `${'{Fn::Base64: '.repeat(12)}x${'}'.repeat(12)}`;
    assert.equal(
      family(deep),
      '${Base64(Base64(Base64(Base64(Base64(Base64(Base64(Base64(Base64(…)))))))))}',
    );
    const long = (c: string) => family(`!Join ["", [${`${c}, `.repeat(80)}end]]`) as string;
    const a = long('a');
    const b = long('b');
    // 110 characters of the text, then a hash of the whole.
    assert.match(a, /^\$\{.{110}… [0-9a-z]{1,7}\}$/u);
    assert.notEqual(a, b);
    assert.ok(a.startsWith('${Join([, [a, a, a,'), a);
  });

  test('a multi-line argument is one line; an If with one NoValue branch is a placeholder', () => {
    assert.equal(family('!Join ["\\n", [a, b]]'), '${Join([ , [a, b]])}');
    assert.equal(family('!If [C, !Ref AWS::NoValue, x]'), '${If([C, Ref AWS::NoValue, x])}');
    assert.equal(family('!If [C, !Ref AWS::NoValue]'), '${If([C, Ref AWS::NoValue])}');
  });
});

describe('templates', () => {
  test('every task definition of a template, named by its logical ID, spanning its resource', () => {
    const text = `Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{Name: web}]
  Bucket:
    Type: AWS::S3::Bucket
  Worker:
    Type: "AWS::ECS::TaskDefinition"
    Properties:
      ContainerDefinitions: [{Name: worker}]
`;
    const file = read(text);
    assert.equal(file.recognised, true);
    assert.deepEqual(
      file.definitions.map((d) => [
        d.name,
        text.slice(d.nameSpan!.offset, d.nameSpan!.offset + d.nameSpan!.length),
        text.slice(d.span.offset, d.span.offset + d.span.length).split('\n')[0],
      ]),
      [
        ['Web', 'Web', '  Web:'.trim()],
        ['Worker', 'Worker', 'Worker:'],
      ],
    );
  });

  test('a JSON template reads the same as its YAML', () => {
    const json = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "TaskDef": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "Cpu": 256,
        "TaskRoleArn": {"Fn::If": ["HasRole", {"Ref": "Role"}, {"Ref": "AWS::NoValue"}]},
        "ContainerDefinitions": [
          {"Name": {"Ref": "Name"}, "Essential": "true", "DependsOn": [{"ContainerName": "init", "Condition": "SUCCESS"}]}
        ]
      }
    }
  }
}`;
    const yaml = TEMPLATE(`    Properties:
      Cpu: 256
      TaskRoleArn: !If [HasRole, !Ref Role, !Ref AWS::NoValue]
      ContainerDefinitions:
        - Name: !Ref Name
          Essential: 'true'
          DependsOn: [{ContainerName: init, Condition: SUCCESS}]`);
    assert.deepEqual(values(json), values(yaml));
    assert.equal(read(json).spelling.pair('essential', false), '"Essential": false');
    assert.equal(read(yaml).spelling.pair('essential', false), 'Essential: false');
    assert.equal(read(yaml).spelling.key('dependsOn'), 'DependsOn');
    // A list is written as YAML reads it back as a list, not as the scalar FARGATE.
    assert.equal(
      read(yaml).spelling.pair('requiresCompatibilities', ['FARGATE']),
      'RequiresCompatibilities: [FARGATE]',
    );
    assert.equal(
      read(json).spelling.pair('requiresCompatibilities', ['FARGATE']),
      '"RequiresCompatibilities": ["FARGATE"]',
    );
  });

  test('a template without a task definition, and other YAML, is not recognised', () => {
    assert.equal(read('AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n').recognised, false);
    assert.equal(read('name: build\non: [push]\n').recognised, false);
    assert.equal(read('').recognised, false);
    assert.equal(read('[1, 2').recognised, false);
  });

  test('a resource without Properties counts, but holds no task definition to check', () => {
    const file = read('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n');
    assert.equal(file.recognised, true);
    assert.deepEqual(file.definitions, []);
  });
});

describe('resources', () => {
  const ROLE = `  Role:
    Type: AWS::IAM::Role
    Properties:
      ContainerDefinitions: [{Name: not-a-container}]
`;

  test('only AWS::ECS::TaskDefinition resources are task definitions, stray spaces aside', () => {
    const file = read(`Resources:
${ROLE}  NoType:
    Properties: {}
  Number: 5
  Spaced:
    Type: ' AWS::ECS::TaskDefinition '
    Properties:
      ContainerDefinitions: [{Name: app}]
`);
    assert.deepEqual(
      file.definitions.map((d) => d.name),
      ['Spaced'],
    );
  });

  test('a syntax error hides only the task definition whose text it is in', () => {
    const text = `Resources:
  First:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{Name: a}]
  Broken:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{Name: "b}]
  Last:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{Name: c}]
`;
    const file = read(text);
    assert.ok(file.syntaxErrors.length > 0);
    assert.deepEqual(
      file.definitions.map((d) => d.name),
      ['First'],
    );
  });

  test('a half-typed property of a JSON template is skipped, the rest read', () => {
    const file = read(
      '{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": , "Family": "app"}}}}',
    );
    assert.deepEqual(valueOf(file.definitions[0]!.root), { family: 'app' });
    const resource = read('{"Resources": {"Half": , "T": {"Type": "AWS::ECS::TaskDefinition"}}}');
    assert.deepEqual(resource.definitions, []);
    assert.equal(resource.recognised, true);
  });

  test('CloudFormation names the family when the template leaves it out: no warning', () => {
    const codes = (properties: string) =>
      analyze(TEMPLATE(`    Properties:\n${properties}`), {
        format: 'cloudformation',
      }).findings.map((f) => f.code);
    const containers = `      ContainerDefinitions:
        - {Name: app, Image: nginx:1.27, Essential: true, Memory: 512}`;
    assert.ok(!codes(containers).includes('missing-required-field'));
    assert.ok(codes(`      Family: ''\n${containers}`).includes('missing-required-field'));
  });
});

describe('cdk synth output', () => {
  const synth = `{
  "Resources": {
    "ServiceTaskDef1922A00F": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "Family": "app",
        "ContainerDefinitions": [
          {"Name": "init", "Image": "busybox:1.36", "Essential": true, "Command": ["sh", "-c", "echo hi > /data/x"]},
          {"Name": "web", "Image": "nginx:1.27", "Essential": true}
        ]
      },
      "Metadata": {"aws:cdk:path": "MyStack/Service/TaskDef/Resource"}
    }
  }
}`;

  test('messages name the construct path and say where to change the code; no fixes', () => {
    const analysis = analyze(synth, { format: 'cloudformation' });
    const definition = analysis.definitions[0]!;
    assert.equal(definition.input.constructPath, 'MyStack/Service/TaskDef/Resource');
    assert.ok(analysis.findings.length > 0);
    for (const f of analysis.findings) {
      assert.match(f.message, /^MyStack\/Service\/TaskDef\/Resource: /);
      assert.match(
        f.message,
        /make the change in the CDK app's code for MyStack\/Service\/TaskDef and synthesize again\.$/,
      );
      assert.deepEqual(f.fixes, []);
    }
  });

  test('an empty construct path is none; a path with Resource inside loses only its last part', () => {
    const withPath = (path: string) =>
      read(synth.replace('MyStack/Service/TaskDef/Resource', path)).definitions[0]!;
    assert.equal(withPath('').generated, undefined);
    assert.equal(withPath('').constructPath, undefined);
    assert.match(
      withPath('MyStack/ResourceGroup/TaskDef/Default').generated ?? '',
      /for MyStack\/ResourceGroup\/TaskDef and synthesize/,
    );
  });

  test('a template under cdk.out is generated even without metadata', () => {
    const plain = synth.replace(/,\s*"Metadata": \{[^}]*\}/, '');
    const inCdkOut = readFile(plain, {
      format: 'cloudformation',
      uri: 'file:///app/cdk.out/MyStack.template.json',
    });
    assert.match(inCdkOut.definitions[0]!.generated ?? '', /ServiceTaskDef1922A00F/);
    assert.equal(
      read(plain, 'file:///app/MyStack.template.json').definitions[0]!.generated,
      undefined,
    );
  });
});

describe('bad input: a clear message or silence, never a crash', () => {
  const problems = (text: string) =>
    syntaxFindings(read(text)).map((f) => `${f.range.start.line + 1}: ${f.message}`);

  test('a tab indent', () => {
    assert.deepEqual(problems('Resources:\n\tT:\n    Type: AWS::ECS::TaskDefinition\n'), [
      '2: A tab indents this line: YAML indents with spaces only.',
    ]);
  });

  test('a duplicate key', () => {
    assert.deepEqual(
      problems(
        TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: app
          Name: web`),
      ),
      [
        '8: The key Name appears twice in this mapping: CloudFormation rejects a template with a duplicate key.',
      ],
    );
  });

  test('a second document', () => {
    assert.deepEqual(problems(`${TEMPLATE('    Properties: {}')}---\nb: 1\n`), [
      '6: A second YAML document starts here (---): a CloudFormation template is one document, and only the first one is checked.',
    ]);
  });

  test('a half-typed key and an unclosed quote are YAML errors; the rest is still read', () => {
    const text = TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: app
          Essen
        - Name: "web`);
    const file = read(text);
    assert.ok(file.syntaxErrors.length > 0);
    for (const e of file.syntaxErrors) assert.match(e.message, /^Not valid YAML: /);
    assert.equal(file.recognised, true);
  });

  test('anchors, aliases and merge keys are opaque values', () => {
    const task = only(
      TEMPLATE(`    Properties:
      Family: &family app
      ContainerDefinitions:
        - &base
          Name: app
          Image: nginx:1.27
        - <<: *base
          Name: web
        - Name: *family`),
    ) as { family: string; containerDefinitions: unknown[] };
    assert.equal(task.family, 'app');
    assert.deepEqual(task.containerDefinitions[0], { name: 'app', image: 'nginx:1.27' });
    assert.match(String(task.containerDefinitions[1]), /^\$\{YAML merge key at \d+\}$/);
    assert.deepEqual(task.containerDefinitions[2], { name: '${YAML alias *family}' });
  });

  test('nesting too deep is skipped with a notice, in bounded time', () => {
    const deep = `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Tags: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const analysis = analyze(deep, { format: 'cloudformation' });
    assert.equal(analysis.isTaskDefinition, true);
    assert.match(analysis.findings[0]?.message ?? '', /did not analyse/);
  });

  test('every node of the tree lies inside the text', () => {
    const text = TEMPLATE(`    Properties:
      ContainerDefinitions:
        - Name: !Ref
          Image: !Sub
          Command: !If
          Links: [!GetAtt , !Join]`);
    const check = (n: Node) => {
      assert.ok(n.offset >= 0 && n.offset + n.length <= text.length, JSON.stringify(n.value));
      for (const c of n.children ?? []) check(c);
    };
    for (const d of read(text).definitions) check(d.root);
  });
});

describe('plain scalars as cfn-lint’s PyYAML reads them (YAML 1.1)', () => {
  const cases: [string, unknown][] = [
    ['yes', true],
    ['Yes', true],
    ['ON', true],
    ['off', false],
    ['No', false],
    ['y', 'y'],
    ['n', 'n'],
    ['~', null],
    ['null', null],
    ['', null],
    ['0777', 511],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['1:30', 90],
    ['-42', -42],
    ['1.5', 1.5],
    ['1e3', '1e3'],
    ['1.0e+3', 1000],
    ['2010-09-09', '2010-09-09'],
    ['nginx:1.27', 'nginx:1.27'],
  ];
  for (const [text, value] of cases)
    test(`${JSON.stringify(text)} is ${JSON.stringify(value)}`, () =>
      assert.deepEqual(resolvePlain(text), value));
});
