import { displayName } from '../model';
import type { Rule } from './rule';
import { localhostReferences, waitsTransitively, whereTargetListens } from './localhost';
import { addDependsOn } from './util';

export const sidecarNotAwaited: Rule = {
  id: 'sidecar-not-awaited',
  severity: 'warning',
  summary:
    'In awsvpc a container talks to `localhost:<port>` of another container but does not wait for it, so it can start first.',
  check(ctx) {
    const { model, order } = ctx;
    if (!model.knowsTaskLevel || model.networkMode !== 'awsvpc') return;
    for (const c of model.containers) {
      if (c.dependsOnOpen) continue; // its dependsOn is not spelled out: it may wait already
      for (const ref of localhostReferences(model, c)) {
        const target = ref.target;
        if (waitsTransitively(order, c, target)) continue;
        // The sidecar waits for this container: the order is deliberate (and dependsOn back would be a cycle).
        if (waitsTransitively(order, target, c)) continue;
        const name = target.name?.value;
        const condition = target.healthCheckNode ? 'HEALTHY' : 'START';
        const why =
          condition === 'HEALTHY'
            ? `HEALTHY, since ${displayName(target)} has a health check: ${displayName(c)} then starts once it serves`
            : `START (${displayName(target)} has no health check, so START is the most ECS can wait for)`;
        ctx.report({
          at: ref.node,
          container: c,
          message: `${displayName(c)} talks to ${ref.host}:${ref.port}, which is ${displayName(target)}'s port, but nothing makes it wait for ${displayName(target)}: ECS starts containers without a dependency in no documented order, so ${displayName(c)} can start first and fail to connect. Add a ${ctx.spell.key('dependsOn')} on ${displayName(target)} with ${why}.`,
          related: [whereTargetListens(ref)],
          fixes: () =>
            name
              ? [
                  {
                    title: `Make ${displayName(c)} wait for ${name} (${condition})`,
                    isPreferred: true,
                    safe: true,
                    edits: addDependsOn(ctx, c, name, condition),
                  },
                ]
              : [],
        });
      }
    }
  },
};
