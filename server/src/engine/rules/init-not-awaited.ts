import type { OffsetEdit } from '../input';
import { displayName } from '../model';
import { looksLikeInit } from '../roles';
import type { Rule } from './rule';
import { addDependsOn, mainContainers } from './util';

export const initNotAwaited: Rule = {
  id: 'init-not-awaited',
  severity: 'warning',
  summary:
    'No container waits for an init container, so it races the app: array order sequences nothing.',
  check(ctx) {
    for (const init of ctx.model.containers) {
      if (!looksLikeInit(init) || !init.name?.value) continue;
      // volumesFrom only has the init container created first (the agent's CREATE condition): the
      // container that takes its volumes still starts while the setup runs.
      const waits = ctx.order.waitedBy.get(init)!;
      if (waits.some((e) => e.condition !== 'CREATE')) continue;
      const onlyCreated = waits.map((e) => displayName(e.to));
      // A container whose dependsOn the file does not spell out may well wait for it.
      const mains = mainContainers(ctx, init).filter((m) => !m.dependsOnOpen);
      if (mains.length === 0) continue;
      const name = init.name.value;
      const edits = (): OffsetEdit[] => mains.flatMap((m) => addDependsOn(ctx, m, name, 'SUCCESS'));
      ctx.report({
        at: init.nameNode ?? init.node,
        container: init,
        message: `${name} looks like an init container, but no container waits for it: ECS does not document array order as start order, so ${mains.map(displayName).join(', ')} can start before ${name} has finished.${onlyCreated.length > 0 ? ` ${ctx.spell.key('volumesFrom')} in ${onlyCreated.join(', ')} only has ${name} created first, not finished.` : ''} Add a ${ctx.spell.key('dependsOn')} with ${ctx.spell.key('condition')} SUCCESS to the containers that need it.`,
        fixes: () => [
          {
            title: `Make ${mains.map(displayName).join(', ')} wait for ${name} (SUCCESS)`,
            isPreferred: true,
            // Waiting for SUCCESS on an essential container is rejected; then essential-init-container's fix is the one to apply.
            safe: !init.essential,
            edits: edits(),
          },
        ],
      });
    }
  },
};
