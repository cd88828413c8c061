import { waitsForExit } from '../fields/index';
import { displayName, waits } from '../model';
import { looksLikeInit } from '../roles';
import type { Rule } from './rule';
import { makeNonEssential } from './util';

export const completionConditionOnEssential: Rule = {
  id: 'completion-condition-on-essential',
  severity: 'error',
  summary:
    'COMPLETE or SUCCESS waits for a container that is essential (essential defaults to true).',
  check(ctx) {
    for (const { container: c, dep, target } of waits(ctx.model)) {
      const cond = dep.condition?.value;
      if (cond === undefined || !waitsForExit(cond)) continue;
      if (!target.essential || target.essentialUnknown) continue;
      const how = target.essentialNode
        ? 'is marked essential'
        : `is essential (${ctx.spell.key('essential')} defaults to true when it is left out)`;
      const otherEssential = ctx.model.containers.some((o) => o !== target && o.essential);
      ctx.report({
        at: dep.condition!.node,
        container: c,
        message: `${displayName(c)} waits for ${displayName(target)} to exit (${cond}), but ${displayName(target)} ${how}: ECS does not allow ${cond} on an essential container, and when an essential container exits the whole task stops.`,
        related: [
          {
            at: target.essentialNode ?? target.nameNode ?? target.node,
            message: `${displayName(target)} is essential`,
          },
        ],
        fixes: () => [
          {
            title: `Make ${displayName(target)} non-essential (${ctx.spell.pair('essential', false)})`,
            isPreferred: true,
            safe: looksLikeInit(target) && otherEssential,
            edits: makeNonEssential(ctx, target),
          },
        ],
      });
    }
  },
};
