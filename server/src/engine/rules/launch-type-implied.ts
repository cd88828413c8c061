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
    'awsvpc with task-level cpu and memory but no requiresCompatibilities: a Fargate service or run-task is refused without naming the parameter.',
  check(ctx) {
    const { model } = ctx;
    const task = model.task;
    // A bare container array has no task level.
    if (!task || model.networkMode !== 'awsvpc' || model.requiresCompatibilitiesNode) return;
    if (!given(model.cpuNode) || !given(model.memoryNode)) return;
    const { key, pair } = ctx.spell;
    const fargate = pair('requiresCompatibilities', ['FARGATE']);
    const ec2 = pair('requiresCompatibilities', ['EC2']);
    ctx.report({
      at: model.networkModeNode!,
      message: `This looks like a Fargate task (awsvpc, task-level ${key('cpu')} and ${key('memory')}), but it has no ${key('requiresCompatibilities')}: ECS registers it and records the launch types it is compatible with, and users report that CreateService, UpdateService or RunTask with the FARGATE launch type is then refused ("Task definition does not support launch_type FARGATE"), a message that names no parameter. Add ${fargate} to have registration check it against Fargate's requirements and name what fails (or ${ec2} if it runs on EC2 instances).`,
      fixes: () => [
        {
          title: `Add ${fargate}`,
          isPreferred: true,
          safe: false,
          edits: ctx.edit.insertProperty(task, 'requiresCompatibilities', ['FARGATE'], {
            after: ['networkMode'],
          }),
        },
        {
          title: `Add ${ec2}`,
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
