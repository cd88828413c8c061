import { elements } from '../json';
import { displayName } from '../model';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
import type { Rule } from './rule';
import { closeMatches } from './util';

export const volumesFromUnknownContainer: Rule = {
  id: 'volumes-from-unknown-container',
  severity: 'error',
  summary: 'A volumesFrom sourceContainer names no container of the task, or the container itself.',
  check(ctx) {
    const key = ctx.spell.key;
    const names = [...ctx.model.byName.keys()];
    for (const c of ctx.model.containers) {
      const own = c.name?.value;
      for (const v of c.volumesFrom) {
        const source = v.sourceContainer;
        if (!source || isPlaceholder(source.value) || containsPlaceholder(source.value)) continue;
        const target = source.value;
        if (target.trim() === '') {
          ctx.report({
            at: source.node,
            container: c,
            message: `A ${key('volumesFrom')} entry of ${displayName(c)} has an empty ${key('sourceContainer')}: name the container whose volumes to mount.`,
          });
          continue;
        }
        if (target === own) {
          // The entry is an element of the container's volumesFrom list.
          const list = c.volumesFromNode!;
          const index = elements(list).indexOf(v.node);
          ctx.report({
            at: source.node,
            container: c,
            message: `${displayName(c)} mounts the volumes of itself: ${key('volumesFrom')} names another container of the task, whose volumes this one mounts and which ECS therefore creates first (Docker's --volumes-from). A container cannot be its own source; mount a task volume with ${key('mountPoints')} instead.`,
            fixes: () => [
              {
                title: `Remove the ${key('volumesFrom')} entry "${target}"`,
                isPreferred: true,
                safe: false,
                edits: ctx.edit.deleteArrayElements(list, index, index + 1),
              },
            ],
          });
          continue;
        }
        if (ctx.model.byName.has(target) || ctx.model.containersOpen) continue;
        const close = closeMatches(
          target,
          names.filter((n) => n !== own),
        );
        const suggestion =
          close.length > 0 ? ` Did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
        ctx.report({
          at: source.node,
          container: c,
          message: `${displayName(c)} mounts the volumes of "${target}", but no container has that name: ${key('volumesFrom')} must name another container of this task definition, and the ECS agent refuses the whole task before any container starts ("could not find volume source container with name ${target}").${suggestion}`,
          fixes: () =>
            close.map((n) => ({
              title: `Change "${target}" to "${n}"`,
              isPreferred: close.length === 1, // the only candidate
              safe: close.length === 1,
              edits: ctx.edit.replaceValue(source.node, n),
            })),
        });
      }
    }
  },
};
