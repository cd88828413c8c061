import { num, parentProperty } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

export const startTimeoutWithoutEffect: Rule = {
  id: 'start-timeout-without-effect',
  severity: 'hint',
  summary:
    'A startTimeout on a container that no container waits for: it is how long the others wait for this one.',
  check(ctx) {
    // Containers or dependsOn lists the file does not spell out may wait for any container.
    const { model } = ctx;
    if (model.containersOpen || model.containers.some((c) => c.dependsOnOpen)) return;
    for (const c of ctx.model.containers) {
      const node = c.startTimeoutNode;
      if (!node || num(node) === 0) continue; // 0 is a skeleton's "unset" (timeout-range reports the range).
      if (ctx.order.waitedBy.get(c)!.length > 0) continue;
      const waits = ctx.order.waitsFor.get(c)!.map((e) => displayName(e.from));
      const property = parentProperty(node);
      const timeout = ctx.spell.key('startTimeout');
      ctx.report({
        at: property?.children?.[0] ?? node,
        container: c,
        tags: ['unnecessary'],
        message: `${timeout} on ${displayName(c)} has no effect: no container waits for ${displayName(c)}. AWS documents ${timeout} as the time the containers that depend on this one wait for it to reach its condition before they give up${waits.length > 0 ? `; to bound how long ${displayName(c)} waits for ${waits.join(', ')}, set ${timeout} on ${waits.length === 1 ? 'that container' : 'those containers'}` : ''}.`,
        fixes: () =>
          property
            ? [
                {
                  title: `Remove "${timeout}"`,
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
