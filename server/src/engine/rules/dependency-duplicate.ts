import type { Node } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

export const dependencyDuplicate: Rule = {
  id: 'dependency-duplicate',
  severity: 'error',
  summary: 'A container lists the same dependency twice in its dependsOn.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const seen = new Map<string, { condition?: string; node: Node }>();
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
        // ECS documents neither that it rejects a repeated dependency nor what two conditions on
        // one container mean (the ECS agent checks every entry). A repeat with the same condition
        // changes nothing at run time, so it is reported as a warning.
        ctx.report({
          at: dep.node,
          container: c,
          severity: identical ? 'warning' : undefined,
          message: identical
            ? `${displayName(c)} lists "${name}" twice in ${ctx.spell.key('dependsOn')} with the same condition: the second entry adds nothing. Keep one.`
            : `${displayName(c)} lists "${name}" twice in ${ctx.spell.key('dependsOn')} (${first.condition ?? 'no condition'} and ${dep.condition?.value ?? 'no condition'}): ECS does not document what two conditions on the same container mean, so when ${displayName(c)} may start is unclear. Keep the one entry you mean.`,
          related: [{ at: first.node, message: `first dependency on ${name}` }],
          fixes: () =>
            index < 0
              ? []
              : [
                  {
                    title: `Remove the second dependency on ${name}`,
                    isPreferred: true,
                    safe: identical,
                    edits: ctx.edit.deleteArrayElements(c.dependsOnNode!, index, index + 1),
                  },
                ],
        });
      }
    }
  },
};
