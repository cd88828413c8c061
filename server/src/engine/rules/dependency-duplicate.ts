import { deleteArrayElements } from '../edits';
import { displayName } from '../model';
import type { Rule } from './rule';

export const dependencyDuplicate: Rule = {
  id: 'dependency-duplicate',
  severity: 'error',
  summary: 'A container lists the same dependency twice in its dependsOn.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const seen = new Map<string, { condition?: string; node: import('../json').Node }>();
      const items = c.dependsOnNode?.children ?? [];
      for (const dep of c.dependsOn) {
        const name = dep.containerName?.value;
        if (!name) continue;
        const first = seen.get(name);
        if (!first) {
          seen.set(name, { condition: dep.condition?.value, node: dep.node });
          continue;
        }
        const index = items.indexOf(dep.node);
        const identical = first.condition === dep.condition?.value;
        ctx.report({
          at: dep.node,
          container: c,
          message: `${displayName(c)} lists "${name}" twice in dependsOn${identical ? '' : ` (${first.condition ?? 'no condition'} and ${dep.condition?.value ?? 'no condition'})`}: only one of them can say when it may start. Keep one entry.`,
          related: [{ at: first.node, message: `first dependency on ${name}` }],
          fixes: index < 0 ? [] : [{ title: `Remove the second dependency on ${name}`, isPreferred: true, safe: identical, edits: deleteArrayElements(c.dependsOnNode!, index, index + 1) }],
        });
      }
    }
  },
};
