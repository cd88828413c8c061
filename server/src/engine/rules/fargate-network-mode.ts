import { elements, str, type Node } from '../json';
import type { Rule } from './rule';
import { NETWORK_MODES } from '../fields/index';
import { presence } from './missing-required-field';

/** The "FARGATE" element of requiresCompatibilities (what a Fargate-only finding points at). */
export function fargateElement(compat: Node | undefined): Node | undefined {
  return elements(compat).find((e) => str(e)?.toUpperCase() === 'FARGATE');
}

export const fargateNetworkMode: Rule = {
  id: 'fargate-network-mode',
  severity: 'error',
  summary:
    'requiresCompatibilities includes FARGATE but networkMode is not awsvpc (left out, it is bridge).',
  check(ctx) {
    const { model } = ctx;
    if (!model.isFargate) return;
    // isFargate is read from the task's requiresCompatibilities, so there is a task.
    const task = model.task!;
    const node = model.networkModeNode;
    const written = str(node);
    if (!node && presence(ctx.source, task, 'networkMode').state === 'present') return; // A bare `${m}` placeholder.
    if (node) {
      // Not a network mode at all (another type, another word): invalid-network-mode reports it; a
      // placeholder is not judged.
      if (written === 'awsvpc' || !(NETWORK_MODES as readonly unknown[]).includes(written)) return;
    }
    const withLinks = model.containers.filter((c) => c.links.length > 0);
    const mode = written ?? 'bridge';
    const how =
      written === undefined
        ? `has no ${ctx.spell.key('networkMode')}, so it gets the default, bridge`
        : `uses network mode "${written}"`;
    // bridge (written or default) → awsvpc keeps what the task means, unless links rely on bridge;
    // host and none say something else about networking: the user decides.
    const safe = mode === 'bridge' && withLinks.length === 0;
    const linksNote =
      withLinks.length > 0
        ? ` Note that awsvpc does not support ${ctx.spell.key('links')} (used by ${withLinks.map((c) => c.name?.value ?? `container #${c.index + 1}`).join(', ')}): in awsvpc containers reach each other on localhost.`
        : '';
    ctx.report({
      at:
        node ??
        fargateElement(model.requiresCompatibilitiesNode) ??
        model.requiresCompatibilitiesNode!,
      message: `This task requires FARGATE but ${how}: Fargate requires the awsvpc network mode, so ECS rejects the task definition.${linksNote}`,
      related:
        node && model.requiresCompatibilitiesNode
          ? [
              {
                at: model.requiresCompatibilitiesNode,
                message: `${ctx.spell.key('requiresCompatibilities')} includes FARGATE`,
              },
            ]
          : [],
      fixes: () => [
        {
          title:
            written === undefined
              ? `Add ${ctx.spell.pair('networkMode', 'awsvpc')}`
              : `Change ${ctx.spell.key('networkMode')} "${written}" to "awsvpc"`,
          isPreferred: true,
          safe,
          edits: ctx.edit.setProperty(task, 'networkMode', 'awsvpc', {
            after: ['requiresCompatibilities'],
          }),
        },
      ],
    });
  },
};
