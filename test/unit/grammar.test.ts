/**
 * The injection grammar (syntaxes/ecs-init-order.injection.tmLanguage.json), tested two ways:
 * 1. vscode-tmgrammar-test runs the syntax-test fixtures in test/grammar/ (scope assertions written
 *    under each line: start-order keys and dependsOn conditions are marked, look-alikes are not).
 * 2. Every token of real task definitions keeps exactly the scopes the JSON grammar gives it once
 *    our own scopes are set aside, so ordinary JSON highlighting is unchanged.
 * VS Code's JSON grammar is not in node_modules; test/grammar/json.base.tmLanguage.json is a small
 * one with the same scope names, and its JSONC variant (source.json.comments) is derived here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const INJECTION_PATH = resolve('syntaxes/ecs-init-order.injection.tmLanguage.json');
const INJECTION_SCOPE = 'ecs-init-order.injection';
const INJECT_TO = ['source.json', 'source.json.comments'];
const FIXTURES = resolve('test/grammar');

// vscode-tmgrammar-test's command line, resolved from its own package.
const tmTestRequire = createRequire(resolve('node_modules/vscode-tmgrammar-test/package.json'));
const tmTestCli = tmTestRequire.resolve('./dist/unit.js');

/** The JSONC grammar: the JSON fixture with every scope name suffixed `.comments`, as VS Code's is. */
function jsoncGrammarText(): string {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'json.base.tmLanguage.json'), 'utf8'));
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === 'name' && typeof v === 'string'
            ? v.replace(/\.json\b/g, '.json.comments')
            : rename(v),
        ]),
      );
    }
    return value;
  };
  return JSON.stringify(
    {
      ...(rename(json) as object),
      name: 'JSON with Comments (test fixture)',
      scopeName: 'source.json.comments',
    },
    null,
    2,
  );
}

const work = mkdtempSync(join(tmpdir(), 'ecs-grammar-'));
after(() => rmSync(work, { recursive: true, force: true }));
const jsoncPath = join(work, 'jsonc.base.tmLanguage.json');
writeFileSync(jsoncPath, jsoncGrammarText());

describe('vscode-tmgrammar-test on test/grammar/*.syntax.*', () => {
  test('every scope assertion holds', () => {
    // The tool joins grammar paths to the config file's folder, so they are written relative to it.
    const config = {
      contributes: {
        grammars: [
          {
            scopeName: 'source.json',
            path: relative(work, join(FIXTURES, 'json.base.tmLanguage.json')),
          },
          { scopeName: 'source.json.comments', path: relative(work, jsoncPath) },
          { scopeName: INJECTION_SCOPE, path: relative(work, INJECTION_PATH), injectTo: INJECT_TO },
        ],
      },
    };
    const configPath = join(work, 'grammars.json');
    writeFileSync(configPath, JSON.stringify(config));
    const cases = readdirSync(FIXTURES)
      .filter((f) => f.includes('.syntax.'))
      .map((f) => join('test/grammar', f));
    assert.ok(cases.length >= 2, 'the fixtures are there');
    const run = spawnSync(
      process.execPath,
      [tmTestCli, '--compact', '--config', configPath, ...cases],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    for (const c of cases) assert.ok(run.stdout.includes(c), `${c} was run:\n${run.stdout}`);
  });
});

// ---- Token parity with and without the injection, through vscode-textmate directly ----

const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
const onigLib = oniguruma
  .loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
  .then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));

function registry(withInjection: boolean, theme?: textmate.IRawTheme): textmate.Registry {
  const files: Record<string, string> = {
    'source.json': join(FIXTURES, 'json.base.tmLanguage.json'),
    'source.json.comments': jsoncPath,
    [INJECTION_SCOPE]: INJECTION_PATH,
  };
  return new textmate.Registry({
    onigLib,
    theme,
    loadGrammar: async (scopeName: string) =>
      files[scopeName]
        ? textmate.parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName])
        : null,
    getInjections: (scopeName: string) =>
      withInjection && INJECT_TO.includes(scopeName) ? [INJECTION_SCOPE] : [],
  });
}

/** The scopes of every character, line by line, with the injection's own scopes set aside. */
async function scopesPerCharacter(
  withInjection: boolean,
  scope: string,
  text: string,
): Promise<string[][]> {
  const grammar = await registry(withInjection).loadGrammar(scope);
  assert.ok(grammar);
  let stack = textmate.INITIAL;
  const out: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
    stack = ruleStack;
    for (let i = 0; i < line.length; i++) {
      const token = tokens.find((t) => t.startIndex <= i && i < t.endIndex)!;
      // Our tokens carry JSON's scope names even in JSONC (themes select `….json` either way).
      const scopes = token.scopes
        .filter((s) => !s.includes('ecs-init-order'))
        .map((s) => s.replace(/\.json\.comments\b/, '.json'));
      out.push([`${JSON.stringify(line.slice(i, i + 12))}…`, ...scopes]);
    }
  }
  return out;
}

/** Fixture text without the assertion lines (what a user's file would look like). */
function withoutAssertions(path: string): string {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l, i) => i > 0 && !/^\/\/\s*\^/.test(l))
    .join('\n');
}

const parityCases: Array<[name: string, scope: string, text: string]> = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, string, string] => [
      `examples/${f}`,
      'source.json',
      readFileSync(join('examples', f), 'utf8'),
    ]),
  [
    'test/grammar/task-definition.syntax.json',
    'source.json',
    withoutAssertions(join(FIXTURES, 'task-definition.syntax.json')),
  ],
  [
    'test/grammar/task-definition.syntax.jsonc',
    'source.json.comments',
    withoutAssertions(join(FIXTURES, 'task-definition.syntax.jsonc')),
  ],
  [
    'dependsOn with odd spacing and values',
    'source.json',
    '{"dependsOn" :[{"condition"  :  "SUCCESS","containerName":"a"}],"x":1,\n"dependsOn": null, "dependsOn": {"condition": "START"}}',
  ],
  [
    'half-typed dependsOn',
    'source.json.comments',
    '{\n  "dependsOn": [\n    { "containerName": "init", "condition": \n',
  ],
];

/**
 * Broken JSON: the JSON grammar reads a key after a missing comma as a string value, and we read it
 * as the key it is; what must not change is which characters are marked invalid.
 */
const brokenCases: Array<[name: string, scope: string, text: string]> = [
  [
    'missing commas and colons',
    'source.json',
    '{ "dependsOn": [ { "containerName" "init" "condition": "SUCCESS" } { } ] "essential": true }',
  ],
  [
    'a value where a key belongs',
    'source.json.comments',
    '{\n  "essential": true false,\n  "dependsOn": [ "condition": "START" ],\n  42: "x"\n}',
  ],
];

describe('the injection leaves JSON highlighting as it was', () => {
  for (const [name, scope, text] of parityCases) {
    test(name, async () => {
      const base = await scopesPerCharacter(false, scope, text);
      const injected = await scopesPerCharacter(true, scope, text);
      assert.deepEqual(injected, base);
    });
  }

  for (const [name, scope, text] of brokenCases) {
    test(`${name}: the same characters are marked invalid`, async () => {
      const invalid = (scopes: string[][]) =>
        scopes.map((s) => s.filter((x) => x.startsWith('invalid.')).join(' '));
      const base = await scopesPerCharacter(false, scope, text);
      const injected = await scopesPerCharacter(true, scope, text);
      assert.deepEqual(invalid(injected), invalid(base));
    });
  }

  test('with a theme like Light+, a start-order key keeps the JSON key colour and a condition takes the keyword colour', async () => {
    // Light+ colours `support.type.property-name` red (CSS) and `support.type.property-name.json` blue.
    const theme = {
      settings: [
        { settings: { foreground: '#000000', background: '#ffffff' } },
        { scope: 'string', settings: { foreground: '#a31515' } },
        { scope: ['support.type.property-name'], settings: { foreground: '#ff0000' } },
        { scope: 'support.type.property-name.json', settings: { foreground: '#0451a5' } },
        { scope: 'keyword', settings: { foreground: '#0000ff' } },
      ],
    };
    const reg = registry(true, theme);
    const grammar = await reg.loadGrammar('source.json.comments');
    const line =
      '{ "name": "app", "essential": true, "dependsOn": [{ "containerName": "init", "condition": "SUCCESS" }], "description": "START" }';
    const { tokens } = grammar!.tokenizeLine2(line, textmate.INITIAL);
    const colourAt = (text: string) => {
      const offset = line.indexOf(text);
      let metadata = 0;
      for (let i = 0; i < tokens.length; i += 2)
        if (tokens[i]! <= offset) metadata = tokens[i + 1]!;
      const foreground = (metadata & 0b00000000111111111000000000000000) >>> 15;
      return reg.getColorMap()[foreground]!.toLowerCase();
    };
    assert.equal(colourAt('name'), '#0451a5');
    for (const key of ['essential', 'dependsOn', 'containerName', 'condition'])
      assert.equal(colourAt(key), '#0451a5', key);
    assert.equal(colourAt('SUCCESS'), '#0000ff');
    assert.equal(colourAt('init'), '#a31515');
    assert.equal(colourAt('START'), '#a31515');
  });

  test('and it does add its scopes there', async () => {
    const grammar = await registry(true).loadGrammar('source.json');
    const line = '{ "dependsOn": [ { "containerName": "init", "condition": "SUCCESS" } ] }';
    const { tokens } = grammar!.tokenizeLine(line, textmate.INITIAL);
    const scopesOf = (text: string) =>
      tokens.find((t) => line.slice(t.startIndex, t.endIndex) === text)?.scopes ?? [];
    assert.ok(scopesOf('dependsOn').includes('support.type.property-name.json.ecs-init-order'));
    assert.ok(scopesOf('SUCCESS').includes('keyword.other.ecs-init-order.condition'));
    assert.ok(scopesOf('init').every((s) => !s.includes('ecs-init-order')));
  });
});
