import { displayName } from '../model';
import type { Rule } from './rule';

export const dependencySelf: Rule = {
  id: 'dependency-self',
  severity: 'error',
  summary: 'A container lists itself in its own dependsOn.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const own = c.name?.value;
      if (!own) continue;
      c.dependsOn.forEach((dep) => {
        if (dep.containerName?.value !== own || !c.dependsOnNode) return;
        const index = (c.dependsOnNode.children ?? []).indexOf(dep.node);
        ctx.report({
          at: dep.containerName.node,
          container: c,
          message: `${displayName(c)} waits for itself: a container cannot start after itself, so it never starts.`,
          fixes: () =>
            index < 0
              ? []
              : [
                  {
                    title: `Remove the dependency of ${own} on itself`,
                    isPreferred: true,
                    safe: false,
                    edits: ctx.edit.deleteArrayElements(c.dependsOnNode!, index, index + 1),
                  },
                ],
        });
      });
    }
  },
};
