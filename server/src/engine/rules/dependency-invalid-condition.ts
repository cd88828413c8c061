import { CONDITIONS, isCondition, wordList } from '../fields/index';
import { displayName } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';
import { levenshtein } from './util';

export const dependencyInvalidCondition: Rule = {
  id: 'dependency-invalid-condition',
  severity: 'error',
  summary: `A dependsOn condition is missing or not exactly ${wordList(CONDITIONS)}.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      for (const dep of c.dependsOn) {
        const target = dep.containerName?.value
          ? ctx.model.byName.get(dep.containerName.value)
          : undefined;
        if (!dep.conditionNode) {
          const suggested =
            target && ctx.inits.has(target)
              ? 'SUCCESS'
              : target?.healthCheckNode
                ? 'HEALTHY'
                : 'START';
          ctx.report({
            at: dep.node,
            container: c,
            message: `This ${ctx.spell.key('dependsOn')} entry of ${displayName(c)} has no ${ctx.spell.key('condition')}: ECS requires one of ${wordList(CONDITIONS)}.`,
            schemaCovered: true,
            fixes: () =>
              CONDITIONS.map((cond) => ({
                title: `Add ${ctx.spell.pair('condition', cond)}`,
                isPreferred: cond === suggested,
                edits: ctx.edit.insertProperty(dep.node, 'condition', cond, {
                  after: ['containerName'],
                }),
              })),
          });
          continue;
        }
        const value = dep.condition?.value;
        if (value !== undefined && (isCondition(value) || isPlaceholder(value))) continue;
        const intended = value === undefined ? [] : intendedConditions(value);
        ctx.report({
          at: dep.conditionNode,
          container: c,
          schemaCovered: true,
          message:
            value === undefined
              ? `${ctx.spell.key('condition')} must be a string: ${wordList(CONDITIONS)}.`
              : `"${value}" is not a ${ctx.spell.key('dependsOn')} condition: ECS accepts exactly ${wordList(CONDITIONS)} (upper case).`,
          fixes: () =>
            intended.map((cond, i) => ({
              title: `Change "${value}" to "${cond}"`,
              isPreferred: i === 0,
              safe: intended.length === 1,
              edits: ctx.edit.replaceValue(dep.conditionNode!, cond),
            })),
        });
      }
    }
  },
};

/** Words for a condition too far from it for a typo (STARTED, COMPLETED and HEALTH are near enough). */
const SYNONYMS: Record<string, string> = {
  RUNNING: 'START',
  EXITED: 'COMPLETE',
  SUCCEEDED: 'SUCCESS',
  SUCCESSFUL: 'SUCCESS',
};

/**
 * The condition(s) the author most likely meant: a synonym, or the word near it (in another case,
 * at distance 0), or all four.
 */
function intendedConditions(value: string): string[] {
  const upper = value.trim().toUpperCase();
  if (SYNONYMS[upper]) return [SYNONYMS[upper]!];
  const near = CONDITIONS.filter((c) => levenshtein(c, upper) <= 2);
  return near.length > 0 ? near : [...CONDITIONS];
}
