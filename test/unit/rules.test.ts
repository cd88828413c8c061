/**
 * Every test file under test/unit/rules/ (the rule tables and the catalog-wide check of the good
 * fixtures), loaded into one process: starting a process per file costs more than most of those
 * files take to run. scripts/test.mjs therefore runs this file instead of them. One rule on its
 * own: `node --import tsx --test test/unit/rules/<id>.test.ts`.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const RULE_TEST_DIR = join('test', 'unit', 'rules');

for (const file of readdirSync(RULE_TEST_DIR)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()) {
  try {
    require(resolve(RULE_TEST_DIR, file));
  } catch (error) {
    // A table that cannot even be built (a fixture missing, an edit that does not apply) fails
    // under its own name instead of taking the other rules' tests with it.
    test(`${RULE_TEST_DIR}/${file} loads`, () => {
      throw error;
    });
  }
}
