import { str, type Node } from '../json';
import type { Rule } from './rule';

function given(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'number') return true;
  const s = str(node);
  return s !== undefined && s.trim() !== '';
}

export const launchTypeImplied: Rule = {
  id: 'launch-type-implied',
  severity: 'hint',
  summary:
    'awsvpc with task-level cpu and memory but no requiresCompatibilities: registration skips the Fargate checks.',
  check(ctx) {
    const { model } = ctx;
    const task = model.task;
    if (
      !model.knowsTaskLevel ||
      !task ||
      model.networkMode !== 'awsvpc' ||
      model.requiresCompatibilitiesNode
    )
      return;
    if (!given(model.cpuNode) || !given(model.memoryNode)) return;
    ctx.report({
      at: model.networkModeNode!,
      message: `This looks like a Fargate task (awsvpc, task-level ${ctx.spell.key('cpu')} and ${ctx.spell.key('memory')}), but it has no ${ctx.spell.key('requiresCompatibilities')}: ECS then registers it without checking it against Fargate's requirements, so a parameter Fargate rejects only shows up when a service or run-task starts it on Fargate. Add ${ctx.spell.pair('requiresCompatibilities', ['FARGATE'])} to have registration check it (or ["EC2"] if it runs on EC2 instances).`,
      fixes: () => [
        {
          title: `Add ${ctx.spell.pair('requiresCompatibilities', ['FARGATE'])}`,
          isPreferred: true,
          safe: false,
          edits: ctx.edit.insertProperty(task, 'requiresCompatibilities', ['FARGATE'], {
            after: ['networkMode'],
          }),
        },
        {
          title: `Add ${ctx.spell.pair('requiresCompatibilities', ['EC2'])}`,
          isPreferred: false,
          safe: false,
          edits: ctx.edit.insertProperty(task, 'requiresCompatibilities', ['EC2'], {
            after: ['networkMode'],
          }),
        },
      ],
    });
  },
};
