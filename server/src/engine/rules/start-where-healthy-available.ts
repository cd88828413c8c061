import { elements, prop, str } from '../json';
import { displayName, waits, type ContainerModel } from '../model';
import type { Rule } from './rule';

/** A health check with a command that says something (healthcheck-command reports the empty ones). */
function hasUsableHealthCheck(c: ContainerModel): boolean {
  const command = prop(c.healthCheckNode, 'command');
  if (command?.type === 'string') return true; // A placeholder for the whole command.
  return elements(command).some((e, i) => {
    const s = str(e);
    return (
      s !== undefined && s.trim() !== '' && !(i === 0 && /^\s*(CMD|CMD-SHELL)\s*,?\s*$/.test(s))
    );
  });
}

export const startWhereHealthyAvailable: Rule = {
  id: 'start-where-healthy-available',
  severity: 'hint',
  summary:
    'dependsOn START on a container that has a health check: HEALTHY would wait until it serves.',
  check(ctx) {
    for (const { container: c, dep, target } of waits(ctx.model)) {
      if (dep.condition?.value !== 'START') continue;
      if (ctx.inits.has(target) || !hasUsableHealthCheck(target)) continue;
      ctx.report({
        at: dep.condition.node,
        container: c,
        message: `${displayName(c)} waits for ${displayName(target)} with START, which only waits until its process has started. ${displayName(target)} has a health check, so HEALTHY would wait until it actually serves (ECS checks it only while the task starts).`,
        related: [
          { at: target.healthCheckNode!, message: `${displayName(target)}'s health check` },
        ],
        fixes: [
          {
            title: 'Change "START" to "HEALTHY"',
            isPreferred: true,
            safe: false,
            edits: ctx.edit.replaceValue(dep.condition.node, 'HEALTHY'),
          },
        ],
      });
    }
  },
};
