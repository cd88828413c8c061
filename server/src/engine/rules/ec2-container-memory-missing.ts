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
    'No task-level memory, and a container with neither memory nor memoryReservation (whatever the launch type).',
  check(ctx) {
    const { model } = ctx;
    // The rule's id says EC2, where it was first written for; what ECS checks is task-level memory:
    // without it every container needs its own, on any launch type.
    if (!model.knowsTaskLevel || isSet(model.memoryNode)) return;
    const { key } = ctx.spell;
    const memory = key('memory');
    const reservation = key('memoryReservation');
    for (const c of model.containers) {
      if (isSet(c.memoryNode) || isSet(c.memoryReservationNode)) continue;
      const zero = c.memoryNode ?? c.memoryReservationNode;
      const fargate = model.isFargate
        ? ` On Fargate, task-level ${memory} is required anyway: add it (with task-level ${key('cpu')}), and the containers need none of their own.`
        : '';
      ctx.report({
        at: zero ?? c.nameNode ?? c.node,
        container: c,
        message: `${zero ? `${displayName(c)} sets ${c.memoryNode ? memory : reservation} to 0.` : `${displayName(c)} has neither ${memory} nor ${reservation}.`} The task has no task-level ${memory}, so every container needs a non-zero ${memory} or ${reservation}: ECS rejects the task definition otherwise, whatever the launch type ("At least one of 'memory' or 'memoryReservation' must be specified").${fargate}`,
        fixes: () =>
          zero || model.isFargate
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
