import { displayName } from '../model';
import type { Rule } from './rule';
import { localhostReferences, whereTargetListens } from './localhost';
import { agentReferences } from './localhostAgents';

export const localhostAcrossBridge: Rule = {
  id: 'localhost-across-bridge',
  severity: 'warning',
  summary:
    'In bridge mode a container points at `localhost:<port>` of another container, but bridge containers do not share localhost.',
  check(ctx) {
    const { model } = ctx;
    // bridge is written, or the default on EC2 when networkMode is left out (Fargate requires awsvpc: another rule says so).
    if (!model.knowsTaskLevel || model.networkMode !== 'bridge' || model.isFargate) return;
    for (const c of model.containers) {
      for (const ref of localhostReferences(model, c)) {
        const target = ref.target;
        const link = c.links.find((l) => l.target === target.name?.value);
        const hostName = link ? (link.alias ?? link.target) : target.name?.value;
        const instead = link
          ? `Use "${hostName}:${ref.port}" (the name its link gives ${displayName(target)})`
          : `Link the containers (${ctx.spell.pair('links', [target.name?.value ?? '<name>'])}) and use "${hostName ?? '<name>'}:${ref.port}"`;
        ctx.report({
          at: ref.node,
          container: c,
          message: `${displayName(c)} points at ${ref.host}:${ref.port}, ${displayName(target)}'s port, but in ${model.networkModeNode ? 'bridge' : `bridge (the default when ${ctx.spell.key('networkMode')} is left out)`} mode every container has its own network namespace: ${ref.host} is ${displayName(c)} itself, so the connection is refused. ${instead}, or switch the task to ${ctx.spell.key('networkMode')} awsvpc, where the containers of a task share localhost.`,
          related: [whereTargetListens(ref)],
        });
      }
      for (const ref of agentReferences(model, c)) {
        const target = ref.target;
        const link = c.links.find((l) => l.target === target.name?.value);
        const hostName = link ? (link.alias ?? link.target) : (target.name?.value ?? '<name>');
        const address = ref.hostOnly ? hostName : `${hostName}:${ref.port}`;
        const instead = link
          ? `Use "${address}" (the name its link gives ${displayName(target)})`
          : `Link the containers (${ctx.spell.pair('links', [target.name?.value ?? '<name>'])}) and use "${address}"`;
        const points = ref.hostOnly
          ? `${ref.host} as the host of ${ref.agent} (port ${ref.port}, ${ref.carries})`
          : `${ref.host}:${ref.port}, the port of ${ref.agent} (${ref.carries})`;
        ctx.report({
          at: ref.node,
          container: c,
          message: `${displayName(c)} points at ${points}, which runs in ${displayName(target)}, but in ${model.networkModeNode ? 'bridge' : `bridge (the default when ${ctx.spell.key('networkMode')} is left out)`} mode every container has its own network namespace: ${ref.host} is ${displayName(c)} itself, so the agent never receives the data. ${instead}, or switch the task to ${ctx.spell.key('networkMode')} awsvpc, where the containers of a task share localhost.`,
          related: [
            {
              // An agent is known by its image.
              at: target.image!.node,
              message: `${displayName(target)} runs ${ref.agent}, which listens on ${ref.port}`,
            },
          ],
        });
      }
    }
  },
};
