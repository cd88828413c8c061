import { num, parentProperty } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

export const memoryReservationExceedsMemory: Rule = {
  id: 'memory-reservation-exceeds-memory',
  severity: 'error',
  summary:
    "A container's memoryReservation (soft limit) is above its memory (hard limit); equal values are a hint (the soft limit then does nothing).",
  check(ctx) {
    for (const c of ctx.model.containers) {
      const memory = num(c.memoryNode);
      const reservation = num(c.memoryReservationNode);
      // A memory of 0 is "not set" in skeletons (ec2-container-memory-missing speaks about it); a
      // reservation of 0 (the same) is below any hard limit that is set.
      if (memory === undefined || reservation === undefined || memory <= 0) continue;
      if (reservation < memory) continue;
      // The docs say memory "must be greater than" memoryReservation, but equal values register
      // (aws/amazon-ecs-cli#570): they are not an error, only a reservation that changes nothing.
      const equal = reservation === memory;
      const property = parentProperty(c.memoryReservationNode!);
      const hard = ctx.spell.key('memory');
      const soft = ctx.spell.key('memoryReservation');
      ctx.report({
        at: c.memoryReservationNode!,
        container: c,
        severity: equal ? 'hint' : undefined,
        tags: equal ? ['unnecessary'] : undefined,
        message: equal
          ? `${displayName(c)} reserves ${reservation} MiB (${soft}), the same as its hard limit (${hard}): the soft limit then does nothing. ECS reserves the hard limit when ${soft} is left out, and a container can never use more than its hard limit anyway. Leave ${soft} out, or set it lower to let the container grow above what it reserves.`
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
