/**
 * The fast parser must build exactly jsonc-parser's tree whenever it answers, and must answer for
 * every well-formed document (otherwise it is no fast path). Broken text must be left to
 * jsonc-parser, which reports the errors.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { fastParseTree } from '../../../server/src/engine/formats/json/fastParse';
import {
  maskBarePlaceholders,
  MAX_NESTING_DEPTH,
  parseDocument,
} from '../../../server/src/engine/formats/json/parse';
import { generateTaskDefinition } from '../../../bench/generate';
import { mutate, mutationArb, seedDocuments } from '../../support/fuzzing';
import { plainTree } from '../../support/trees';

function reference(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: true,
  });
  return { root, errors };
}

/** Either gives up, or agrees with jsonc-parser; and answers whenever jsonc-parser finds no error. */
function agrees(text: string): 'fast' | 'fallback' {
  const fast = fastParseTree(text, MAX_NESTING_DEPTH);
  const ref = reference(text);
  if (!fast) {
    assert.ok(
      ref.errors.length > 0 || ref.root === undefined || /[\v\f\u00a0\u2028\u2029]/.test(text),
      `the fast path gave up on well-formed text: ${JSON.stringify(text.slice(0, 200))}`,
    );
    return 'fallback';
  }
  assert.equal(
    ref.errors.length,
    0,
    `the fast path accepted text jsonc-parser rejects: ${JSON.stringify(text.slice(0, 200))}`,
  );
  assert.deepEqual(plainTree(fast), plainTree(ref.root));
  assert.equal(fast.parent, undefined);
  assert.ok(!('parent' in fast), 'the root has no parent key, as in jsonc-parser');
  return 'fast';
}

describe('fast parser', () => {
  test('builds the same tree as jsonc-parser on every example and fixture', () => {
    const docs = seedDocuments();
    assert.ok(docs.length > 10);
    let fast = 0;
    for (const d of docs)
      if (agrees(d.text.charCodeAt(0) === 0xfeff ? ' ' + d.text.slice(1) : d.text) === 'fast')
        fast++;
    // Nearly every file on disk is well-formed; the rest are the deliberately broken fixtures.
    assert.ok(fast >= docs.length * 0.8, `${fast} of ${docs.length} took the fast path`);
  });

  test('builds the same tree on generated task definitions of 20 KB and 1 MB', () => {
    for (const size of [20_000, 1_000_000])
      assert.equal(agrees(generateTaskDefinition(size)), 'fast');
  });

  test('reads every JSON value JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        assert.equal(agrees(text), 'fast');
        const tree = fastParseTree(text, 10_000);
        // Values read back are the values written (strings with escapes, numbers, -0 aside).
        if (tree && typeof value === 'string') assert.equal(tree.value, value);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  test('JSONC: comments, trailing commas and CRLF', () => {
    for (const text of [
      '{\r\n  // a comment\r\n  "a": [1, 2,], /* inline */ "b": {"c": null,},\r\n}',
      '/* lead */ [true, false, null, -0.5e+3, "x\\u00e9\\n"] // tail',
      '{"a"/*x*/:/*y*/1}',
      '{"a": "b" //end\n}',
    ]) {
      assert.equal(agrees(text), 'fast', text);
    }
  });

  test('broken or unusual text is left to jsonc-parser', () => {
    for (const text of [
      '',
      '   ',
      '{',
      '{"a": }',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '[1,,2]',
      '[,]',
      '{,}',
      '{"a": tru}',
      '{"a": truex}',
      '{"a": 01}',
      '{"a": 1.}',
      '{"a": .5}',
      '{"a": -}',
      '{"a": 1e}',
      '{"a": "unterminated}',
      '{"a": "line\nbreak"}',
      '{"a": "bad \\x escape"}',
      '{"a": "\\u12G4"}',
      "{'a': 1}",
      '{a: 1}',
      '{"a": 1} extra',
      '{"a": 1}}',
      '/* open comment',
      '{"a": 1 / 2}',
      '{"a":\u00a01}',
      '{"a":\v1}',
      '[NaN, Infinity]',
      '{"a": ${cpu}}',
    ]) {
      assert.equal(agrees(text), 'fallback', JSON.stringify(text));
    }
  });

  test('mutated fixtures: the fast path never disagrees with jsonc-parser', () => {
    const docs = seedDocuments();
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), mutationArb, (i, mutations) => {
        agrees(mutate(docs[i]!.text, mutations));
      }),
      { numRuns: 600, seed: 20261125 },
    );
  });

  test('nesting deeper than the limit is left to the depth check, which skips the analysis', () => {
    const deep =
      '{"containerDefinitions": ' +
      '['.repeat(MAX_NESTING_DEPTH + 5) +
      ']'.repeat(MAX_NESTING_DEPTH + 5) +
      '}';
    assert.equal(fastParseTree(deep, MAX_NESTING_DEPTH), undefined);
    assert.match(parseDocument(deep).skipped?.reason ?? '', /nests deeper/);
    const atLimit = '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH);
    assert.ok(fastParseTree(atLimit, MAX_NESTING_DEPTH));
  });

  test('parseDocument gives the same tree and errors either way', () => {
    let compared = 0;
    for (const d of seedDocuments()) {
      // Bare placeholders are masked before parsing: compared in parse.test.ts.
      if (maskBarePlaceholders(d.text) !== d.text) continue;
      const parsed = parseDocument(d.text);
      const ref = reference(d.text.charCodeAt(0) === 0xfeff ? ' ' + d.text.slice(1) : d.text);
      assert.deepEqual(plainTree(parsed.root), plainTree(ref.root), d.name);
      assert.deepEqual(parsed.syntaxErrors, ref.errors, d.name);
      compared++;
    }
    assert.ok(compared > 10);
  });
});
