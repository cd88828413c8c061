import { parentProperty } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

export const linksInAwsvpc: Rule = {
  id: 'links-in-awsvpc',
  severity: 'error',
  summary:
    'links in a task with network mode awsvpc (so also on Fargate), which ECS does not support.',
  check(ctx) {
    const { model } = ctx;
    if (!model.knowsTaskLevel || model.networkMode !== 'awsvpc') return;
    for (const c of model.containers) {
      if (c.links.length === 0 || !c.linksNode) continue;
      const property = parentProperty(c.linksNode);
      const targets = c.links
        .map((l) => l.target)
        .filter(
          (t) =>
            model.byName.has(t) &&
            t !== c.name?.value &&
            !c.dependsOn.some((d) => d.containerName?.value === t),
        );
      const order =
        targets.length > 0
          ? ` If ${displayName(c)} must start after ${targets.join(', ')}, say so with ${ctx.spell.key('dependsOn')} (START), which ${ctx.spell.key('links')} did implicitly.`
          : '';
      ctx.report({
        at: property?.children?.[0] ?? c.linksNode,
        container: c,
        message: `${displayName(c)} has ${ctx.spell.key('links')}, but the task uses network mode awsvpc${model.isFargate ? ' (as Fargate requires)' : ''}, which does not support ${ctx.spell.key('links')}: ECS rejects the task definition. In awsvpc the containers of a task share one network namespace and reach each other on localhost:<${ctx.spell.key('containerPort')}>.${order}`,
        fixes: () =>
          property
            ? [
                {
                  title: `Remove "${ctx.spell.key('links')}" from ${displayName(c)}`,
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
