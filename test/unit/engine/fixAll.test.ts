/** fixAll: safe, preferred fixes only; idempotent; never breaks the JSON. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseTree, type ParseError } from 'jsonc-parser';
import { analyze, applyTextEdits, fixAll } from '../../../server/src/engine/index';
import { CORRECT_FIXTURES } from '../rules/helpers';

const SEED = readFileSync('examples/seed-task-definition.json', 'utf8');

/** The seed in other styles: tabs + CRLF, and JSONC with comments and trailing commas. */
const SEED_TABS_CRLF = SEED.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2)).replace(
  /\n/g,
  '\r\n',
);
const SEED_JSONC = SEED.replace(
  '"family": "my-app-with-init",',
  '"family": "my-app-with-init", // deployed by CI',
)
  .replace(
    '"essential": true,\n      "logConfiguration"',
    '"essential": true, // TODO: review\n      "logConfiguration"',
  )
  .replace('"memory": "2048"\n}', '"memory": "2048",\n}');

/** Broken task definitions whose fixes interact. */
const BROKEN: Record<string, string> = {
  'the seed': SEED,
  'the seed, tabs and CRLF': SEED_TABS_CRLF,
  'the seed, JSONC': SEED_JSONC,
  'a lower-case condition and an unawaited init': `{
  "family": "checkout",
  "containerDefinitions": [
    { "name": "db-migrate", "image": "flyway/flyway:10", "essential": false, "command": ["migrate"] },
    { "name": "cache-warmup", "image": "shop/tools:1", "essential": false, "command": ["sh", "-c", "wget -O /cache/index.json http://cdn/index.json"] },
    { "name": "api", "image": "shop/api:2", "dependsOn": [{ "containerName": "db-migrate", "condition": "success" }], "portMappings": [{ "containerPort": 8080 }] }
  ]
}
`,
  'duplicates and a START on an init': `{
  "family": "api",
  "containerDefinitions": [
    { "name": "migrate", "image": "shop/api:3", "essential": false, "command": ["npm", "run", "migrate"] },
    {
      "name": "api",
      "image": "shop/api:3",
      "dependsOn": [
        { "containerName": "migrate", "condition": "START" },
        { "containerName": "migrate", "condition": "SUCCESS" }
      ]
    }
  ]
}
`,
};

function parseErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors;
}

function allInputs(): Record<string, string> {
  const inputs: Record<string, string> = { ...BROKEN, ...CORRECT_FIXTURES };
  for (const f of readdirSync('examples').filter((n) => n.endsWith('.json')))
    inputs[`examples/${f}`] = readFileSync(`examples/${f}`, 'utf8');
  return inputs;
}

describe('fixAll on the seed', () => {
  test('applies the structural fixes, and only safe ones', () => {
    const result = fixAll(SEED);
    assert.deepEqual(result.applied.map((a) => a.code).sort(), [
      'entrypoint-overrides-shell',
      'essential-init-container',
      'init-output-not-shared',
    ]);
    const left = analyze(result.text).findings.map((f) => f.code);
    for (const code of [
      'essential-init-container',
      'init-not-awaited',
      'init-output-not-shared',
      'entrypoint-overrides-shell',
    ]) {
      assert.ok(!left.includes(code), `${code} is fixed`);
    }
    // Role ARNs need the user's value: those findings remain, no placeholder is written.
    assert.ok(left.includes('aws-cli-without-task-role'));
    assert.ok(left.includes('awslogs-execution-role'));
    assert.doesNotMatch(result.text, /<account-id>/);
  });

  test('a rule turned off is not fixed', () => {
    const result = fixAll(SEED, { severities: { 'entrypoint-overrides-shell': 'off' } });
    assert.ok(!result.applied.some((a) => a.code === 'entrypoint-overrides-shell'));
    assert.match(result.text, /"command": \["sh", "-c", "aws s3 cp/);
  });
});

describe('fixAll is idempotent: fixAll(fixAll(x)) === fixAll(x)', () => {
  for (const [name, text] of Object.entries(allInputs())) {
    test(name, () => {
      const once = fixAll(text).text;
      const twice = fixAll(once);
      assert.equal(twice.text, once);
      assert.deepEqual(twice.applied, []);
    });
  }
});

describe('fixAll never produces invalid JSON', () => {
  for (const [name, text] of Object.entries(allInputs())) {
    test(name, () => {
      const fixed = fixAll(text).text;
      assert.deepEqual(parseErrors(fixed), [], 'parses as JSONC without errors');
      // Files that were strict JSON stay strict JSON.
      let strict = true;
      try {
        JSON.parse(text);
      } catch {
        strict = false;
      }
      if (strict) assert.doesNotThrow(() => JSON.parse(fixed));
    });
  }
});

describe('fixAll leaves correct files byte for byte alone', () => {
  for (const [name, text] of Object.entries(CORRECT_FIXTURES)) {
    test(name, () => {
      const result = fixAll(text);
      assert.equal(result.text, text);
      assert.deepEqual(result.applied, []);
    });
  }
});

describe('the seed in other styles keeps its style after fixAll', () => {
  test('tabs and CRLF: every line break is CRLF, every indent is tabs', () => {
    const fixed = fixAll(SEED_TABS_CRLF).text;
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.equal(/^ +/m.test(fixed), false, 'no space indentation');
    assert.match(fixed, /\r\n\t\t\t"entryPoint": \["sh", "-c"\],\r\n/);
  });

  test('JSONC: comments and the trailing comma survive', () => {
    const fixed = fixAll(SEED_JSONC).text;
    assert.match(fixed, /"family": "my-app-with-init", \/\/ deployed by CI/);
    assert.match(fixed, /"essential": false, \/\/ TODO: review/);
    assert.match(fixed, /"memory": "2048",\n}/);
  });
});

describe('applyTextEdits', () => {
  test('applies non-overlapping edits whatever their order', () => {
    const text = '{\r\n  "a": 1,\r\n  "b": 2\r\n}';
    const edits = [
      {
        range: { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } },
        newText: '10',
      },
      {
        range: { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } },
        newText: '20',
      },
      {
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        newText: '  "c": 3\r\n',
      },
    ];
    const expected = '{\r\n  "a": 10,\r\n  "b": 20\r\n  "c": 3\r\n}';
    assert.equal(applyTextEdits(text, edits), expected);
    assert.equal(applyTextEdits(text, [...edits].reverse()), expected);
  });
});
