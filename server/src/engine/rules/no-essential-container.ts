import { displayName } from '../model';
import type { Rule } from './rule';

export const noEssentialContainer: Rule = {
  id: 'no-essential-container',
  severity: 'error',
  summary:
    'No container is essential (essential defaults to true, so every container sets it to false): ECS rejects the task definition.',
  check(ctx) {
    const containers = ctx.model.containers;
    // A placeholder (or any non-boolean) may render to true: only a task whose every container
    // says "essential": false is known to have no essential container.
    if (
      containers.length === 0 ||
      ctx.model.containersOpen ||
      containers.some((c) => c.essential || c.essentialUnknown || !c.essentialNode)
    )
      return;
    const main = containers.find((c) => !ctx.inits.has(c)) ?? containers[0]!;
    const others = containers.filter((c) => c !== main);
    const name = displayName(main);
    ctx.report({
      at: main.essentialNode!,
      container: main,
      message: `No container of this task definition is essential: every one sets ${ctx.spell.pair('essential', false)}. ECS requires at least one essential container and rejects the task definition ("Task definition doesn't have any essential container"). Make the container the task exists for (${name}) essential; when it exits, the task stops.`,
      related: others.map((c) => ({
        at: c.essentialNode!,
        message: `${displayName(c)} is not essential either`,
      })),
      fixes: () => [
        {
          title: `Make ${name} essential`,
          isPreferred: true,
          safe: false,
          // Every container has the property (it is what the finding is about): its value changes.
          edits: ctx.edit.setProperty(main.node, 'essential', true),
        },
      ],
    });
  },
};
