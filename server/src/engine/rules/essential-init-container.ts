import type { OffsetEdit } from '../input';
import { displayName } from '../model';
import { completionTargets, looksLikeInit } from '../roles';
import type { Rule } from './rule';
import { addDependsOn, dependsOnExplicitly, mainContainers, makeNonEssential } from './util';

export const essentialInitContainer: Rule = {
  id: 'essential-init-container',
  severity: 'warning',
  summary: 'An init container is essential: when it exits, even with code 0, the whole task stops.',
  check(ctx) {
    const waitedToExit = completionTargets(ctx.model);
    for (const init of ctx.model.containers) {
      // completion-condition-on-essential reports the containers others wait on with COMPLETE/SUCCESS.
      if (
        !init.essential ||
        init.essentialUnknown ||
        !looksLikeInit(init) ||
        waitedToExit.has(init) ||
        !init.name?.value
      )
        continue;
      const mains = mainContainers(ctx, init);
      if (mains.length === 0) continue; // A one-container job (e.g. a migration task) may well be essential.
      const name = init.name.value;
      // A dependsOn the file does not spell out (a placeholder) is not edited: it may wait already.
      const waiting = mains.filter((m) => !dependsOnExplicitly(m, name) && !m.dependsOnOpen);
      const edits = (): OffsetEdit[] => [
        ...makeNonEssential(ctx, init),
        ...waiting.flatMap((m) => addDependsOn(ctx, m, name, 'SUCCESS')),
      ];
      const how = init.essentialNode
        ? `is marked ${ctx.spell.pair('essential', true)}`
        : `is essential (${ctx.spell.key('essential')} defaults to true when it is left out)`;
      ctx.report({
        at: init.essentialNode ?? init.nameNode ?? init.node,
        container: init,
        message: `${name} looks like an init container (a one-shot setup step) but ${how}: when it exits, even with code 0, ECS stops the whole task, ${mains.map(displayName).join(', ')} included. Make it non-essential and let the containers that need it wait for it with SUCCESS.`,
        fixes: () => [
          {
            title: `Make ${name} non-essential${waiting.length > 0 ? ` and make ${waiting.map(displayName).join(', ')} wait for it (SUCCESS)` : ''}`,
            isPreferred: true,
            safe: true,
            edits: edits(),
          },
        ],
      });
    }
  },
};
