import { elements, prop, str } from '../json';
import { displayName } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

/** The health-check command a fix proposes: an HTTP probe of the container's first port. */
export function probeCommand(port: number | undefined): string[] {
  return ['CMD-SHELL', `curl -f http://localhost${port ? `:${port}` : ''}/ || exit 1`];
}

export const healthcheckCommand: Rule = {
  id: 'healthcheck-command',
  severity: 'error',
  summary: 'A healthCheck with no command, or an empty one.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const hc = c.healthCheckNode;
      if (!hc || hc.type !== 'object') continue;
      const command = prop(hc, 'command');
      if (command?.type === 'string' && isPlaceholder(command.value)) continue;
      if (command && command.type !== 'array') continue; // A type error the JSON schema reports.
      const words = elements(command).map((e) => str(e));
      // Empty: no element that says something once the CMD / CMD-SHELL prefix is set aside.
      const meaningful = words.filter(
        (w, i) =>
          w === undefined ||
          (w.trim() !== '' && !(i === 0 && /^\s*(CMD|CMD-SHELL)\s*,?\s*$/.test(w))),
      );
      if (command && meaningful.length > 0) continue;
      const port = c.portMappings.find((p) => p.containerPort)?.containerPort?.value;
      const probe = probeCommand(port);
      ctx.report({
        at: command ?? hc,
        container: c,
        // The schema requires a command with at least one element; ["CMD-SHELL"] alone passes it.
        schemaCovered: !command || elements(command).length === 0,
        message: command
          ? `The ${ctx.spell.key('healthCheck')} of ${displayName(c)} has an empty ${ctx.spell.key('command')}: ECS needs a command whose exit code says whether the container is healthy (["CMD-SHELL", "<shell line>"] or ["CMD", "<executable>", …]).`
          : `The ${ctx.spell.key('healthCheck')} of ${displayName(c)} has no ${ctx.spell.key('command')}: ECS requires one (["CMD-SHELL", "<shell line>"] or ["CMD", "<executable>", …]); ${[
              'interval',
              'timeout',
              'retries',
              'startPeriod',
            ]
              .map((k) => ctx.spell.key(k))
              .join(', ')
              .replace(/, ([^,]*)$/, ' and $1')} apply only to a ${ctx.spell.key('command')}.`,
        fixes: () => [
          {
            title: `Use ${JSON.stringify(probe).replace(/","/g, '", "')} (edit the ${ctx.spell.key('command')})`,
            isPreferred: false,
            safe: false,
            edits: command
              ? ctx.edit.replaceValue(command, probe)
              : ctx.edit.insertProperty(hc, 'command', probe),
          },
        ],
      });
    }
  },
};
