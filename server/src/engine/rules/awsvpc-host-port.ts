import { parentProperty } from '../json';
import { displayName } from '../model';
import type { FixSpec, Rule } from './rule';

export const awsvpcHostPort: Rule = {
  id: 'awsvpc-host-port',
  severity: 'error',
  summary:
    'A portMappings hostPort that differs from containerPort in network mode awsvpc or host.',
  check(ctx) {
    const { model } = ctx;
    const mode = model.networkMode;
    if (!model.knowsTaskLevel || (mode !== 'awsvpc' && mode !== 'host')) return;
    for (const c of model.containers) {
      for (const mapping of c.portMappings) {
        const container = mapping.containerPort?.value;
        const host = mapping.hostPort;
        // hostPort 0 is read as "not set" by tools that write it (user reports); containerPortRange
        // mappings have no containerPort and are not this rule's business.
        if (container === undefined || !host || host.value === container || host.value === 0)
          continue;
        const property = parentProperty(host.node);
        const fixes: FixSpec[] = [
          {
            title: `Change ${ctx.spell.key('hostPort')} ${host.value} to ${container}`,
            isPreferred: true,
            safe: true,
            edits: ctx.edit.replaceValue(host.node, container),
          },
        ];
        if (property)
          fixes.push({
            title: `Remove ${ctx.spell.pair('hostPort', host.value)}`,
            isPreferred: false,
            safe: false,
            edits: ctx.edit.removeProperty(property),
          });
        ctx.report({
          at: host.node,
          container: c,
          message: `${displayName(c)} maps host port ${host.value} to container port ${container}, but in network mode ${mode}${model.isFargate && mode === 'awsvpc' ? ' (as on Fargate)' : ''} there is no port translation: ${ctx.spell.key('hostPort')} must be left out or equal to ${ctx.spell.key('containerPort')}, so ECS rejects the task definition ("the host ports and container ports in port mappings must match"). The port others reach is ${ctx.spell.key('containerPort')} ${container}${mode === 'awsvpc' ? ", on the task's own network interface" : ''}; if it must be ${host.value}, change ${ctx.spell.key('containerPort')} (and the port the app listens on) instead.`,
          fixes,
        });
      }
    }
  },
};
