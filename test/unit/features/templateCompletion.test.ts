/**
 * Completion in CloudFormation templates: container names, volumes and conditions where a
 * DependsOn, VolumesFrom, Links or MountPoints entry needs one, in the task definition under the
 * cursor, written as the template writes a value. Each accepted item leaves a template that reads
 * back without a syntax error and means what the item said.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { parseDocument } from 'yaml';
import { analyze, applyTextEdits } from '../../../server/src/engine/index';
import { completion } from '../../../server/src/features/completion';
import { atCursor } from './cursor';

function complete(textWithCursor: string, uri = 'file:///project/service.yaml') {
  const { text, position, analysis } = atCursor(textWithCursor, { format: 'cloudformation', uri });
  const items = completion(analysis, position, {
    snippetSupport: true,
    namedLikeTaskDefinition: false,
  }).items;
  return { text, items };
}

function labels(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

function accept(text: string, items: CompletionItem[], label: string): string {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${labels(items).join(', ')}`);
  const fixed = applyTextEdits(text, [item.textEdit as TextEdit]);
  assert.deepEqual(parseDocument(fixed, { uniqueKeys: true }).errors, [], fixed);
  return fixed;
}

function codes(text: string, uri = 'file:///project/service.yaml'): string[] {
  return analyze(text, { format: 'cloudformation', uri }).findings.map((f) => f.code);
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: init-config # writes /config/app.yaml
          Image: public.ecr.aws/docker/library/busybox:1.36
          Essential: false
          MountPoints:
            - {SourceVolume: config, ContainerPath: /config}
        - Name: 'yes'
          Image: public.ecr.aws/docker/library/redis:7.2
          HealthCheck:
            Command: [CMD-SHELL, redis-cli ping]
        - Name: app
          Image: !Ref AppImage
          DependsOn:
            - ContainerName: CURSOR
      Volumes:
        - Name: config
  Worker:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: worker
          Image: worker:1
        - Name: sidecar
          Image: sidecar:1
`;

describe('container names in a YAML template', () => {
  test('ContainerName in DependsOn: the other containers of this task definition, with their role', () => {
    const { items } = complete(TEMPLATE.replace('CURSOR', '|'));
    assert.deepEqual(labels(items), ['init-config', 'yes']);
    assert.equal(
      items.find((i) => i.label === 'init-config')!.detail,
      'public.ecr.aws/docker/library/busybox:1.36 · not essential · init container',
    );
  });

  test('a name YAML would misread is quoted; a plain one is not', () => {
    const { text, items } = complete(TEMPLATE.replace('CURSOR', '|'));
    const quoted = accept(text, items, 'yes');
    assert.ok(quoted.includes("- ContainerName: 'yes'\n"), quoted);
    const plain = accept(text, items, 'init-config');
    assert.ok(plain.includes('- ContainerName: init-config\n'), plain);
    assert.ok(plain.includes('# writes /config/app.yaml'));
  });

  test('right after the colon, the value gets its space', () => {
    const { text, items } = complete(TEMPLATE.replace(' CURSOR', '|'));
    assert.ok(accept(text, items, 'init-config').includes('- ContainerName: init-config\n'));
  });

  test('a value typed in part is replaced whole, quotes and all', () => {
    const typed = complete(TEMPLATE.replace('CURSOR', 'in|it'));
    assert.equal(typed.items.find((i) => i.label === 'init-config')!.filterText, 'init-config');
    assert.ok(
      accept(typed.text, typed.items, 'init-config').includes('ContainerName: init-config\n'),
    );
    const quoted = complete(TEMPLATE.replace('CURSOR', "'in|'"));
    assert.equal(quoted.items.find((i) => i.label === 'yes')!.filterText, "'yes");
    assert.ok(accept(quoted.text, quoted.items, 'yes').includes("ContainerName: 'yes'\n"));
  });

  test('in a flow mapping, names with flow indicators are quoted', () => {
    const flow = TEMPLATE.replace(
      '- ContainerName: CURSOR',
      '- {ContainerName: |, Condition: START}',
    ).replace("Name: 'yes'", "Name: 'a,b'");
    const { text, items } = complete(flow);
    assert.ok(accept(text, items, 'a,b').includes("- {ContainerName: 'a,b', Condition: START}"));
  });

  test('SourceContainer, Links and SourceVolume', () => {
    const volumesFrom = complete(
      TEMPLATE.replace(
        'DependsOn:\n            - ContainerName: CURSOR',
        'VolumesFrom:\n            - SourceContainer: |',
      ),
    );
    assert.deepEqual(labels(volumesFrom.items), ['init-config', 'yes']);
    const links = complete(
      TEMPLATE.replace('DependsOn:\n            - ContainerName: CURSOR', 'Links: [ini|]'),
    );
    assert.ok(accept(links.text, links.items, 'init-config').includes('Links: [init-config]'));
    const volume = complete(TEMPLATE.replace('{SourceVolume: config,', '{SourceVolume: con|fig,'));
    assert.deepEqual(labels(volume.items), ['config']);
    assert.equal(volume.items[0]!.detail, 'task volume · mounted by init-config');
  });

  test('the names of the other task definition are never offered', () => {
    const { items } = complete(
      TEMPLATE.replace(
        '- Name: sidecar\n          Image: sidecar:1',
        '- Name: sidecar\n          Image: sidecar:1\n          DependsOn:\n            - ContainerName: |',
      ),
    );
    assert.deepEqual(labels(items), ['worker']);
  });

  test('nothing where no name goes, nor in YAML without a task definition', () => {
    assert.deepEqual(
      complete(TEMPLATE.replace('CURSOR', 'x').replace('Image: worker:1', 'Image: |')).items,
      [],
    );
    assert.deepEqual(
      complete(
        'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      ContainerName: |\n',
      ).items,
      [],
    );
  });
});

describe('conditions in a YAML template', () => {
  const withCondition = (target: string, typed: string) =>
    TEMPLATE.replace(
      'ContainerName: CURSOR',
      `ContainerName: ${target}\n              Condition: ${typed}`,
    );

  test('SUCCESS first for an init container; accepted, the template has no finding left about it', () => {
    const { text, items } = complete(withCondition('init-config', '|'));
    assert.deepEqual(labels(items), ['SUCCESS', 'COMPLETE', 'START', 'HEALTHY']);
    assert.equal(items.find((i) => i.label === 'SUCCESS')!.preselect, true);
    const fixed = accept(text, items, 'SUCCESS');
    assert.ok(fixed.includes('Condition: SUCCESS\n'));
    assert.deepEqual(
      codes(fixed).filter((c) => c.startsWith('init-') || c.startsWith('condition')),
      [],
    );
  });

  test('HEALTHY first for a container with a health check; SUCCESS on it warns that it is essential', () => {
    const { items } = complete(withCondition("'yes'", 'S|'));
    assert.deepEqual(labels(items), ['HEALTHY', 'START', 'SUCCESS', 'COMPLETE']);
    assert.match(
      (items.find((i) => i.label === 'SUCCESS')!.documentation as MarkupContent).value,
      /⚠ yes is essential: ECS does not accept SUCCESS on it\./,
    );
  });
});

describe('a JSON template', () => {
  test('ContainerName and Condition values are JSON strings', () => {
    const json = JSON.stringify(
      {
        Resources: {
          Task: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              ContainerDefinitions: [
                { Name: 'init', Image: 'busybox', Essential: false },
                {
                  Name: 'app',
                  Image: 'nginx',
                  DependsOn: [{ ContainerName: 'CURSOR', Condition: 'C2' }],
                },
              ],
            },
          },
        },
      },
      null,
      2,
    );
    const names = complete(json.replace('"CURSOR"', '"i|"'), 'file:///project/app.template.json');
    assert.deepEqual(labels(names.items), ['init']);
    assert.equal(names.items[0]!.filterText, '"init');
    const named = applyTextEdits(names.text, [names.items[0]!.textEdit as TextEdit]);
    assert.ok(named.includes('"ContainerName": "init"'), named);
    const conditions = complete(
      json.replace('"CURSOR"', '"init"').replace('"C2"', '"|"'),
      'file:///project/app.template.json',
    );
    assert.equal(labels(conditions.items)[0], 'SUCCESS');
    const done = applyTextEdits(conditions.text, [conditions.items[0]!.textEdit as TextEdit]);
    assert.ok(done.includes('"Condition": "SUCCESS"'), done);
    assert.doesNotThrow(() => JSON.parse(done));
  });
});
