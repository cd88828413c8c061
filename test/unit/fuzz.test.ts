/**
 * Bounded, seeded fuzzing of the engine on every example and fixture, and on CloudFormation
 * templates (the long run: npm run fuzz).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkDocument,
  checkTemplate,
  mutate,
  mutationArb,
  seedDocuments,
  templateSeeds,
  yamlMutationArb,
  type FuzzStats,
} from '../support/fuzzing';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

test(`fuzz: mutated task definitions never break the engine (${RUNS} cases, seed ${SEED})`, () => {
  const seeds = seedDocuments();
  assert.ok(seeds.length >= 1, 'no seed documents found');
  const stats: FuzzStats = { cases: 0, inputsTried: 0, fixesApplied: 0 };
  for (const s of seeds) checkDocument(s.text, stats);
  let failures = 0;
  try {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), mutationArb, (i, mutations) => {
        stats.cases++;
        checkDocument(mutate(seeds[i]!.text, mutations), stats);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  } catch (error) {
    failures++;
    throw error;
  } finally {
    console.log(
      `fuzz: ${seeds.length} seed documents, ${stats.cases} cases fuzzed, ${stats.inputsTried} inputs tried, ${stats.fixesApplied} fixes applied, ${failures} failures`,
    );
  }
});

test(`fuzz: mutated CloudFormation templates never break the engine (${RUNS} cases, seed ${SEED})`, () => {
  const seeds = templateSeeds();
  assert.ok(seeds.length >= 20, `${seeds.length} template seeds`);
  const stats: FuzzStats = { cases: 0, inputsTried: 0, fixesApplied: 0 };
  for (const s of seeds) checkTemplate(s.text, stats);
  try {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), yamlMutationArb, (i, mutations) => {
        stats.cases++;
        checkTemplate(mutate(seeds[i]!.text, mutations), stats);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  } finally {
    console.log(
      `fuzz: ${seeds.length} template seeds, ${stats.cases} cases fuzzed, ${stats.inputsTried} inputs tried, ${stats.fixesApplied} fixes applied`,
    );
  }
});
