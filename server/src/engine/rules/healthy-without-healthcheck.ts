import { displayName, waits } from '../model';
import type { Rule } from './rule';

export const healthyWithoutHealthcheck: Rule = {
  id: 'healthy-without-healthcheck',
  severity: 'error',
  summary: 'HEALTHY waits for a container that has no healthCheck, so it never becomes healthy.',
  check(ctx) {
    for (const { container: c, dep, target } of waits(ctx.model)) {
      if (dep.condition?.value !== 'HEALTHY' || target.healthCheckNode) continue;
      const port = target.portMappings.find((p) => p.containerPort)?.containerPort?.value;
      const url = `http://localhost${port ? `:${port}` : ''}/`;
      ctx.report({
        at: dep.condition.node,
        container: c,
        message: `${displayName(c)} waits for ${displayName(target)} to be HEALTHY, but ${displayName(target)} has no ${ctx.spell.key('healthCheck')}: ECS can only report a container healthy when the task definition gives it a health check, so ${displayName(c)} never starts.`,
        related: [
          {
            at: target.nameNode ?? target.node,
            message: `${displayName(target)} has no ${ctx.spell.key('healthCheck')}`,
          },
        ],
        fixes: () => [
          {
            title: `Add a ${ctx.spell.key('healthCheck')} to ${displayName(target)} (edit its ${ctx.spell.key('command')})`,
            isPreferred: true,
            safe: false,
            edits: ctx.edit.insertProperty(
              target.node,
              'healthCheck',
              {
                command: ['CMD-SHELL', `curl -f ${url} || exit 1`],
                interval: 30,
                timeout: 5,
                retries: 3,
                startPeriod: 10,
              },
              { after: ['portMappings', 'essential', 'image'] },
            ),
          },
        ],
      });
    }
  },
};
