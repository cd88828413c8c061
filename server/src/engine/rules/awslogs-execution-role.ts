import { objectElements, prop, type Node } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';

export const EXECUTION_ROLE_PLACEHOLDER = 'arn:aws:iam::<account-id>:role/ecsTaskExecutionRole';

const PRIVATE_ECR = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export const awslogsExecutionRole: Rule = {
  id: 'awslogs-execution-role',
  severity: 'error',
  summary:
    'awslogs, private ECR images or secrets on Fargate (secrets anywhere) without an executionRoleArn.',
  check(ctx) {
    const { model } = ctx;
    const task = model.task;
    if (!model.knowsTaskLevel || !task || model.executionRoleArnNode) return;
    const needs: { at: Node; why: string; container: string }[] = [];
    for (const c of model.containers) {
      const name = displayName(c);
      if (model.isFargate && c.logDriver?.value === 'awslogs')
        needs.push({
          at: c.logDriver.node,
          why: 'sends its logs to CloudWatch with awslogs',
          container: name,
        });
      if (model.isFargate && c.image && PRIVATE_ECR.test(c.image.value))
        needs.push({
          at: c.image.node,
          why: 'pulls its image from a private Amazon ECR repository',
          container: name,
        });
      if (c.secrets.some((s) => s.valueFrom))
        needs.push({
          at: c.secretsNode!,
          why: 'reads secrets from Secrets Manager or Parameter Store',
          container: name,
        });
      const secretOptions = objectElements(prop(c.logConfigurationNode, 'secretOptions'));
      if (secretOptions.length > 0)
        needs.push({
          at: prop(c.logConfigurationNode, 'secretOptions')!,
          why: 'reads log-driver secrets (secretOptions)',
          container: name,
        });
      const creds = prop(c.node, 'repositoryCredentials');
      if (creds)
        needs.push({ at: creds, why: 'uses private registry credentials', container: name });
    }
    if (needs.length === 0) return;
    const [first, ...rest] = needs;
    const where = model.isFargate ? 'on Fargate, ECS' : 'ECS';
    ctx.report({
      at: first!.at,
      container: model.containers.find((c) => displayName(c) === first!.container),
      message: `${first!.container} ${first!.why}, but the task definition has no ${ctx.spell.key('executionRoleArn')}: ${where} needs a task execution role to do that for the container, and registration or the task start fails without one.`,
      related: rest.map((n) => ({ at: n.at, message: `${n.container} ${n.why}` })),
      fixes: () => [
        {
          title: `Add "${ctx.spell.key('executionRoleArn')}" (fill in your role ARN)`,
          isPreferred: true,
          safe: false,
          edits: ctx.edit.insertProperty(task, 'executionRoleArn', EXECUTION_ROLE_PLACEHOLDER, {
            after: ['family'],
          }),
        },
      ],
    });
  },
};
