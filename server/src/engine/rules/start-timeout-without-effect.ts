import { num, parentProperty } from '../json';
import { displayName } from '../model';
import type { Spelling } from '../input';
import type { StartEdge } from '../startOrder';
import type { Rule } from './rule';

/**
 * A wait that startTimeout cannot end. The ECS agent applies the target's startTimeout only to
 * COMPLETE, SUCCESS and HEALTHY waits (hasDependencyTimedOut in agent/engine/dependencygraph/graph.go):
 * START waits, explicit or added for links and FireLens, and volumesFrom's create-time wait never time
 * out. A dependsOn without a condition, or with one the file does not spell out, may be any of them.
 */
function untimed(e: StartEdge): boolean {
  if (e.condition === 'CREATE') return true;
  if (e.condition !== 'START') return false;
  return e.implicit || e.dependency?.condition !== undefined;
}

/** How a container waits, in the file's words: START in dependsOn, or an order ECS adds. */
function how(e: StartEdge, spell: Spelling): string {
  if (e.reason === 'dependsOn') return 'START';
  if (e.reason === 'firelens') return 'FireLens';
  return spell.key(e.reason);
}

export const startTimeoutWithoutEffect: Rule = {
  id: 'start-timeout-without-effect',
  severity: 'hint',
  summary:
    'A startTimeout on a container that no container waits for with COMPLETE, SUCCESS or HEALTHY: the only waits it can end.',
  check(ctx) {
    // Containers or dependsOn lists the file does not spell out may wait for any container.
    const { model } = ctx;
    if (model.containersOpen || model.containers.some((c) => c.dependsOnOpen)) return;
    const field = ctx.spell.key('startTimeout');
    for (const c of ctx.model.containers) {
      const node = c.startTimeoutNode;
      if (!node || num(node) === 0) continue; // 0 is a skeleton's "unset" (timeout-range reports the range).
      const waitedBy = ctx.order.waitedBy.get(c)!;
      if (!waitedBy.every(untimed)) continue;
      const name = displayName(c);
      const waiters = [...new Set(waitedBy.map((e) => e.to))];
      const ways = [...new Set(waitedBy.map((e) => how(e, ctx.spell)))];
      // volumesFrom's wait is for the container to be created, not started.
      const created = waitedBy.some((e) => e.condition === 'CREATE');
      const started = waitedBy.some((e) => e.condition !== 'CREATE');
      const onlyTo = created
        ? started
          ? 'only to be created or to start'
          : 'only to be created'
        : 'only to start';
      const who =
        waiters.length === 0
          ? `no container waits for ${name}`
          : `${waiters.map(displayName).join(', ')} wait${waiters.length === 1 ? 's' : ''} for ${name} ${onlyTo} (${ways.join(', ')}), and the ECS agent applies ${field} only to COMPLETE, SUCCESS and HEALTHY waits`;
      // Where a timeout would bound this container's own wait: on the containers it waits for with
      // a condition the agent times.
      const timedTargets = [
        ...new Set(
          ctx.order.waitsFor
            .get(c)!
            .filter((e) => !untimed(e))
            .map((e) => displayName(e.from)),
        ),
      ];
      const where =
        timedTargets.length > 0
          ? ` To bound how long ${name} waits for ${timedTargets.join(', ')}, set ${field} on ${timedTargets.length === 1 ? 'that container' : 'those containers'}.`
          : '';
      const property = parentProperty(node);
      ctx.report({
        at: property?.children?.[0] ?? node,
        container: c,
        tags: ['unnecessary'],
        message: `${field} on ${name} has no effect: ${who}. It bounds how long the containers that wait for ${name} with COMPLETE, SUCCESS or HEALTHY wait: the clock starts when ${name} starts, and if ${name} has not reached their condition in time, they give up and do not start.${where}`,
        fixes: () =>
          property
            ? [
                {
                  title: `Remove "${field}"`,
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
