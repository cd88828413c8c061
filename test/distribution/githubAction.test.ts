/**
 * The GitHub Action (action.yml) run locally: its own steps, in bash, in a workspace holding a copy
 * of examples/, as a runner would run them (test/support/compositeAction.ts). The one difference is
 * the `package` input: the tarball of `npm run pack:cli`, installed with npm offline, instead of the
 * published version.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readAction, runAction } from '../support/compositeAction';
import { packCli } from '../support/npmPackage';

const ACTION_PATH = resolve('.');
let packDir: string;
let tarball: string;
let workspace: string;

before(() => {
  packDir = mkdtempSync(join(tmpdir(), 'ecs-init-order-tarball-'));
  tarball = packCli(packDir);
});
after(() => rmSync(packDir, { recursive: true, force: true }));

/** Runs the action in a fresh workspace with a copy of examples/. */
function run(inputs: Record<string, string>) {
  rmSync(workspace ?? '', { recursive: true, force: true });
  workspace = mkdtempSync(join(tmpdir(), 'ecs-init-order-workspace-'));
  cpSync(resolve('examples'), join(workspace, 'examples'), { recursive: true });
  return runAction({
    actionPath: ACTION_PATH,
    workspace,
    inputs: { package: tarball, ...inputs },
    env: { npm_config_offline: 'true' },
  });
}
after(() => rmSync(workspace ?? '', { recursive: true, force: true }));

describe('action.yml', () => {
  const action = readAction('action.yml');

  test('a composite action with the inputs files, format, fail-on and sarif-file', () => {
    assert.equal(action.runs.using, 'composite');
    for (const input of ['files', 'format', 'fail-on', 'sarif-file', 'package'])
      assert.ok(action.inputs[input]?.description, input);
    assert.equal(action.inputs['fail-on']!.default, 'error');
    assert.ok(action.outputs['sarif-file']);
  });

  test('by default it runs the npm package of its own version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    assert.equal(action.inputs.package!.default, `ecs-init-order@${version}`);
  });

  test('inputs reach the scripts through env, never inside a run script', () => {
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/);
  });

  test('docs/github-action.md shows the action with the SARIF upload', () => {
    const doc = readFileSync('docs/github-action.md', 'utf8');
    assert.match(doc, /uses: github\/codeql-action\/upload-sarif@v\d+/);
    assert.match(doc, /security-events: write/);
    for (const input of Object.keys(action.inputs)) assert.ok(doc.includes(`\`${input}\``), input);
  });
});

describe('running the action on examples/', () => {
  test('defaults: annotations, the SARIF report, outputs, a summary, and failure on errors', () => {
    const result = run({});
    assert.equal(result.status, 1, result.log);
    assert.match(
      result.log,
      /^::warning file=examples\/seed-task-definition\.json,line=5,endLine=5,title=ecs-init-order%3A init-not-awaited,col=15,endColumn=\d+::init-setup looks like an init container/m,
    );
    assert.match(
      result.log,
      /^::error file=examples\/broken-start-order-task-def\.json,line=\d+,.*title=ecs-init-order%3A dependency-cycle/m,
    );
    assert.match(result.log, /^::error title=ecs-init-order::8 findings at fail-on level "error"/m);

    assert.equal(result.outputs['sarif-file'], 'ecs-init-order.sarif');
    const sarif = JSON.parse(readFileSync(join(workspace, 'ecs-init-order.sarif'), 'utf8'));
    const results: { level: string; locations: unknown[] }[] = sarif.runs[0].results;
    assert.equal(results.filter((r) => r.level === 'error').length, 8);
    assert.equal(result.outputs.errors, '8');
    assert.equal(result.outputs.warnings, '5');
    assert.match(result.summary, /8 errors, 5 warnings, 1 note/);
    assert.match(result.summary, /\| `dependency-cycle` \| 2 \|/);
  });

  test('fail-on never passes and still writes the report where it is asked to', () => {
    const result = run({ 'fail-on': 'never', 'sarif-file': 'reports/ecs.sarif' });
    assert.equal(result.status, 0, result.log);
    assert.equal(result.outputs['sarif-file'], join('reports', 'ecs.sarif'));
    assert.ok(existsSync(join(workspace, 'reports/ecs.sarif')));
  });

  test('fail-on warning fails on warnings alone; a correct file passes', () => {
    const seed = run({ files: 'examples/seed-task-definition.json', 'fail-on': 'warning' });
    assert.equal(seed.status, 1, seed.log);
    assert.match(seed.log, /8 findings at fail-on level "warning"/);
    const fixed = run({
      files: 'examples/fixed-task-definition.json examples/firelens-datadog.taskdef.json',
      'fail-on': 'warning',
    });
    assert.equal(fixed.status, 0, fixed.log);
    assert.match(fixed.log, /0 errors, 0 warnings, 0 notes/);
  });

  test('format text prints the CLI’s own lines', () => {
    const result = run({ files: 'examples/*.json', format: 'text', 'fail-on': 'never' });
    assert.equal(result.status, 0, result.log);
    assert.match(
      result.log,
      /^examples\/seed-task-definition\.json:7:18 warning entrypoint-overrides-shell /m,
    );
    assert.doesNotMatch(result.log, /^::warning/m);
  });

  test('a glob that matches nothing and a bad input fail with a message', () => {
    const nothing = run({ files: 'deploy/**/*.json' });
    assert.equal(nothing.status, 2, nothing.log);
    assert.match(nothing.log, /no task definitions or templates match "deploy\/\*\*\/\*\.json"/);
    const bad = run({ 'fail-on': 'sometimes' });
    assert.equal(bad.status, 2, bad.log);
    assert.match(bad.log, /::error title=ecs-init-order::fail-on must be error, warning, never/);
  });
});
