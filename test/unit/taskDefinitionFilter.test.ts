/** The cheap "is this a task definition?" check (client and server) and the one glob matcher. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { matchesAnyPattern, matchesGlob } from '../../shared/src/glob';
import {
  isTaskDefinition,
  mayBecomeTaskDefinition,
  mentionsContainerDefinitions,
  startsWithArray,
} from '../../shared/src/taskDefinitionFilter';

/** The defaults of `ecsInitOrder.filePatterns`, read from the manifest so the test follows it. */
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const defaultPatterns: string[] =
  manifest.contributes.configuration.properties['ecsInitOrder.filePatterns'].default;

describe('matchesGlob', () => {
  const cases: Array<[pattern: string, path: string, expected: boolean]> = [
    ['**/*task-def*.json', '/home/me/app/deploy/task-def.json', true],
    ['**/*task-def*.json', 'task-def.json', true],
    ['**/*task-def*.json', 'C:\\work\\app\\web-task-def.prod.json', true],
    ['**/*task-def*.json', '/home/me/app/task-def.json/notes.txt', false],
    ['**/*task-def*.json', '/home/me/task-def/package.json', false],
    ['*.taskdef.json', '/repo/infra/web.taskdef.json', true],
    ['*.taskdef.json', '/repo/infra/taskdef.json', false],
    ['taskdef.json', '/repo/infra/taskdef.json', true],
    ['taskdef.json', '/repo/infra/my-taskdef.json', false],
    ['*task-definition*.json', '/repo/TaskDefinition.json', false],
    ['*task-definition*.json', '/repo/Web-Task-Definition.JSON', true],
    ['infra/*.json', '/home/me/project/infra/web.json', true],
    ['infra/*.json', '/home/me/project/infra/ecs/web.json', false],
    ['infra/**/*.json', '/home/me/project/infra/ecs/prod/web.json', true],
    ['infra/**/*.json', '/home/me/project/infra/web.json', true],
    ['/abs/infra/*.json', '/abs/infra/web.json', true],
    ['/abs/infra/*.json', '/other/abs/infra/web.json', false],
    ['**/ecs/**', '/repo/ecs/a/b/c.json', true],
    ['**/ecs/**', '/repo/ecsx/a.json', false],
    ['task-def-?.json', '/r/task-def-1.json', true],
    ['task-def-?.json', '/r/task-def-12.json', false],
    ['task-def-[0-9].json', '/r/task-def-7.json', true],
    ['task-def-[!0-9].json', '/r/task-def-7.json', false],
    ['task-def-[!0-9].json', '/r/task-def-x.json', true],
    ['*.{taskdef,task-def}.json', '/r/web.task-def.json', true],
    ['*.{taskdef,task-def}.json', '/r/web.taskdef.json', true],
    ['*.{taskdef,task-def}.json', '/r/web.td.json', false],
    ['{a,{b,c}}.json', '/r/c.json', true],
    ['', '/r/task-def.json', false],
  ];
  for (const [pattern, path, expected] of cases) {
    test(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(matchesGlob(path, pattern), expected);
    });
  }

  test('a pattern built to make a regular expression backtrack is matched in linear time', () => {
    const pattern = `${'*a'.repeat(40)}*b.json`;
    const path = `/repo/${'a'.repeat(4000)}.json`;
    const started = process.hrtime.bigint();
    assert.equal(matchesGlob(path, pattern), false);
    assert.ok(process.hrtime.bigint() - started < 2_000_000_000n, 'took more than 2 s');
  });

  test('over-long patterns and huge brace expansions are refused, not run', () => {
    assert.equal(matchesGlob('/r/x.json', `${'*'.repeat(600)}.json`), false);
    const manyBraces = '{a,b}'.repeat(20) + '.json';
    assert.equal(matchesGlob('/r/aaaaaaaaaaaaaaaaaaaa.json', manyBraces), false);
  });
});

describe('matchesAnyPattern with the default patterns', () => {
  const named = [
    'deploy/task-def.json',
    'ecs/web-taskdef.json',
    'ecs/taskdef.json',
    'ecs/web.taskdef.json',
    'infra/orders-task-definition.json',
    'infra/app-container-definitions.json',
    'terraform/containers.json',
  ];
  for (const path of named) {
    test(`${path} is a task-definition name`, () =>
      assert.ok(matchesAnyPattern(`/home/me/project/${path}`, defaultPatterns)));
  }
  for (const path of [
    'package.json',
    'tsconfig.json',
    '.vscode/settings.json',
    'cdk.json',
    'task-def.yaml',
  ]) {
    test(`${path} is not`, () =>
      assert.ok(!matchesAnyPattern(`/home/me/project/${path}`, defaultPatterns)));
  }
  test('a non-string entry in the setting is skipped', () => {
    assert.ok(
      matchesAnyPattern('/r/task-def.json', [42 as unknown as string, '**/*task-def*.json']),
    );
  });
});

describe('content checks', () => {
  test('a task definition is recognised by its containerDefinitions key', () => {
    const text = readFileSync('examples/fixed-task-definition.json', 'utf8');
    assert.ok(mentionsContainerDefinitions(text));
    assert.ok(isTaskDefinition('/tmp/anything.json', text, []));
  });

  test('describe-task-definition output is recognised through its wrapper', () => {
    const text =
      '{\n  "taskDefinition": {\n    "family": "web",\n    "containerDefinitions" : []\n  }\n}\n';
    assert.ok(isTaskDefinition('/tmp/describe-output.json', text, defaultPatterns));
  });

  test('the word in a string value or without a colon is not a key', () => {
    assert.ok(
      !mentionsContainerDefinitions('{ "description": "see \\"containerDefinitions\\" below" }'),
    );
    assert.ok(!mentionsContainerDefinitions('{ "note": "containerDefinitions" }'));
  });

  test('a bare container array counts only when the file name says so', () => {
    const text =
      '// Terraform container_definitions\n[\n  { "name": "web", "image": "nginx:1.27" }\n]\n';
    assert.ok(startsWithArray(text));
    assert.ok(isTaskDefinition('/repo/terraform/containers.json', text, defaultPatterns));
    assert.ok(!isTaskDefinition('/repo/terraform/fixtures.json', text, defaultPatterns));
  });

  test('an object in a task-definition-named file that is something else is not one', () => {
    assert.ok(!isTaskDefinition('/repo/task-def.json', '{ "family": "web" }', defaultPatterns));
    assert.ok(
      mayBecomeTaskDefinition('/repo/task-def.json', '{ "family": "web" }', defaultPatterns),
    );
    assert.ok(mayBecomeTaskDefinition('/repo/task-def.json', '', defaultPatterns));
    assert.ok(!mayBecomeTaskDefinition('/repo/package.json', '{ "name": "x" }', defaultPatterns));
  });

  test('startsWithArray skips a BOM, whitespace and comments', () => {
    assert.ok(startsWithArray('\uFEFF  /* c */ \r\n// x\n ['));
    assert.ok(!startsWithArray('/* [ */ {}'));
    assert.ok(!startsWithArray('/* unterminated ['));
    assert.ok(!startsWithArray(''));
  });

  test('package.json of this project is not a task definition', () => {
    assert.ok(
      !isTaskDefinition(
        '/project/package.json',
        readFileSync('package.json', 'utf8'),
        defaultPatterns,
      ),
    );
  });
});
