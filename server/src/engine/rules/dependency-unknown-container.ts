import { displayName } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';
import { closeMatches } from './util';

export const dependencyUnknownContainer: Rule = {
  id: 'dependency-unknown-container',
  severity: 'error',
  summary: 'A dependsOn entry names a container that is not in the task definition.',
  check(ctx) {
    const names = [...ctx.model.byName.keys()];
    for (const c of ctx.model.containers) {
      for (const dep of c.dependsOn) {
        if (!dep.containerNameNode) {
          ctx.report({
            at: dep.node,
            container: c,
            message: `This ${ctx.spell.key('dependsOn')} entry of ${displayName(c)} has no ${ctx.spell.key('containerName')}: ECS requires the name of the container to wait for.`,
          });
          continue;
        }
        const target = dep.containerName?.value;
        if (target === undefined) {
          ctx.report({
            at: dep.containerNameNode,
            container: c,
            message: `${ctx.spell.key('containerName')} must be a string: the name of a container of this task definition.`,
          });
          continue;
        }
        if (target === '') {
          ctx.report({
            at: dep.containerNameNode,
            container: c,
            message: `This ${ctx.spell.key('dependsOn')} entry of ${displayName(c)} has an empty ${ctx.spell.key('containerName')}: name the container to wait for.`,
          });
          continue;
        }
        // With containers the file does not show (an open list), any name may be one of them.
        if (ctx.model.byName.has(target) || isPlaceholder(target) || ctx.model.containersOpen)
          continue;
        const close = closeMatches(
          target,
          names.filter((n) => n !== c.name?.value),
        );
        const suggestion =
          close.length > 0 ? ` Did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
        ctx.report({
          at: dep.containerNameNode,
          container: c,
          message: `${displayName(c)} waits for "${target}", but no container has that name, so ECS rejects the task definition.${suggestion}`,
          fixes: () =>
            close.map((n) => ({
              title: `Change "${target}" to "${n}"`,
              isPreferred: close.length === 1,
              safe: close.length === 1,
              edits: ctx.edit.replaceValue(dep.containerNameNode!, n),
            })),
        });
      }
    }
  },
};
