/** The user's view stays true: every rule has its page, and the README table matches the catalog. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allRules } from '../../server/src/engine/rules/index';
import { rulesTable, withRulesTable } from '../../scripts/rules-table';

test('every rule id is unique and kebab-case', () => {
  const ids = allRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

for (const rule of allRules) {
  test(`docs/rules/${rule.id}.md states the severity and cites AWS`, () => {
    const path = `docs/rules/${rule.id}.md`;
    assert.ok(existsSync(path), `${path} is missing`);
    const doc = readFileSync(path, 'utf8');
    assert.match(doc, new RegExp(`^# ${rule.id}\\s*$`, 'm'));
    assert.match(doc, new RegExp(`Severity: \\*\\*${rule.severity}\\*\\*`));
    assert.match(
      doc,
      /https:\/\/docs\.(aws\.amazon\.com|amazonaws\.cn)\//,
      'cites an AWS documentation page',
    );
  });
}

test('README rule table lists every rule (run `npx tsx scripts/rules-table.ts`)', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(withRulesTable(readme), readme);
  for (const rule of allRules) assert.ok(rulesTable().includes(`docs/rules/${rule.id}.md`));
});
