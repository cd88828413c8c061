/**
 * Fix text is built when someone asks for it (quick-fix menu, fix-all, CLI), not on every keystroke;
 * what the user gets is the same either way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/index';
import { replaceNode } from '../../../server/src/engine/formats/json/edits';
import type { Rule } from '../../../server/src/engine/rules/rule';

const SEED = readFileSync('examples/seed-task-definition.json', 'utf8');

function countingRule(build: () => void): Rule {
  return {
    id: 'test-lazy',
    severity: 'warning',
    summary: 'test',
    check(ctx) {
      const c = ctx.model.containers[0]!;
      ctx.report({
        at: c.nameNode!,
        message: 'test finding',
        fixes: () => {
          build();
          return [
            {
              title: 'Rename to "x"',
              isPreferred: true,
              safe: true,
              edits: [replaceNode(c.nameNode!, '"x"')],
            },
          ];
        },
      });
    },
  };
}

describe('lazy fixes', () => {
  test('a fix builder runs only when the fixes are read, and once', () => {
    let calls = 0;
    const analysis = analyze(SEED, { rules: [countingRule(() => calls++)] });
    assert.equal(analysis.findings.length, 1);
    assert.equal(calls, 0);
    const [finding] = analysis.findings;
    assert.equal(finding!.fixes.length, 1);
    assert.equal(finding!.fixes[0]!.edits[0]!.newText, '"x"');
    assert.equal(finding!.fixes, finding!.fixes);
    assert.equal(calls, 1);
    // Serialised findings (CLI --format json, LSP payloads) carry the fixes.
    const serialised = JSON.parse(JSON.stringify(finding));
    assert.deepEqual(serialised.fixes, JSON.parse(JSON.stringify(finding!.fixes)));
    assert.deepEqual(Object.keys(serialised).sort(), [
      'code',
      'fixes',
      'message',
      'range',
      'related',
      'severity',
      'tags',
    ]);
  });

  test('a fix builder that throws costs its fixes, not the finding, and is recorded', () => {
    const analysis = analyze(SEED, {
      rules: [
        countingRule(() => {
          throw new Error('boom');
        }),
      ],
    });
    assert.equal(analysis.findings.length, 1);
    assert.equal(analysis.ruleFailures.length, 0);
    assert.deepEqual(analysis.findings[0]!.fixes, []);
    assert.equal(analysis.ruleFailures.length, 1);
    assert.equal(analysis.ruleFailures[0]!.rule, 'test-lazy');
  });

  test('the seed: analysing builds no fix until asked, and the fixes are those of every rule', () => {
    const analysis = analyze(SEED);
    const titles = analysis.findings.flatMap((f) => f.fixes.map((x) => `${f.code}: ${x.title}`));
    assert.ok(
      titles.some((t) => t.startsWith('init-output-not-shared: Share /app through a new volume')),
      titles.join('\n'),
    );
    assert.ok(
      titles.some((t) => t.startsWith('essential-init-container: Make ')),
      titles.join('\n'),
    );
  });
});
