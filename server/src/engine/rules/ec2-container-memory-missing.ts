import { num, str, type Node } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

/** Is a memory value set (a non-zero number, a numeric string, or a placeholder)? */
function isSet(node: Node | undefined): boolean {
  if (!node) return false;
  const n = num(node);
  if (n !== undefined) return n !== 0;
  const s = str(node);
  return s !== undefined && s.trim() !== '' && s.trim() !== '0';
}

export const ec2ContainerMemoryMissing: Rule = {
  id: 'ec2-container-memory-missing',
  severity: 'error',
  summary:
    'EC2 (or no launch type) without task-level memory, and a container with neither memory nor memoryReservation.',
  check(ctx) {
    const { model } = ctx;
    if (!model.knowsTaskLevel || model.isFargate) return;
    // EC2 is the launch type when requiresCompatibilities is left out.
    if (model.launchTypes.size > 0 && !model.launchTypes.has('EC2')) return;
    if (isSet(model.memoryNode)) return;
    for (const c of model.containers) {
      if (isSet(c.memoryNode) || isSet(c.memoryReservationNode)) continue;
      const zero = c.memoryNode ?? c.memoryReservationNode;
      const launch = model.launchTypes.has('EC2')
        ? 'On EC2'
        : `On EC2 (the launch type when ${ctx.spell.key('requiresCompatibilities')} is left out)`;
      const memory = ctx.spell.key('memory');
      const reservation = ctx.spell.key('memoryReservation');
      ctx.report({
        at: zero ?? c.nameNode ?? c.node,
        container: c,
        message: `${zero ? `${displayName(c)} sets ${c.memoryNode ? memory : reservation} to 0. ` : `${displayName(c)} has neither ${memory} nor ${reservation}. `}${launch}, a task without task-level ${memory} needs a non-zero ${memory} or ${reservation} on every container: ECS rejects it ("At least one of 'memory' or 'memoryReservation' must be specified").`,
        fixes: () =>
          zero
            ? []
            : [
                {
                  title: `Add ${ctx.spell.pair('memoryReservation', 256)} (adjust to what the container needs)`,
                  isPreferred: false,
                  safe: false,
                  edits: ctx.edit.insertProperty(c.node, 'memoryReservation', 256, {
                    after: ['cpu', 'essential', 'image', 'name'],
                  }),
                },
              ],
      });
    }
  },
};
