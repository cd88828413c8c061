/**
 * Which files are templates, and in which format each file is read: one decision
 * (shared/src/taskDefinitionFilter.ts) for the client, the language server and the CLI.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  declaresTaskDefinitionResource,
  formatOf,
  isTaskDefinition,
  looksLikeTemplate,
  mayBecomeTaskDefinition,
} from '../../../shared/src/taskDefinitionFilter';

const YAML_TASK = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: {}
`;
const JSON_TASK = `{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition"}}}`;
const VERSION_ONLY = `AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n`;

describe('templates', () => {
  test('AWSTemplateFormatVersion, or Resources with a task definition, make a template', () => {
    assert.ok(looksLikeTemplate(YAML_TASK));
    assert.ok(looksLikeTemplate(JSON_TASK));
    assert.ok(looksLikeTemplate(VERSION_ONLY));
    assert.ok(looksLikeTemplate('{\n  "AWSTemplateFormatVersion": "2010-09-09"\n}'));
    assert.ok(!looksLikeTemplate('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n'));
    assert.ok(!looksLikeTemplate('name: build\non: [push]\n'));
    assert.ok(!looksLikeTemplate('{"containerDefinitions": []}'));
  });

  test('only a template that declares a task definition counts as one', () => {
    assert.ok(declaresTaskDefinitionResource(YAML_TASK));
    assert.ok(
      declaresTaskDefinitionResource(`Resources:\n  T:\n    Type: 'AWS::ECS::TaskDefinition'\n`),
    );
    assert.ok(!declaresTaskDefinitionResource(VERSION_ONLY));
    assert.ok(!declaresTaskDefinitionResource('Description: uses AWS::ECS::TaskDefinition\n'));
    assert.ok(isTaskDefinition('/infra/app.yaml', YAML_TASK, []));
    assert.ok(!isTaskDefinition('/infra/app.yaml', VERSION_ONLY, []));
    assert.ok(mayBecomeTaskDefinition('/infra/app.yaml', VERSION_ONLY, []));
  });

  test('every collected real template is one', () => {
    const dir = 'test/fixtures/cloudformation';
    const templates = readdirSync(dir).filter(
      (f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.expected.json'),
    );
    assert.ok(templates.length >= 14, `${templates.length}`);
    for (const f of templates) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.ok(declaresTaskDefinitionResource(text), f);
      assert.equal(formatOf(join(dir, f), text), 'cloudformation', f);
    }
  });
});

describe('formatOf', () => {
  const cases: [path: string, text: string, languageId: string | undefined, format: string][] = [
    ['/infra/app.yaml', YAML_TASK, undefined, 'cloudformation'],
    ['/infra/app.yml', 'name: build\n', undefined, 'cloudformation'],
    ['/infra/app.template', JSON_TASK, undefined, 'cloudformation'],
    ['/cdk.out/App.template.json', JSON_TASK, undefined, 'cloudformation'],
    ['/infra/task-def.json', '{"containerDefinitions": []}', undefined, 'json'],
    ['/infra/anything.json', '{"name": "x"}', undefined, 'json'],
    ['untitled:Untitled-1', YAML_TASK, 'yaml', 'cloudformation'],
    ['/infra/app.cfn', 'Description: no resources yet\n', 'cloudformation', 'cloudformation'],
    ['/infra/app.yaml', JSON_TASK, 'json', 'cloudformation'],
    ['/infra/task-def.json', '{"family": "x"}', 'jsonc', 'json'],
  ];
  for (const [path, text, languageId, format] of cases)
    test(`${path} (${languageId ?? 'by name'}) is read as ${format}`, () =>
      assert.equal(formatOf(path, text, languageId), format));
});
