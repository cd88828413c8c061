import { MAX_CONTAINERS } from '../fields/index';
import { displayName } from '../model';
import type { Rule } from './rule';

export const tooManyContainers: Rule = {
  id: 'too-many-containers',
  severity: 'error',
  summary: `More than ${MAX_CONTAINERS} container definitions: the ECS quota, which cannot be raised.`,
  check(ctx) {
    const containers = ctx.model.containers;
    if (containers.length <= MAX_CONTAINERS) return;
    const first = containers[MAX_CONTAINERS]!;
    const extra = containers.slice(MAX_CONTAINERS);
    ctx.report({
      at: first.nameNode ?? first.node,
      container: first,
      schemaCovered: true, // the schema's maxItems
      message: `This task definition has ${containers.length} containers, but ECS allows at most ${MAX_CONTAINERS} per task definition (a fixed quota that cannot be raised), so registration fails. ${extra.map(displayName).join(', ')} ${extra.length === 1 ? 'is' : 'are'} over the limit: move some containers to a task definition of their own (a separate service), or merge sidecars.`,
      related: extra
        .slice(1)
        .map((c) => ({ at: c.nameNode ?? c.node, message: `${displayName(c)} is over the limit` })),
    });
  },
};
