import type { ContainerModel } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

/** `name-2`, `name-3`, … : the first that no container uses. */
function unusedName(name: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const candidate = `${name}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const duplicateContainerName: Rule = {
  id: 'duplicate-container-name',
  severity: 'error',
  summary: 'Two containers have the same name: ECS rejects the task definition.',
  check(ctx) {
    const first = new Map<string, ContainerModel>();
    const taken = new Set(
      ctx.model.containers.flatMap((c) => (c.name?.value ? [c.name.value] : [])),
    );
    for (const c of ctx.model.containers) {
      const name = c.name?.value;
      // Empty names are missing-required-field's; a placeholder may render differently per container.
      if (!name || name.trim() === '' || isPlaceholder(name) || !c.name) continue;
      const earlier = first.get(name);
      if (!earlier) {
        first.set(name, c);
        continue;
      }
      const rename = unusedName(name, taken);
      taken.add(rename);
      ctx.report({
        at: c.name.node,
        message: `Container #${c.index + 1} is named "${name}" like container #${earlier.index + 1}: container names must be unique within a task definition, so ECS rejects it ("Container names must be unique within a Task Definition"). ${ctx.spell.key('dependsOn')}, ${ctx.spell.key('links')} and ${ctx.spell.key('volumesFrom')} name containers, so each name must say which one.`,
        related: [{ at: earlier.name!.node, message: `"${name}" is first used here` }],
        fixes: [
          {
            title: `Rename this container to "${rename}"`,
            isPreferred: false,
            safe: false,
            edits: ctx.edit.replaceValue(c.name.node, rename),
          },
        ],
      });
    }
  },
};
