/**
 * The CLI as users and CI run it: the built bundle (dist/cli.js), its three output formats, exit
 * codes, file arguments (paths, directories, globs), --fix and --rule.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ensureCli, runCli } from '../support/cli';
import { INIT_DONE_RIGHT } from './rules/helpers';

/** A correct Fargate task but for one error this suite knows the exact place of: the "cahce" value. */
const TYPO = `{
  "family": "shop",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    { "name": "cache", "image": "redis:7.4", "essential": false },
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "cahce", "condition": "START" }] }
  ]
}
`;
const TYPO_LINE = 8; // 0-based
const TYPO_CHAR = TYPO.split('\n')[TYPO_LINE]!.indexOf('"cahce"');

const SYNTAX_ERROR = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "cahce", "condition": "START" }] }
`;

interface JsonOutput {
  files: {
    path: string;
    skipped?: string;
    error?: string;
    fixed?: string[];
    diagnostics: {
      code: string;
      severity: string;
      message: string;
      range: {
        start: { line: number; character: number };
        end: { line: number; character: number };
      };
      fixes: {
        title: string;
        isPreferred: boolean;
        edits: { range: unknown; newText: string }[];
      }[];
    }[];
  }[];
}

let dir: string;
const file = (name: string) => join(dir, name);

before(() => {
  ensureCli();
  dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-cli-'));
  writeFileSync(file('clean.json'), INIT_DONE_RIGHT);
  writeFileSync(file('typo.json'), TYPO);
  writeFileSync(file('syntax.json'), SYNTAX_ERROR);
  writeFileSync(file('notes.json'), 'These are my notes, not JSON.\n');
  writeFileSync(file('package.json'), '{ "name": "shop", "version": "1.0.0" }\n');
  copyFileSync('examples/seed-task-definition.json', file('seed.json'));
  mkdirSync(file('defs/deeper'), { recursive: true });
  writeFileSync(file('defs/api.json'), TYPO);
  writeFileSync(file('defs/deeper/worker.jsonc'), `// worker\n${INIT_DONE_RIGHT}`);
  writeFileSync(file('defs/README.md'), '# task definitions\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('text format', () => {
  test('one line per problem: path:line:col severity code message, then a summary', () => {
    const run = runCli(['lint', file('typo.json')]);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(
      lines[0],
      `${file('typo.json')}:${TYPO_LINE + 1}:${TYPO_CHAR + 1} error dependency-unknown-container app waits for "cahce", but no container has that name, so ECS rejects the task definition. Did you mean "cache"?`,
    );
    for (const l of lines.slice(0, -2))
      assert.match(l, /^.+:\d+:\d+ (error|warning|info|hint) [a-z0-9-]+ \S.*$/);
    assert.equal(lines.at(-2), '');
    assert.match(
      lines.at(-1)!,
      /^\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info, \d+ hints?\) in 1 task definition$/,
    );
  });

  test('a clean file: no problem lines, exit code 0', () => {
    const run = runCli(['lint', file('clean.json')]);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(
      run.stdout,
      '\n0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 1 task definition\n',
    );
    assert.equal(run.stderr, '');
  });
});

describe('json format', () => {
  test('the issue’s shape, 0-based positions, fixes with their edits', () => {
    const run = runCli(['lint', '--format', 'json', file('typo.json')]);
    assert.equal(run.status, 1);
    const out = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(Object.keys(out), ['files']);
    assert.equal(out.files.length, 1);
    assert.deepEqual(Object.keys(out.files[0]!), ['path', 'diagnostics']);
    assert.equal(out.files[0]!.path, file('typo.json'));
    const d = out.files[0]!.diagnostics.find((x) => x.code === 'dependency-unknown-container')!;
    assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'fixes']);
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, {
      start: { line: TYPO_LINE, character: TYPO_CHAR },
      end: { line: TYPO_LINE, character: TYPO_CHAR + 7 },
    });
    assert.deepEqual(d.fixes, [
      {
        title: 'Change "cahce" to "cache"',
        isPreferred: true,
        edits: [
          {
            range: {
              start: { line: TYPO_LINE, character: TYPO_CHAR },
              end: { line: TYPO_LINE, character: TYPO_CHAR + 7 },
            },
            newText: '"cache"',
          },
        ],
      },
    ]);
  });

  test('skipped files and unreadable files are listed with the reason', () => {
    const run = runCli([
      'lint',
      '--format=json',
      file('notes.json'),
      file('package.json'),
      file('missing.json'),
    ]);
    assert.equal(run.status, 2);
    const out = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(
      out.files.map((f) => [relative(dir, f.path), f.skipped ?? f.error, f.diagnostics]),
      [
        ['notes.json', 'not valid JSON', []],
        ['package.json', 'not an ECS task definition (no containerDefinitions)', []],
        ['missing.json', `cannot read ${file('missing.json')}: ENOENT`, []],
      ],
    );
  });
});

describe('sarif format', () => {
  test('SARIF 2.1.0 with the rule catalog and 1-based regions', () => {
    const run = runCli(['lint', '--format', 'sarif', file('typo.json')]);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'ecs-init-order');
    const ruleIds = driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('dependency-unknown-container'));
    for (const r of driver.rules) {
      assert.ok(r.shortDescription.text.length > 0);
      assert.ok(r.fullDescription.text.length > 0 && r.help.text.length > 0);
      // Every engine rule links its page; JSON, YAML and HCL syntax errors have none.
      if (!['json-syntax', 'yaml-syntax', 'hcl-syntax'].includes(r.id)) {
        assert.match(r.helpUri, new RegExp(`docs/rules/${r.id}\\.md$`));
        assert.ok(r.help.markdown.includes(r.helpUri));
      }
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    }
    const results = sarif.runs[0].results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
      }[];
    }[];
    for (const r of results) {
      assert.ok(['error', 'warning', 'note'].includes(r.level));
      assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
      assert.ok(r.message.text.length > 0);
    }
    const typo = results.find((r) => r.ruleId === 'dependency-unknown-container')!;
    assert.equal(typo.level, 'error');
    // Outside the working directory: an absolute file URI.
    assert.equal(
      typo.locations[0]!.physicalLocation.artifactLocation.uri,
      pathToFileURL(file('typo.json')).href,
    );
    assert.deepEqual(typo.locations[0]!.physicalLocation.region, {
      startLine: TYPO_LINE + 1,
      startColumn: TYPO_CHAR + 1,
      endLine: TYPO_LINE + 1,
      endColumn: TYPO_CHAR + 8,
    });
  });

  test('a file under the working directory is named by its relative URI, percent-encoded', () => {
    mkdirSync(file('deploy dir'), { recursive: true });
    copyFileSync(file('typo.json'), file('deploy dir/typo.json'));
    const run = runCli(['lint', '--format', 'sarif', 'deploy dir/typo.json'], { cwd: dir });
    const uris = JSON.parse(run.stdout).runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    assert.ok(uris.length > 0);
    for (const uri of uris) assert.equal(uri, 'deploy%20dir/typo.json');
  });

  test('hints and info become notes', () => {
    writeFileSync(
      file('complete.json'),
      `{
  "family": "shop",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    { "name": "db-migrate", "image": "shop/app:1", "essential": false, "command": ["bin/migrate"] },
    { "name": "app", "image": "shop/app:1", "dependsOn": [{ "containerName": "db-migrate", "condition": "COMPLETE" }] }
  ]
}
`,
    );
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', file('complete.json')]).stdout);
    const hint = sarif.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'complete-ignores-exit-code',
    );
    assert.ok(hint, runCli(['lint', file('complete.json')]).stdout);
    assert.equal(hint.level, 'note');
  });
});

describe('exit codes and usage errors', () => {
  test('0 for a clean file, 1 with errors', () => {
    assert.equal(runCli(['lint', file('clean.json')]).status, 0);
    assert.equal(runCli(['lint', file('typo.json')]).status, 1);
    assert.equal(runCli(['lint', file('clean.json'), file('typo.json')]).status, 1);
  });

  const usage: [string, string[], RegExp][] = [
    ['no arguments', [], /ecs-init-order: missing command/],
    ['an unknown command', ['check', 'x.json'], /unknown command "check"/],
    ['lint without files', ['lint'], /no files given/],
    ['an unknown option', ['lint', '--fast', 'x.json'], /unknown option "--fast"/],
    [
      'a bad --format',
      ['lint', '--format', 'xml', 'x.json'],
      /--format must be text, json or sarif \(got xml\)/,
    ],
    [
      'a bad --rule',
      ['lint', '--rule', 'init-not-awaited', 'x.json'],
      /--rule takes <id>=<error\|warning\|info\|hint\|off>/,
    ],
    [
      'an unknown rule',
      ['lint', '--rule', 'no-such-rule=off', 'x.json'],
      /unknown rule "no-such-rule"/,
    ],
  ];
  for (const [name, args, message] of usage) {
    test(`2 for ${name}, with a clear message and the usage`, () => {
      const run = runCli(args);
      assert.equal(run.status, 2);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: ecs-init-order lint/);
      assert.equal(run.stdout, '');
    });
  }

  test('2 for a missing file, which is named', () => {
    const run = runCli(['lint', file('missing.json')]);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      `${file('missing.json')}: error: cannot read ${file('missing.json')}: ENOENT\n`,
    );
  });

  test('--help, --version and --list-rules exit 0', () => {
    assert.match(
      runCli(['--help']).stdout,
      /Exit codes: 0 no errors, 1 errors found, 2 usage or I\/O error\./,
    );
    assert.match(runCli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    const list = runCli(['--list-rules']);
    assert.equal(list.status, 0);
    assert.match(
      list.stdout,
      /^essential-init-container +warning +An init container is essential/m,
    );
  });
});

describe('files that are not task definitions', () => {
  test('a non-JSON file and a non-task JSON file are reported as skipped, not fatal', () => {
    const run = runCli(['lint', file('notes.json'), file('package.json'), file('clean.json')]);
    assert.equal(run.status, 0);
    assert.match(
      run.stdout,
      new RegExp(`^${escape(file('notes.json'))}: skipped: not valid JSON$`, 'm'),
    );
    assert.match(
      run.stdout,
      new RegExp(
        `^${escape(file('package.json'))}: skipped: not an ECS task definition \\(no containerDefinitions\\)$`,
        'm',
      ),
    );
    assert.match(run.stdout, /in 1 task definition$/m);
  });

  test('a task definition with a syntax error is linted: the syntax errors are errors', () => {
    const run = runCli(['lint', file('syntax.json')]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /:5:\d+ error json-syntax JSON syntax: a closing \] is expected\./);
  });
});

describe('file arguments', () => {
  test('a directory expands to its .json and .jsonc files, recursively', () => {
    const run = runCli(['lint', '--format', 'json', file('defs')]);
    const out = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(
      out.files.map((f) => relative(dir, f.path)),
      [join('defs', 'api.json'), join('defs', 'deeper', 'worker.jsonc')],
    );
  });

  test('a relative directory works as well as an absolute one', () => {
    const run = runCli(['lint', '--format', 'json', 'defs'], { cwd: dir });
    assert.deepEqual(
      (JSON.parse(run.stdout) as JsonOutput).files.map((f) => f.path),
      [join('defs', 'api.json'), join('defs', 'deeper', 'worker.jsonc')],
    );
  });

  test('globs with * and **', () => {
    const star = JSON.parse(
      runCli(['lint', '--format', 'json', 'defs/*.json'], { cwd: dir }).stdout,
    ) as JsonOutput;
    assert.deepEqual(
      star.files.map((f) => f.path),
      ['defs/api.json'],
    );
    const deep = JSON.parse(
      runCli(['lint', '--format', 'json', `${dir}/**/*.jsonc`]).stdout,
    ) as JsonOutput;
    assert.deepEqual(
      deep.files.map((f) => relative(dir, f.path)),
      [join('defs', 'deeper', 'worker.jsonc')],
    );
  });

  test('a glob that matches nothing is an error (2), named on stderr', () => {
    const run = runCli(['lint', 'nothing/*.json'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /ecs-init-order: no task definitions or templates match "nothing\/\*\.json"/,
    );
  });
});

describe('--fix', () => {
  test('fixes a task definition in place and says what it did', () => {
    const target = file('fix-me.json');
    copyFileSync('examples/seed-task-definition.json', target);
    const run = runCli(['lint', '--fix', target]);
    assert.match(
      run.stdout,
      new RegExp(`^${escape(target)}: fixed: essential-init-container: `, 'm'),
    );
    assert.match(run.stdout, /; 3 fixes applied$/m);
    assert.notEqual(
      readFileSync(target, 'utf8'),
      readFileSync('examples/seed-task-definition.json', 'utf8'),
    );
  });

  test('never touches a file that is not a task definition or has syntax errors', () => {
    const files = ['notes.json', 'package.json', 'syntax.json'].map(file);
    const before = files.map((f) => readFileSync(f, 'utf8'));
    const run = runCli(['lint', '--fix', ...files]);
    assert.doesNotMatch(run.stdout, /: fixed: /);
    assert.deepEqual(
      files.map((f) => readFileSync(f, 'utf8')),
      before,
    );
  });

  test('JSON output lists the applied fixes', () => {
    const target = file('fix-me-too.json');
    writeFileSync(target, TYPO);
    const out = JSON.parse(
      runCli(['lint', '--fix', '--format', 'json', target]).stdout,
    ) as JsonOutput;
    assert.deepEqual(out.files[0]!.fixed, [
      'dependency-unknown-container: Change "cahce" to "cache"',
    ]);
    assert.equal(readFileSync(target, 'utf8'), TYPO.replace('"cahce"', '"cache"'));
  });
});

describe('--rule', () => {
  test('id=off silences a rule, in output and in the exit code', () => {
    const on = runCli(['lint', file('typo.json')]);
    assert.match(on.stdout, / dependency-unknown-container /);
    const off = runCli(['lint', '--rule', 'dependency-unknown-container=off', file('typo.json')]);
    assert.doesNotMatch(off.stdout, / dependency-unknown-container /);
    assert.equal(off.status, 0, off.stdout);
  });

  test('id=severity changes the reported severity (also as --rule=id=severity)', () => {
    const run = runCli([
      'lint',
      '--rule=essential-init-container=error',
      '--rule',
      'init-not-awaited=info',
      file('seed.json'),
    ]);
    assert.match(run.stdout, /:\d+:\d+ error essential-init-container /);
    assert.match(run.stdout, /:\d+:\d+ info init-not-awaited /);
  });

  test('a rule turned off is not fixed by --fix', () => {
    const target = file('keep-typo.json');
    writeFileSync(target, TYPO);
    runCli(['lint', '--fix', '--rule', 'dependency-unknown-container=off', target]);
    assert.equal(readFileSync(target, 'utf8'), TYPO);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
