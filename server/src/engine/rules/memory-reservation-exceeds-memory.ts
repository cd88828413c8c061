import { num, parentProperty } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

export const memoryReservationExceedsMemory: Rule = {
  id: 'memory-reservation-exceeds-memory',
  severity: 'error',
  summary: "A container's memoryReservation (soft limit) is not below its memory (hard limit).",
  check(ctx) {
    for (const c of ctx.model.containers) {
      const memory = num(c.memoryNode);
      const reservation = num(c.memoryReservationNode);
      // 0 is "not set" in skeletons; ec2-container-memory-missing speaks about it.
      if (memory === undefined || reservation === undefined || memory <= 0 || reservation <= 0)
        continue;
      if (reservation < memory) continue;
      const equal = reservation === memory;
      const property = parentProperty(c.memoryReservationNode!);
      const hard = ctx.spell.key('memory');
      const soft = ctx.spell.key('memoryReservation');
      ctx.report({
        at: c.memoryReservationNode!,
        container: c,
        message: equal
          ? `${displayName(c)} reserves ${reservation} MiB (${soft}) with a hard limit of the same ${memory} MiB (${hard}): AWS requires ${hard} to be greater than ${soft} when both are set. Leave ${soft} out (the hard limit is then also the reservation), or lower it.`
          : `${displayName(c)} reserves ${reservation} MiB (${soft}) but its hard limit is ${memory} MiB (${hard}): the soft limit must be below the hard limit (AWS requires ${hard} to be greater than ${soft}), so ECS rejects the container definition.`,
        related: [{ at: c.memoryNode!, message: `${hard} (hard limit): ${memory} MiB` }],
        fixes: () =>
          equal && property
            ? [
                {
                  title: `Remove "${soft}"`,
                  isPreferred: true,
                  safe: false,
                  edits: ctx.edit.removeProperty(property),
                },
              ]
            : [],
      });
    }
  },
};
