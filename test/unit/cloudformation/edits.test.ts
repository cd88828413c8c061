/**
 * The template editors: edits in the template's own names, syntax and style. Each test edits
 * through the engine's Editor (API names in, template spelling out), checks the exact text, and
 * reads the result again: valid, and holding the value that was written.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getNodeValue } from 'jsonc-parser';
import { applyOffsetEdits } from '../../../server/src/engine/formats/json/edits';
import {
  keyOf,
  properties,
  readFile,
  type Editor,
  type Node,
  type OffsetEdit,
  type ParsedFile,
} from '../../../server/src/engine/index';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
`;

interface Parts {
  file: ParsedFile;
  edit: Editor;
  task: Node;
  containers: Node[];
}

function propertyOf(obj: Node, key: string): Node {
  return properties(obj).find((p) => keyOf(p) === key)!;
}

function valueOf(obj: Node, key: string): Node | undefined {
  return propertyOf(obj, key)?.children?.[1];
}

function parts(text: string): Parts {
  const file = readFile(text, { format: 'cloudformation' });
  const definition = file.definitions[0]!;
  return {
    file,
    edit: file.editor,
    task: definition.taskNode!,
    containers: definition.containersNode?.children ?? [],
  };
}

function apply(text: string, build: (p: Parts) => OffsetEdit[]): string {
  const edits = build(parts(text));
  assert.ok(
    edits.every((e) => !e.invalid),
    'the edit can be made',
  );
  const after = applyOffsetEdits(text, edits);
  assert.deepEqual(readFile(after, { format: 'cloudformation' }).syntaxErrors, [], after);
  return after;
}

function containerValue(text: string, index = 0): unknown {
  const p = parts(text);
  return JSON.parse(JSON.stringify(getNodeValue(p.containers[index]!))) as unknown;
}

describe('YAML: where text goes', () => {
  test('a property goes after its anchor, at the mapping’s column; comments stay', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: init   # one-shot
          Image: busybox:1.36
          # the setup
          Command: [sh, -c, 'cp -r /a /b']
        - Name: app
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'essential', false, { after: ['image', 'name'] }),
    );
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: init   # one-shot
          Image: busybox:1.36
          Essential: false
          # the setup
          Command: [sh, -c, 'cp -r /a /b']
        - Name: app
`,
    );
  });

  test('a new list of objects uses PascalCase inside and the file’s sequence indentation', () => {
    const text = `${HEAD}      ContainerDefinitions:
      - Name: app
        Image: nginx:1.27
        Links:
        - db
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.addToArrayProperty(
        containers[0]!,
        'dependsOn',
        { containerName: 'init', condition: 'SUCCESS' },
        { after: ['essential', 'image', 'name'] },
      ),
    );
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
      - Name: app
        Image: nginx:1.27
        DependsOn:
        - ContainerName: init
          Condition: SUCCESS
        Links:
        - db
`,
    );
  });

  test('appending to block and flow sequences keeps each style', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          DependsOn:
            - ContainerName: db
              Condition: START
        - Name: web
          DependsOn: [{ContainerName: db, Condition: START}]
`;
    const item = { containerName: 'init', condition: 'SUCCESS' };
    const after = apply(text, ({ edit, containers }) => [
      ...edit.addToArrayProperty(containers[0]!, 'dependsOn', item),
      ...edit.addToArrayProperty(containers[1]!, 'dependsOn', item),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          DependsOn:
            - ContainerName: db
              Condition: START
            - ContainerName: init
              Condition: SUCCESS
        - Name: web
          DependsOn: [{ContainerName: db, Condition: START}, {ContainerName: init, Condition: SUCCESS}]
`,
    );
  });

  test('into a flow mapping, and into an empty one', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - {Name: app, Image: nginx:1.27}
        - {}
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'essential', false, { after: ['image'] }),
      ...edit.setProperty(containers[1]!, 'name', 'web'),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - {Name: app, Image: nginx:1.27, Essential: false}
        - {Name: web}
`,
    );
  });

  test('a property set to AWS::NoValue is replaced, not written twice', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: init
          Essential: !Ref AWS::NoValue
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'essential', false),
    );
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: init
          Essential: false
`,
    );
  });

  test('a value on its key’s line becomes a block below it', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          HealthCheck: ~
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'healthCheck', { command: ['CMD', 'true'], retries: 3 }),
    );
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          HealthCheck:
            Command: [CMD, 'true']
            Retries: 3
`,
    );
  });

  test('removing the first key of a sequence item moves the next one up', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          StartTimeout: 30
          Image: nginx:1.27
        - StartTimeout: 30
          Name: web
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.removeProperty(propertyOf(containers[0]!, 'startTimeout')),
      ...edit.removeProperty(propertyOf(containers[1]!, 'startTimeout')),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
        - Name: web
`,
    );
  });

  test('removing the only property leaves an empty mapping; the last element an empty list', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          HealthCheck:
            StartPeriod: 10
          Environment:
            - Name: A
              Value: b
`;
    const after = apply(text, ({ edit, containers }) => {
      const check = valueOf(containers[0]!, 'healthCheck')!;
      const environment = valueOf(containers[0]!, 'environment')!;
      return [
        ...edit.removeProperty(propertyOf(check, 'startPeriod')),
        ...edit.deleteArrayElements(environment, 0, 1),
      ];
    });
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          HealthCheck:
            {}
          Environment: []
`,
    );
  });

  test('CRLF line endings stay CRLF', () => {
    const text =
      `${HEAD}      ContainerDefinitions:\n        - Name: init\n          Image: busybox\n`.replace(
        /\n/g,
        '\r\n',
      );
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'essential', false),
    );
    assert.ok(after.includes('Image: busybox\r\n          Essential: false\r\n'), after);
    assert.ok(!/[^\r]\n/.test(after));
  });

  test('an intrinsic list is not appended to, and broken YAML is not edited', () => {
    const conditional = parts(`${HEAD}      ContainerDefinitions:
        - Name: app
          DependsOn: !If [C, [{ContainerName: a, Condition: START}], !Ref AWS::NoValue]
`);
    const edits = conditional.edit.addToArrayProperty(conditional.containers[0]!, 'dependsOn', {
      containerName: 'b',
      condition: 'START',
    });
    assert.ok(edits.some((e) => e.invalid));
    // The broken task definition is not read; the other one is, but nothing in the file is edited.
    const broken = parts(`${HEAD}      ContainerDefinitions:
        - Name: app
  Broken:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: "web
`);
    assert.ok(broken.file.syntaxErrors.length > 0);
    assert.deepEqual(
      broken.file.definitions.map((d) => d.name),
      ['TaskDef'],
    );
    const fix = broken.edit.setProperty(broken.containers[0]!, 'essential', false);
    assert.ok(fix.some((e) => e.invalid));
  });
});

describe('YAML: values CloudFormation reads back as written', () => {
  const misread = [
    'yes',
    'No',
    'on',
    'OFF',
    'true',
    'null',
    '~',
    '',
    '*alias',
    '&anchor',
    '!Ref',
    '%TAG',
    '@at',
    '`tick',
    '- dash',
    'key: value',
    'a #comment',
    'trailing:',
    '123',
    '1e3',
    '0777',
    '0x1F',
    '12:30',
    '1.5',
    '.inf',
    '2024-01-31',
    ' padded ',
    "it's",
    'line\nbreak',
    '{a}',
    '[a]',
  ];
  for (const value of misread) {
    test(JSON.stringify(value), () => {
      const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Hostname: x
          DnsServers: [a]
`;
      const after = apply(text, ({ edit, containers }) => [
        ...edit.setProperty(containers[0]!, 'hostname', value),
        ...edit.appendToArray(valueOf(containers[0]!, 'dnsServers')!, value),
      ]);
      assert.deepEqual(containerValue(after), {
        name: 'app',
        hostname: value,
        dnsServers: ['a', value],
      });
    });
  }

  test('plain where plain is safe, and the existing quote style kept', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Image: "nginx:1.25"
          Hostname: web
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'image', 'nginx:1.27'),
      ...edit.setProperty(containers[0]!, 'hostname', 'api.internal'),
    ]);
    assert.match(after, /Image: "nginx:1\.27"\n {10}Hostname: api\.internal\n/);
  });
});

describe('JSON templates', () => {
  test('edits write the template’s names in JSON, in its indentation', () => {
    const text = `{
    "Resources": {
        "TaskDef": {
            "Type": "AWS::ECS::TaskDefinition",
            "Properties": {
                "ContainerDefinitions": [
                    {
                        "Name": "app",
                        "Image": "nginx:1.27",
                        "Essential": {"Ref": "AWS::NoValue"}
                    },
                    {
                        "Name": "init",
                        "Image": "busybox:1.36"
                    }
                ]
            }
        }
    }
}
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'essential', true),
      ...edit.addToArrayProperty(
        containers[0]!,
        'dependsOn',
        { containerName: 'init', condition: 'SUCCESS' },
        { after: ['image'] },
      ),
      ...edit.setProperty(containers[1]!, 'essential', false, { after: ['image'] }),
    ]);
    assert.equal(
      after,
      `{
    "Resources": {
        "TaskDef": {
            "Type": "AWS::ECS::TaskDefinition",
            "Properties": {
                "ContainerDefinitions": [
                    {
                        "Name": "app",
                        "Image": "nginx:1.27",
                        "DependsOn": [
                            {
                                "ContainerName": "init",
                                "Condition": "SUCCESS"
                            }
                        ],
                        "Essential": true
                    },
                    {
                        "Name": "init",
                        "Image": "busybox:1.36",
                        "Essential": false
                    }
                ]
            }
        }
    }
}
`,
    );
  });
});

describe('YAML: flow collections', () => {
  test('removing from a flow mapping takes the comma with it, and the only property leaves {}', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - {Name: app, StartTimeout: 30, Image: nginx:1.27, StopTimeout: 5}
        - {StopTimeout: 5}
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.removeProperty(propertyOf(containers[0]!, 'startTimeout')),
      ...edit.removeProperty(propertyOf(containers[0]!, 'stopTimeout')),
      ...edit.removeProperty(propertyOf(containers[1]!, 'stopTimeout')),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - {Name: app, Image: nginx:1.27}
        - {}
`,
    );
  });

  test('deleting from a flow sequence: first, last, all', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          DnsServers: [a, b, c]
          DnsSearchDomains: [x, y, z]
          Links: [db, cache]
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'dnsServers')!, 0, 1),
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'dnsSearchDomains')!, 1, 3),
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'links')!, 0, 2),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          DnsServers: [b, c]
          DnsSearchDomains: [x]
          Links: []
`,
    );
  });

  test('an empty flow sequence is filled; one not closed yet, or holding a comment, is not edited', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Links: [ ]
          DnsServers: [   # none yet
          ]
          Ulimits: {   # none yet
          }
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.appendToArray(valueOf(containers[0]!, 'links')!, 'db'),
    );
    assert.match(after, /\n {10}Links: \[db\]\n/);
    const p = parts(text);
    const dns = valueOf(p.containers[0]!, 'dnsServers')!;
    assert.ok(p.edit.appendToArray(dns, 'a').some((e) => e.invalid));
  });

  test('an empty range or one outside the list deletes nothing', () => {
    const p = parts(`${HEAD}      ContainerDefinitions:
        - Name: app
          Links: [db, cache]
          DnsServers:
            - a
`);
    for (const key of ['links', 'dnsServers']) {
      const list = valueOf(p.containers[0]!, key)!;
      assert.deepEqual(p.edit.deleteArrayElements(list, 1, 1), []);
      assert.deepEqual(p.edit.deleteArrayElements(list, -1, 1), []);
      assert.deepEqual(p.edit.deleteArrayElements(list, 0, 3), []);
    }
  });
});

describe('YAML: block sequences', () => {
  test('deleting items keeps the others and their comments; every item leaves [] on the key’s line', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Links:
            - db      # the database
            - cache
            - queue   # the queue
          DnsServers:
            - 10.0.0.2
            - 10.0.0.3
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'links')!, 1, 2),
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'dnsServers')!, 0, 2),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Links:
            - db      # the database
            - queue   # the queue
          DnsServers: []
`,
    );
  });

  test('deleting the first items, and the last ones', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Links:
          - db
          - cache
          - queue
        - Name: web
          Links:
          - db
          - cache
          - queue
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'links')!, 0, 2),
      ...edit.deleteArrayElements(valueOf(containers[1]!, 'links')!, 1, 3),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Links:
          - queue
        - Name: web
          Links:
          - db
`,
    );
  });

  test('removing whole containers from the list', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
        # the sidecar
        - Name: sidecar
          Image: busybox
        - Name: web
          Image: nginx:1.27
`;
    const after = apply(text, ({ edit, file }) =>
      edit.deleteArrayElements(file.definitions[0]!.containersNode!, 1, 2),
    );
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
        # the sidecar
        - Name: web
          Image: nginx:1.27
`,
    );
  });

  test('appending to a list that sits on its key’s line after a dash, and to an empty one', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Links: []
          DependsOn:
          - ContainerName: db
            Condition: START
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.addToArrayProperty(containers[0]!, 'links', 'cache'),
      ...edit.addToArrayProperty(containers[0]!, 'dependsOn', {
        containerName: 'init',
        condition: 'SUCCESS',
      }),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Links: [cache]
          DependsOn:
          - ContainerName: db
            Condition: START
          - ContainerName: init
            Condition: SUCCESS
`,
    );
  });
});

describe('YAML: the file’s indentation', () => {
  test('a mapping under a key, and a sequence under a key, as the file writes them', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
# Four spaces, and sequences flush with their key.
Resources:
    TaskDef:
        Type: AWS::ECS::TaskDefinition
        Properties:
            ContainerDefinitions:
            -   Name: app
                Image: nginx:1.27
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'healthCheck', { command: ['CMD', 'true'], retries: 3 }),
      ...edit.setProperty(containers[0]!, 'portMappings', [{ containerPort: 80 }]),
    ]);
    assert.equal(
      after,
      `AWSTemplateFormatVersion: '2010-09-09'
# Four spaces, and sequences flush with their key.
Resources:
    TaskDef:
        Type: AWS::ECS::TaskDefinition
        Properties:
            ContainerDefinitions:
            -   Name: app
                Image: nginx:1.27
                PortMappings:
                - ContainerPort: 80
                HealthCheck:
                    Command: [CMD, 'true']
                    Retries: 3
`,
    );
  });

  test('a file with no block sequence under a key indents one like a mapping', () => {
    const text = `Resources:
    TaskDef:
        Type: AWS::ECS::TaskDefinition
        Properties:
            ContainerDefinitions: [{Name: app, MountPoints: [{SourceVolume: data}]}]
`;
    const after = apply(text, ({ edit, task }) =>
      edit.setProperty(task, 'volumes', [{ name: 'data' }]),
    );
    assert.equal(
      after,
      `Resources:
    TaskDef:
        Type: AWS::ECS::TaskDefinition
        Properties:
            ContainerDefinitions: [{Name: app, MountPoints: [{SourceVolume: data}]}]
            Volumes:
                - Name: data
`,
    );
  });
});

describe('YAML: keys', () => {
  test('a renamed key keeps its quotes; a name YAML would misread is quoted', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          "essential": true
          'memoryReservation': 128
          hostname: web
          DockerLabels:
            team: web
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.renameProperty(
        propertyOf(valueOf(containers[0]!, 'dockerLabels')!, 'team'),
        'com.example.team',
      ),
      ...edit.renameProperty(propertyOf(containers[0]!, '?essential'), 'essential'),
      ...edit.renameProperty(propertyOf(containers[0]!, '?memoryReservation'), 'memoryReservation'),
      ...edit.renameProperty(propertyOf(containers[0]!, '?hostname'), 'hostname'),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          "Essential": true
          'MemoryReservation': 128
          Hostname: web
          DockerLabels:
            "com.example.team": web
`,
    );
  });
});

describe('the template’s names and the reader’s', () => {
  test('free-form maps keep the user’s keys; a list of objects replaces a value of another shape', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/app
          DockerLabels: {}
          Environment: placeholder
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(valueOf(containers[0]!, 'logConfiguration')!, 'options', {
        'awslogs-group': '/ecs/app',
        'awslogs-stream-prefix': 'app',
      }),
      ...edit.setProperty(valueOf(containers[0]!, 'dockerLabels')!, 'containerName', 'app'),
      ...edit.setProperty(containers[0]!, 'environment', [{ name: 'MODE', value: 'init' }]),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/app
              awslogs-stream-prefix: app
          DockerLabels: {containerName: app}
          Environment:
            - Name: MODE
              Value: init
`,
    );
  });

  test('elements left out as AWS::NoValue do not shift which ones are deleted or replaced', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Links:
            - !Ref AWS::NoValue
            - db
            - cache
            - queue
`;
    const after = apply(text, ({ edit, containers }) => {
      const links = valueOf(containers[0]!, 'links')!;
      return [
        ...edit.deleteArrayElements(links, 1, 2),
        ...edit.replaceValue(links.children![2]!, 'bus'),
      ];
    });
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Links:
            - !Ref AWS::NoValue
            - db
            - bus
`,
    );
    const p = parts(text);
    const links = valueOf(p.containers[0]!, 'links')!;
    assert.deepEqual(p.edit.deleteArrayElements(links, 2, 2), []);
    assert.deepEqual(p.edit.deleteArrayElements(links, 0, 4), []);
  });

  test('replacing a whole container or dependency writes the template’s names', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          DependsOn:
            - ContainerName: db
              Condition: START
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.replaceValue(valueOf(containers[0]!, 'dependsOn')!.children![0]!, {
        containerName: 'db',
        condition: 'HEALTHY',
      }),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          DependsOn:
            - ContainerName: db
              Condition: HEALTHY
`,
    );
  });

  test('an unknown key is renamed to the template’s name; several properties go at once', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          containerName: x
          StartTimeout: 30
          StopTimeout: 5
          Image: nginx:1.27
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.renameProperty(propertyOf(containers[0]!, '?containerName'), 'hostname'),
      ...edit.removeProperties(containers[0]!, [
        propertyOf(containers[0]!, 'startTimeout'),
        propertyOf(containers[0]!, 'stopTimeout'),
      ]),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Hostname: x
          Image: nginx:1.27
`,
    );
  });
});

describe('YAML: layouts the edits meet', () => {
  test('a refused edit inserts nothing', () => {
    const p = parts(`${HEAD}      ContainerDefinitions:
        - Name: app
          Links: !Split [',', 'db,cache']
`);
    const links = valueOf(p.containers[0]!, 'links')!;
    assert.deepEqual(p.edit.appendToArray(links, 'queue'), [
      { offset: links.offset, length: 0, newText: '', invalid: true },
    ]);
  });

  test('the indentation unit is read past comments and blank lines after the first key', () => {
    const text = `Resources:

    # Four spaces here; two below.
    TaskDef:
      Type: AWS::ECS::TaskDefinition
      Properties:
        ContainerDefinitions:
          - Name: app
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'healthCheck', { command: ['CMD', 'true'], retries: 3 }),
    );
    assert.ok(
      after.endsWith(`- Name: app
            HealthCheck:
                Command: [CMD, 'true']
                Retries: 3
`),
      after,
    );
  });

  test('a property removed from a CRLF file takes its line break with it', () => {
    const text =
      `${HEAD}      ContainerDefinitions:\n        - Name: app\n          StartTimeout: 30\n          Image: nginx:1.27\n`.replace(
        /\n/g,
        '\r\n',
      );
    const after = apply(text, ({ edit, containers }) =>
      edit.removeProperty(propertyOf(containers[0]!, 'startTimeout')),
    );
    assert.ok(after.endsWith('        - Name: app\r\n          Image: nginx:1.27\r\n'), after);
  });

  test('after a block scalar: the new property goes below its last line', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Hostname: |
            web

          Image: nginx:1.27
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'essential', true, { after: ['hostname'] }),
    );
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Hostname: |
            web
          Essential: true

          Image: nginx:1.27
`,
    );
  });

  test('inside a flow mapping values stay flow, and a comma is quoted', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - {Name: app, Hostname: x, HealthCheck: ~, DockerLabels: { }}
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'hostname', 'a,b'),
      ...edit.setProperty(containers[0]!, 'healthCheck', { command: ['CMD', 'true'] }),
      ...edit.setProperty(valueOf(containers[0]!, 'dockerLabels')!, 'team,web', 'x'),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - {Name: app, Hostname: 'a,b', HealthCheck: {Command: [CMD, 'true']}, DockerLabels: {'team,web': x}}
`,
    );
    const comment = parts(`${HEAD}      ContainerDefinitions:
        - Name: app
          DockerLabels: {   # none yet
          }
`);
    const labels = valueOf(comment.containers[0]!, 'dockerLabels')!;
    assert.ok(comment.edit.setProperty(labels, 'team', 'web').some((e) => e.invalid));
  });

  test('values not typed yet, null, and empty collections', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          Hostname:
          Links:
          User: root
          HealthCheck:
            Command: [CMD, 'true']
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'hostname', 'web'),
      ...edit.setProperty(containers[0]!, 'links', []),
      ...edit.setProperty(containers[0]!, 'user', null),
      ...edit.setProperty(containers[0]!, 'healthCheck', {}),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          Hostname: web
          Links: []
          User: null
          HealthCheck:
            {}
`,
    );
  });

  test('a block replaced below its key keeps the comment on the key’s line', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          HealthCheck:   # the check
              Command: [CMD, 'false']
          DependsOn : ~
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'healthCheck', { command: ['CMD', 'true'], retries: 3 }),
      ...edit.setProperty(containers[0]!, 'dependsOn', [
        { containerName: 'init', condition: 'SUCCESS' },
      ]),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          HealthCheck:   # the check
              Command: [CMD, 'true']
              Retries: 3
          DependsOn :
            - ContainerName: init
              Condition: SUCCESS
`,
    );
  });

  test('removing: the first of a flow mapping, and a property whose next line is a comment', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - {Name: app, Image: nginx:1.27}
        - Name: web
          StartTimeout: 30
          # the image
          Image: nginx:1.27
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.removeProperty(propertyOf(containers[0]!, 'name')),
      ...edit.removeProperty(propertyOf(containers[1]!, 'startTimeout')),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - {Image: nginx:1.27}
        - Name: web
          # the image
          Image: nginx:1.27
`,
    );
  });

  test('deleting: the tail of a flow sequence, every item under a commented key, a dash on its own line', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          DnsServers: [a, bb, ccc]
          Links: # the links
            - db
            - cache
        -
          Name: web
        - Name: last
`;
    const after = apply(text, ({ edit, containers, file }) => [
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'dnsServers')!, 1, 3),
      ...edit.deleteArrayElements(valueOf(containers[0]!, 'links')!, 0, 2),
      ...edit.deleteArrayElements(file.definitions[0]!.containersNode!, 1, 2),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          DnsServers: [a]
          Links: # the links
            []
        - Name: last
`,
    );
  });

  test('a single-quoted key renamed to a name with a quote in it', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          DockerLabels:
            'team': web
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.renameProperty(propertyOf(valueOf(containers[0]!, 'dockerLabels')!, 'team'), "o'brien"),
    );
    assert.ok(after.includes("            'o''brien': web\n"), after);
  });
});

describe('values in API names, written in the template’s names at every depth', () => {
  const volumes = [
    {
      name: 'efs',
      efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { iam: 'ENABLED' } },
    },
    {
      name: 'fsx',
      fsxWindowsFileServerVolumeConfiguration: {
        fileSystemId: 'fs-2',
        authorizationConfig: { credentialsParameter: 'arn:cred', domain: 'corp' },
      },
    },
  ];
  const written = `- Name: efs
          EFSVolumeConfiguration:
            FilesystemId: fs-1
            AuthorizationConfig:
              IAM: ENABLED
        - Name: fsx
          FSxWindowsFileServerVolumeConfiguration:
            FileSystemId: fs-2
            AuthorizationConfig:
              CredentialsParameter: arn:cred
              Domain: corp`;

  test('a new list, and each element appended to an existing one', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
`;
    const created = apply(text, ({ edit, task }) => edit.setProperty(task, 'volumes', volumes));
    assert.equal(created, `${text}      Volumes:\n        ${written}\n`);
    const existing = `${HEAD}      Volumes:
        - Name: data
`;
    const added = apply(existing, ({ edit, task }) => [
      ...edit.addToArrayProperty(task, 'volumes', volumes[0]),
    ]);
    const appended = apply(added, ({ task, edit }) =>
      edit.appendToArray(valueOf(task, 'volumes')!, volumes[1]),
    );
    assert.equal(appended, `${existing}        ${written}\n`);
    const fsxAdded = apply(existing, ({ edit, task }) =>
      edit.addToArrayProperty(task, 'volumes', volumes[1]),
    );
    assert.ok(fsxAdded.includes('            FileSystemId: fs-2\n'), fsxAdded);
  });

  test('a value not typed yet, or a placeholder in a list, replaced by an object', () => {
    const text = `${HEAD}      Volumes: ~
      ContainerDefinitions:
        - Name: app
          DependsOn: [!Ref Dependency]
`;
    const after = apply(text, ({ edit, task, containers }) => [
      ...edit.replaceValue(propertyOf(task, 'volumes').children![1]!, volumes),
      ...edit.replaceValue(valueOf(containers[0]!, 'dependsOn')!.children![0]!, {
        containerName: 'init',
        condition: 'SUCCESS',
      }),
    ]);
    assert.equal(
      after,
      `${HEAD}      Volumes:
        ${written}
      ContainerDefinitions:
        - Name: app
          DependsOn: [{ContainerName: init, Condition: SUCCESS}]
`,
    );
  });

  test('a free-form map keeps keys that are also API names', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, 'dockerLabels', { name: 'web', condition: 'x' }),
    );
    assert.ok(
      after.endsWith('          DockerLabels:\n            name: web\n            condition: x\n'),
      after,
    );
  });

  test('a property CloudFormation does not know is set by the key the reader gives it', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          hostName: web
`;
    const after = apply(text, ({ edit, containers }) =>
      edit.setProperty(containers[0]!, '?hostName', 'api'),
    );
    assert.ok(after.endsWith('          hostName: api\n'), after);
  });

  test('an intrinsic list is refused with an edit that inserts nothing', () => {
    const p = parts(`${HEAD}      ContainerDefinitions:
        - Name: app
          Links: !Split [',', 'db,cache']
`);
    const links = valueOf(p.containers[0]!, 'links')!;
    assert.deepEqual(p.edit.addToArrayProperty(p.containers[0]!, 'links', 'queue'), [
      { offset: links.offset, length: 0, newText: '', invalid: true },
    ]);
  });
});

describe('fields and types the property table does not know', () => {
  const fsx = {
    name: 'fsx',
    fsxWindowsFileServerVolumeConfiguration: { fileSystemId: 'fs-2', rootDirectory: '\\data' },
  };

  test('an unknown field keeps its name; the fields inside it take CloudFormation’s names', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          futureList: [a]
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'futureField', {
        containerName: 'init',
        nested: { condition: 'START' },
      }),
      ...edit.setProperty(containers[0]!, 'healthCheck', { command: ['CMD'], futureOption: 1 }),
      ...edit.addToArrayProperty(containers[0]!, '?futureList', { containerName: 'x' }),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Name: app
          futureList: [a, {ContainerName: x}]
          HealthCheck:
            Command: [CMD]
            futureOption: 1
          futureField:
            ContainerName: init
            nested:
              Condition: START
`,
    );
    const appended = apply(text, ({ edit, containers }) =>
      edit.appendToArray(valueOf(containers[0]!, '?futureList')!, { condition: 'START' }),
    );
    assert.ok(appended.includes('futureList: [a, {Condition: START}]'), appended);
    const replaced = apply(text, ({ edit, containers }) => [
      ...edit.replaceValue(valueOf(containers[0]!, '?futureList')!.children![0]!, {
        containerName: 'y',
      }),
      ...edit.setProperty(containers[0]!, 'futureField', [{ containerName: 'z' }]),
    ]);
    assert.ok(replaced.includes('futureList: [{ContainerName: y}]'), replaced);
    assert.ok(replaced.includes('futureField:\n            - ContainerName: z'), replaced);
  });

  test('replacing the whole task, or a placeholder in a list, writes each type’s own names', () => {
    const text = `${HEAD}      Volumes: [!Ref Volume]
`;
    const element = apply(text, ({ edit, task }) =>
      edit.replaceValue(valueOf(task, 'volumes')!.children![0]!, fsx),
    );
    assert.ok(
      element.includes('FSxWindowsFileServerVolumeConfiguration: {FileSystemId: fs-2'),
      element,
    );
    const whole = apply(text, ({ edit, task }) => edit.replaceValue(task, { volumes: [fsx] }));
    assert.ok(whole.includes('FileSystemId: fs-2'), whole);
  });

  test('a value under a numeric key of a free-form map', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Name: app
          DockerLabels:
            80: web
`;
    const after = apply(text, ({ edit, containers }) => {
      const labels = valueOf(containers[0]!, 'dockerLabels')!;
      return edit.replaceValue(labels.children![0]!.children![1]!, 'api');
    });
    assert.ok(after.endsWith('            80: api\n'), after);
  });
});

describe('YAML: line ends and keys in odd places', () => {
  test('CRLF: an item whose dash stands alone on its line is deleted whole', () => {
    const text =
      `${HEAD}      ContainerDefinitions:\n        - Name: app\n        -\n          Name: web\n        - Name: last\n`.replace(
        /\n/g,
        '\r\n',
      );
    const after = apply(text, ({ edit, file }) =>
      edit.deleteArrayElements(file.definitions[0]!.containersNode!, 1, 2),
    );
    assert.ok(after.endsWith('        - Name: app\r\n        - Name: last\r\n'), after);
  });

  test('a collection on its key’s line: after a value with a colon in it, and an empty mapping', () => {
    const text = `${HEAD}      ContainerDefinitions:
        - Image: nginx:1.27
          DockerSecurityOptions: ~
          DockerLabels: ~
`;
    const after = apply(text, ({ edit, containers }) => [
      ...edit.setProperty(containers[0]!, 'dockerSecurityOptions', ['no-new-privileges']),
      ...edit.setProperty(containers[0]!, 'dockerLabels', {}),
    ]);
    assert.equal(
      after,
      `${HEAD}      ContainerDefinitions:
        - Image: nginx:1.27
          DockerSecurityOptions:
            [no-new-privileges]
          DockerLabels: {}
`,
    );
  });
});
