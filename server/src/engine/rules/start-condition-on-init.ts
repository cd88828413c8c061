import { displayName, waits } from '../model';
import { looksLikeInit } from '../roles';
import type { Rule } from './rule';

export const startConditionOnInit: Rule = {
  id: 'start-condition-on-init',
  severity: 'warning',
  summary: 'START on an init container only waits for it to start, not for its setup to finish.',
  check(ctx) {
    for (const { container: c, dep, target } of waits(ctx.model)) {
      if (dep.condition?.value !== 'START' || !looksLikeInit(target)) continue;
      ctx.report({
        at: dep.condition.node,
        container: c,
        message: `${displayName(c)} waits for ${displayName(target)} with START, which only waits until ${displayName(target)} has started, not until its setup has finished. Use SUCCESS to wait until it has exited with code 0.`,
        fixes: [
          {
            title: 'Change "START" to "SUCCESS"',
            isPreferred: true,
            safe: !target.essential,
            edits: ctx.edit.replaceValue(dep.condition.node, 'SUCCESS'),
          },
        ],
      });
    }
  },
};
