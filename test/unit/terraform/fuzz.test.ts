/**
 * Bounded, seeded fuzzing of the Terraform reader on every .tf fixture: mutated HCL (half-typed
 * blocks, stray braces, broken heredocs) never makes a rule throw or a range leave the document;
 * a fix on text that parses leaves text that parses; and a document edited step by step (its tree
 * and resources re-used) reads as a fresh parse of each version does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { applyTextEdits, syntaxFindings, type Analysis } from '../../../server/src/engine/index';
import { mutate, mutationsOf } from '../../support/fuzzing';
import { analyzeTf, terraformReady } from '../../support/terraform';
import { plainTree } from '../../support/trees';

before(terraformReady);

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const seeds = ['test/fixtures/terraform/broken', 'test/fixtures/terraform/real-world'].flatMap(
  (dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.tf'))
      .map((f) => readFileSync(join(dir, f), 'utf8')),
);

const HCL_PIECES = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  '=',
  ':',
  '"',
  '${',
  '%{',
  '$${',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  'jsonencode(',
  'var.x',
  'null',
  'true',
  '"SUCCESS"',
  'essential = false',
  'dependsOn = [{ containerName = "x", condition = "START" }]',
  'volume {',
  'dynamic "volume" {',
  '#',
  '//',
  '/*',
  '\n',
  '\r\n',
  '\t',
  '\u{1F680}',
  'é',
];

const mutationArb = mutationsOf(HCL_PIECES);

function check(analysis: Analysis): void {
  assert.deepEqual(analysis.ruleFailures, []);
  const length = analysis.source.text.length;
  for (const f of [...syntaxFindings(analysis.file), ...analysis.findings]) {
    assert.ok(analysis.source.offsetAt(f.range.end) <= length, f.code);
    for (const fix of f.fixes)
      for (const e of fix.edits) assert.ok(analysis.source.offsetAt(e.range.end) <= length);
  }
}

test(`fuzz: mutated .tf files never break the reader or the rules (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.nat({ max: seeds.length - 1 }), mutationArb, (i, mutations) => {
      const text = mutate(seeds[i]!, mutations);
      const analysis = analyzeTf(text);
      check(analysis);
      if (syntaxFindings(analysis.file).length > 0) return;
      for (const f of analysis.findings)
        for (const fix of f.fixes.filter((x) => x.isPreferred)) {
          const after = analyzeTf(applyTextEdits(text, fix.edits));
          assert.deepEqual(syntaxFindings(after.file), [], `${f.code}: ${fix.title}`);
        }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test(`fuzz: a document edited step by step reads as fresh parses do (${RUNS} cases)`, () => {
  let document = 0;
  fc.assert(
    fc.property(fc.nat({ max: seeds.length - 1 }), mutationArb, (i, mutations) => {
      const uri = `file:///fuzz/${document++}.tf`;
      let text = seeds[i]!;
      analyzeTf(text, { uri });
      for (const m of mutations) {
        text = mutate(text, [m]);
        const incremental = analyzeTf(text, { uri });
        const fresh = analyzeTf(text);
        check(incremental);
        assert.deepEqual(
          incremental.definitions.map((d) => plainTree(d.input.root)),
          fresh.definitions.map((d) => plainTree(d.input.root)),
        );
        assert.deepEqual(
          syntaxFindings(incremental.file).map((f) => [f.code, f.range]),
          syntaxFindings(fresh.file).map((f) => [f.code, f.range]),
        );
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
