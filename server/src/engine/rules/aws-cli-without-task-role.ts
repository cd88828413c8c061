import { displayName } from '../model';
import { runsAwsCli } from '../roles';
import type { Rule } from './rule';

export const TASK_ROLE_PLACEHOLDER = 'arn:aws:iam::<account-id>:role/<task-role-name>';

export const awsCliWithoutTaskRole: Rule = {
  id: 'aws-cli-without-task-role',
  severity: 'warning',
  summary:
    'A container runs the AWS CLI but the task has no taskRoleArn, so it has no AWS credentials.',
  check(ctx) {
    const task = ctx.model.task;
    if (!ctx.model.knowsTaskLevel || !task || ctx.model.taskRoleArnNode) return;
    for (const c of ctx.model.containers) {
      if (!runsAwsCli(c)) continue;
      // On EC2 a container without a task role can still reach the instance profile through the
      // instance metadata service (unless it is blocked), so "fails" is only certain on Fargate.
      const outcome = ctx.model.isFargate
        ? 'so the aws command fails with "Unable to locate credentials"'
        : 'so the aws command fails with "Unable to locate credentials", or, on EC2 where the instance metadata service is reachable, runs with the container instance\'s role, which every task on the instance shares';
      ctx.report({
        at: c.commandNode ?? c.image?.node ?? c.node,
        container: c,
        message: `${displayName(c)} runs the AWS CLI, but the task definition has no ${ctx.spell.key('taskRoleArn')}: the container gets no AWS credentials from ECS (the execution role is only for ECS itself: pulling images, logs, secrets), ${outcome}. Add a task role that allows what the command does.`,
        fixes: () => [
          {
            title: `Add "${ctx.spell.key('taskRoleArn')}" (fill in your role ARN)`,
            isPreferred: true,
            safe: false,
            edits: ctx.edit.insertProperty(task, 'taskRoleArn', TASK_ROLE_PLACEHOLDER, {
              after: ['executionRoleArn', 'family'],
            }),
          },
        ],
      });
    }
  },
};
