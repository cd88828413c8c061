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
      ctx.report({
        at: c.memoryReservationNode!,
        container: c,
        message: equal
          ? `${displayName(c)} reserves ${reservation} MiB (memoryReservation) with a hard limit of the same ${memory} MiB (memory): AWS requires memory to be greater than memoryReservation when both are set. Leave memoryReservation out (the hard limit is then also the reservation), or lower it.`
          : `${displayName(c)} reserves ${reservation} MiB (memoryReservation) but its hard limit is ${memory} MiB (memory): the soft limit must be below the hard limit (AWS requires memory to be greater than memoryReservation), so ECS rejects the container definition.`,
        related: [{ at: c.memoryNode!, message: `memory (hard limit): ${memory} MiB` }],
        fixes: () =>
          equal && property
            ? [
                {
                  title: 'Remove "memoryReservation"',
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
