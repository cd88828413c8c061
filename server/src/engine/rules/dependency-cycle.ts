import { displayName } from '../model';
import type { Rule } from './rule';

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  severity: 'error',
  summary: 'Containers wait for each other in a cycle, so none of them can start.',
  check(ctx) {
    const { order } = ctx;
    for (const cycle of order.cycles) {
      const members = new Set(cycle);
      const path = [...cycle, cycle[0]!].map(displayName).join(' → ');
      const edges = [...order.cycleEdges].filter((e) => members.has(e.from) && members.has(e.to));
      for (const edge of edges) {
        const how =
          edge.reason === 'dependsOn'
            ? `waits for ${displayName(edge.from)} (${edge.condition})`
            : edge.condition === 'CREATE'
              ? `waits for ${displayName(edge.from)} to be created (implicit, ${ctx.spell.key(edge.reason)})`
              : `starts after ${displayName(edge.from)} (implicit, ${ctx.spell.key(edge.reason)})`;
        ctx.report({
          at: edge.node,
          container: edge.to,
          message: `${displayName(edge.to)} ${how}, which is part of a dependency cycle (${path}): none of these containers can start.`,
          related: edges
            .filter((o) => o !== edge)
            .map((o) => ({
              at: o.node,
              message: `${displayName(o.to)} waits for ${displayName(o.from)}`,
            })),
        });
      }
    }
  },
};
