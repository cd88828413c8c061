import type { Node } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

/**
 * What two conditions on one container amount to. The ECS agent checks every entry and requires all
 * of them (verifyContainerOrderingStatusResolvable in agent/engine/dependencygraph/graph.go). START
 * is also met once the container has exited (amazon-ecs-agent#3927), so START with another condition
 * is that condition, and COMPLETE with SUCCESS is SUCCESS. Other pairs have no single equivalent.
 */
function combined(a: string | undefined, b: string | undefined): string | undefined {
  if (a === 'START') return b === 'COMPLETE' || b === 'SUCCESS' || b === 'HEALTHY' ? b : undefined;
  if (b === 'START') return combined(b, a);
  const pair = new Set([a, b]);
  return pair.has('COMPLETE') && pair.has('SUCCESS') ? 'SUCCESS' : undefined;
}

export const dependencyDuplicate: Rule = {
  id: 'dependency-duplicate',
  severity: 'warning',
  summary:
    'A container lists the same dependency twice in its dependsOn (ECS requires both entries).',
  check(ctx) {
    const field = ctx.spell.key('dependsOn');
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
        const second = dep.condition?.value;
        const identical = first.condition === second;
        const as = identical ? undefined : combined(first.condition, second);
        // No rejection of a repeated dependency is documented; the agent simply requires every
        // entry, so the pair means something definite and a warning says what.
        const meaning = identical
          ? 'the second entry adds nothing. Keep one.'
          : `the ECS agent requires every entry, so ${displayName(c)} starts only once both hold${as ? `: together they act as ${as} alone${first.condition === 'START' || second === 'START' ? ' (a START entry is also met once the container has exited, in ECS agents since late 2023)' : ''}` : ''}. Keep the one entry you mean.`;
        ctx.report({
          at: dep.node,
          container: c,
          message: identical
            ? `${displayName(c)} lists "${name}" twice in ${field} with the same condition: ${meaning}`
            : `${displayName(c)} lists "${name}" twice in ${field} (${first.condition ?? 'no condition'} and ${second ?? 'no condition'}): ${meaning}`,
          related: [{ at: first.node, message: `first dependency on ${name}` }],
          // The entry is an element of the dependsOn array it was read from.
          fixes: () => [
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
