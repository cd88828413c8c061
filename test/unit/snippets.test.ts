/**
 * The contributed snippets, expanded with their default values as a user who only presses Tab would
 * get them: each is valid JSON, and the task definitions built from them pass our own rules.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze } from '../../server/src/engine/index';
import { expand, type Snippet } from '../support/snippets';

const snippets: Record<string, Snippet> = JSON.parse(readFileSync('snippets/ecs.json', 'utf8'));

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).find((s) =>
    ([] as string[]).concat(s.prefix).includes(prefix),
  );
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

function lint(text: string) {
  return analyze(text, { uri: 'file:///snippet/task-def.json' }).findings.map(
    (f) => `${f.code}: ${f.message}`,
  );
}

describe('snippets/ecs.json', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    test(`"${name}" has an ecs- prefix, a description and no stray dollar`, () => {
      for (const prefix of ([] as string[]).concat(snippet.prefix))
        assert.match(prefix, /^ecs-[a-z-]+$/);
      assert.ok(snippet.description.length > 20);
      const expanded = expand(snippet);
      assert.ok(!expanded.includes('$'), expanded);
    });

    test(`"${name}" expands to valid JSON`, () => {
      const expanded = expand(snippet);
      const asDocument = expanded.trimStart().startsWith('"') ? `{${expanded}}` : expanded;
      assert.doesNotThrow(() => JSON.parse(asDocument));
    });
  }

  test('a placeholder used twice has one default everywhere (VS Code edits them together)', () => {
    for (const snippet of Object.values(snippets)) {
      const seen = new Map<string, string>();
      for (const m of snippet.body.join('\n').matchAll(/\$\{(\d+):([^${}]*)\}/g)) {
        const previous = seen.get(m[1]!);
        if (previous !== undefined) assert.equal(m[2], previous, `placeholder ${m[1]}`);
        seen.set(m[1]!, m[2]!);
      }
    }
  });

  test('the whole task definition lints clean', () => {
    const text = expand(byPrefix('ecs-task-definition-init'));
    assert.deepEqual(lint(text), []);
    const graph = analyze(text).graph()!;
    assert.deepEqual(graph.phases, [['init'], ['app']]);
    const init = graph.nodes.find((n) => n.id === 'init')!;
    assert.equal(init.essential, false);
    assert.equal(init.isInit, true);
  });

  test('a task assembled from the container snippets lints clean', () => {
    const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);
    const init = expand(byPrefix('ecs-init-container'));
    const router = expand(byPrefix('ecs-firelens-log-router'));
    const dependsOn = expand(byPrefix('ecs-depends-on'));
    const healthCheck = expand(byPrefix('ecs-health-check'));
    const firelensLogs = expand(byPrefix('ecs-firelens-log-configuration'));
    const text = `{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "taskRoleArn": "arn:aws:iam::123456789012:role/web",
  "containerDefinitions": [
    ${indent(router, '    ')},
    ${indent(init, '    ')},
    {
      "name": "app",
      "image": "my-registry/web:2.3.1",
      "essential": true,
      "command": ["sh", "-c", "cat /shared/ready && exec web"],
      ${indent(dependsOn, '      ')},
      ${indent(healthCheck, '      ')},
      "portMappings": [{ "containerPort": 8080 }],
      "mountPoints": [{ "sourceVolume": "shared", "containerPath": "/shared", "readOnly": true }],
      ${indent(firelensLogs, '      ')}
    }
  ],
  "volumes": [{ "name": "shared" }]
}
`;
    assert.deepEqual(lint(text), []);
    const graph = analyze(text).graph()!;
    assert.ok(
      graph.edges.some((e) => e.from === 'log-router' || e.to === 'log-router'),
      'the FireLens order is in the graph',
    );
  });
});

/**
 * The YAML snippets for CloudFormation templates, inserted as VS Code inserts them: every tab of a
 * line's leading whitespace becomes one indentation unit of the editor, and each line after the
 * first starts with the indentation of the line the snippet goes into.
 */
describe('snippets/cloudformation.json', () => {
  const yamlSnippets: Record<string, Snippet> = JSON.parse(
    readFileSync('snippets/cloudformation.json', 'utf8'),
  );
  const byYamlPrefix = (prefix: string): Snippet => {
    const found = Object.values(yamlSnippets).find((s) =>
      ([] as string[]).concat(s.prefix).includes(prefix),
    );
    assert.ok(found, `no snippet with prefix ${prefix}`);
    return found;
  };

  /** `template` with `marker` replaced by the snippet, expanded with its defaults. */
  function insert(template: string, marker: string, prefix: string, unit: string): string {
    const at = template.indexOf(marker);
    assert.ok(at >= 0, `no ${marker} in the template`);
    const lineStart = template.lastIndexOf('\n', at) + 1;
    const indentation = template.slice(lineStart, at);
    assert.match(indentation, /^ *$/);
    const body = expand(byYamlPrefix(prefix), unit).split('\n').join(`\n${indentation}`);
    return template.slice(0, at) + body + template.slice(at + marker.length);
  }

  function findings(text: string): string[] {
    assert.deepEqual(parseDocument(text, { uniqueKeys: true }).errors, [], text);
    return analyze(text, {
      format: 'cloudformation',
      uri: 'file:///snippet/service.yaml',
    }).findings.map((f) => `${f.code}: ${f.message}`);
  }

  const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  LogGroup:
    Type: AWS::Logs::LogGroup
  RESOURCE
`;

  const SERVICE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Service:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '512'
      Memory: '1024'
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      ContainerDefinitions:
        - Name: cache
          Image: public.ecr.aws/docker/library/redis:7.2
          Essential: true
          CACHE
        - Name: app
          Image: my-registry/web:2.3.1
          Essential: true
          APP
          PortMappings:
            - ContainerPort: 8080
        INIT
      VOLUMES
`;

  for (const [name, snippet] of Object.entries(yamlSnippets)) {
    test(`"${name}" has an ecs-cfn- prefix, a description, and no tab left inside a line`, () => {
      for (const prefix of ([] as string[]).concat(snippet.prefix))
        assert.match(prefix, /^ecs-cfn-[a-z-]+$/);
      assert.ok(snippet.description.length > 20);
      for (const line of snippet.body) assert.match(line, /^\t*[^\t]*$/, line);
      assert.ok(!expand(snippet).includes('$'));
    });
  }

  for (const unit of ['  ', '    ']) {
    test(`the task definition resource reads as a template with no finding (indent ${unit.length})`, () => {
      const text = insert(TEMPLATE, 'RESOURCE', 'ecs-cfn-task-definition-init', unit);
      assert.deepEqual(findings(text), []);
      const graph = analyze(text, { format: 'cloudformation' }).graph()!;
      assert.deepEqual(graph.phases, [['init'], ['app']]);
    });

    test(`the init container alone is not awaited yet; with a DependsOn, a mount and the volume it is right (indent ${unit.length})`, () => {
      const alone = insert(SERVICE, 'INIT', 'ecs-cfn-init-container', unit).replace(
        /^ *(CACHE|APP|VOLUMES)\n/gm,
        '',
      );
      // What its description says to do next: make the app wait for it and declare the volume.
      assert.deepEqual(
        findings(alone).map((f) => f.slice(0, f.indexOf(':'))),
        ['init-not-awaited', 'unknown-volume'],
      );
      let wired = insert(SERVICE, 'INIT', 'ecs-cfn-init-container', unit);
      wired = insert(wired, 'APP', 'ecs-cfn-depends-on', unit);
      wired = wired
        .replace(/^ *CACHE\n/m, '')
        .replace(/^( *)VOLUMES\n/m, '$1Volumes:\n$1  - Name: shared\n')
        .replace(
          'ContainerPort: 8080\n',
          'ContainerPort: 8080\n          MountPoints:\n            - {SourceVolume: shared, ContainerPath: /shared, ReadOnly: true}\n',
        );
      assert.deepEqual(findings(wired), []);
    });

    test(`a health check and a DependsOn entry waiting for it with HEALTHY give no finding (indent ${unit.length})`, () => {
      let text = insert(SERVICE, 'CACHE', 'ecs-cfn-health-check', unit);
      text = text.replace('APP', 'DependsOn:\n            DEPENDENCY');
      text = insert(text, 'DEPENDENCY', 'ecs-cfn-dependency', unit)
        .replace('ContainerName: init', 'ContainerName: cache')
        .replace('Condition: SUCCESS', 'Condition: HEALTHY')
        .replace(/^ *(INIT|VOLUMES)\n/gm, '');
      assert.deepEqual(findings(text), []);
    });
  }
});
