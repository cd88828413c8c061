/**
 * The CLI on templates: `lint` reads YAML and JSON templates (named, in directories and by globs),
 * reports at the template's own lines, writes SARIF locations in the template and fixes it in
 * place; `simulate` takes a template's task definition by its logical ID.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { ensureCli, runCli } from '../../support/cli';

/** An essential init container nobody waits for, in a YAML template, with comments. */
export const INIT_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: A web app with an init step # kept by --fix
Parameters:
  Tag: {Type: String}
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        # Copies the site into the shared volume.
        - Name: init
          Image: busybox:1.36
          Command: [sh, -c, 'cp -r /src/. /site/']
          MountPoints:
            - {SourceVolume: site, ContainerPath: /site}
        - Name: web
          Image: !Sub 'nginx:\${Tag}'
          MountPoints:
            - {SourceVolume: site, ContainerPath: /usr/share/nginx/html, ReadOnly: true}
      Volumes:
        - Name: site
  Worker:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: worker
          Image: worker:1.0
          Memory: 256
`;
const INIT_LINE = INIT_TEMPLATE.split('\n').findIndex((l) => l.includes('- Name: init')) + 1;

const WORKFLOW = `name: build
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
`;

let dir: string;
const file = (name: string) => join(dir, name);

before(() => {
  ensureCli();
  dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-cfn-cli-'));
  mkdirSync(file('infra/.github/workflows'), { recursive: true });
  writeFileSync(file('infra/app.yaml'), INIT_TEMPLATE);
  writeFileSync(file('infra/.github/workflows/build.yml'), WORKFLOW);
  writeFileSync(
    file('infra/stack.template.json'),
    JSON.stringify(
      {
        Resources: {
          Api: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              ContainerDefinitions: [
                {
                  Name: 'api',
                  Image: 'api:1',
                  Memory: 256,
                  DependsOn: [{ ContainerName: 'db', Condition: 'START' }],
                },
              ],
            },
          },
        },
      },
      null,
      2,
    ),
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('lint', () => {
  test('a YAML template: findings at its lines, named by resource, in the template’s words', () => {
    const run = runCli(['lint', file('infra/app.yaml')]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.ok(
      lines.includes(
        `${file('infra/app.yaml')}:${INIT_LINE}:17 warning essential-init-container Web: init looks like an init container (a one-shot setup step) but is essential (Essential defaults to true when it is left out): when it exits, even with code 0, ECS stops the whole task, web included. Make it non-essential and let the containers that need it wait for it with SUCCESS.`,
      ),
      run.stdout,
    );
    assert.match(lines[lines.length - 1]!, / in 2 task definitions$/);
  });

  test('a directory: its templates, JSON and YAML; other YAML is left out without a word', () => {
    const run = runCli(['lint', '--format', 'json', file('infra')]);
    const out = JSON.parse(run.stdout) as { files: { path: string; skipped?: string }[] };
    assert.deepEqual(
      out.files.map((f) => [
        f.path
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
        f.skipped,
      ]),
      [
        ['infra/app.yaml', undefined],
        ['infra/stack.template.json', undefined],
      ],
    );
    assert.equal(run.status, 1, 'dependency-unknown-container in stack.template.json is an error');
  });

  test('a glob over YAML picks the templates', () => {
    const run = runCli(['lint', '--format', 'json', `${dir}/**/*.{yaml,yml}`]);
    const out = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.deepEqual(
      out.files.map((f) => f.path.slice(dir.length + 1)),
      [join('infra', 'app.yaml')],
    );
  });

  test('a YAML file that is no template, named on the command line, is skipped with the reason', () => {
    const run = runCli(['lint', file('infra/.github/workflows/build.yml')]);
    assert.match(
      run.stdout,
      /build\.yml: skipped: not a CloudFormation template with an AWS::ECS::TaskDefinition resource/,
    );
  });

  test('SARIF locations point into the template', () => {
    const run = runCli(['lint', '--format', 'sarif', file('infra/app.yaml')], { cwd: dir });
    const sarif = JSON.parse(run.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
        tool: { driver: { rules: { id: string }[] } };
      }[];
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'essential-init-container')!;
    assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'infra/app.yaml');
    assert.equal(result.locations[0]!.physicalLocation.region.startLine, INIT_LINE);
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((r) => r.id === 'yaml-syntax'));
  });

  test('YAML syntax errors are errors with plain messages', () => {
    writeFileSync(
      file('broken.yaml'),
      INIT_TEMPLATE.replace('        - Name: web', '\t- Name: web'),
    );
    const run = runCli(['lint', file('broken.yaml')]);
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /:\d+:\d+ error yaml-syntax A tab indents this line: YAML indents with spaces only\./,
    );
  });

  test('--fix edits the template in place: still valid YAML, comments kept, the findings gone', () => {
    writeFileSync(file('fix.yaml'), INIT_TEMPLATE);
    const run = runCli(['lint', '--fix', file('fix.yaml')]);
    assert.match(
      run.stdout,
      /fixed: essential-init-container: Make init non-essential and make web wait for it \(SUCCESS\)/,
    );
    const fixed = readFileSync(file('fix.yaml'), 'utf8');
    assert.deepEqual(parseDocument(fixed).errors, []);
    assert.ok(fixed.includes('# kept by --fix') && fixed.includes('# Copies the site'));
    assert.ok(
      fixed.includes(`          Image: busybox:1.36
          Essential: false
`),
      fixed,
    );
    assert.ok(
      fixed.includes(`          Image: !Sub 'nginx:\${Tag}'
          DependsOn:
            - ContainerName: init
              Condition: SUCCESS
`),
      fixed,
    );
    assert.doesNotMatch(
      runCli(['lint', file('fix.yaml')]).stdout,
      /essential-init-container|init-not-awaited/,
    );
  });
});

describe('simulate', () => {
  test('a template with several task definitions asks for --task, naming them', () => {
    const run = runCli(['simulate', file('infra/app.yaml')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /holds 2 task definitions: choose one with --task \(Web, Worker\)/);
  });

  test('--task picks one; an unknown one is named with the others', () => {
    const run = runCli(['simulate', '--task', 'Web', file('infra/app.yaml')]);
    assert.equal(run.status, 1, 'the essential init container stops the task');
    assert.match(run.stdout, /app\.yaml Web: what ECS does/);
    assert.match(run.stdout, /init\s+exit/);
    const unknown = runCli(['simulate', '--task', 'Api', file('infra/app.yaml')]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /has no task definition "Api" \(task definitions: Web, Worker\)/);
  });

  test('a template with one task definition needs no --task', () => {
    const run = runCli(['simulate', '--format', 'json', file('infra/stack.template.json')]);
    assert.equal(JSON.parse(run.stdout).containers[0].name, 'api');
  });
});
