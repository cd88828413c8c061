import { elements, prop, str, type Node } from '../json';
import { displayName } from '../model';
import { containsPlaceholder } from '../placeholders';
import { alwaysSucceeds, type AlwaysPasses } from '../shell';
import type { FixSpec, Rule, RuleContext } from './rule';

const ALWAYS_ZERO_PROGRAMS = /^(\/usr)?(\/bin\/)?(true|echo)$/;

/** Why a health-check command always exits 0, with the node to point at and the script, if a shell line. */
function verdict(
  command: Node,
): { passes: AlwaysPasses; at: Node; script?: { node: Node; text: string } } | undefined {
  const items = elements(command);
  const words = items.map((e) => str(e));
  if (words.length < 2 || words.some((w) => w === undefined || containsPlaceholder(w)))
    return undefined;
  const [mode, first, ...rest] = words as string[];
  if (mode === 'CMD-SHELL') {
    // Docker runs `sh -c <first> <rest…>`: only the first word is the script.
    const passes = alwaysSucceeds(first!);
    return passes
      ? { passes, at: items[1]!, script: { node: items[1]!, text: first! } }
      : undefined;
  }
  if (mode === 'CMD') {
    if (ALWAYS_ZERO_PROGRAMS.test(first!))
      return { passes: { why: [first, ...rest].join(' ') }, at: command };
    // ["CMD", "sh", "-c", "<script>"]
    if (/^(\/usr)?(\/bin\/)?(sh|bash|ash|dash)$/.test(first!) && rest[0] === '-c' && rest[1]) {
      const passes = alwaysSucceeds(rest[1]);
      return passes
        ? { passes, at: items[3]!, script: { node: items[3]!, text: rest[1] } }
        : undefined;
    }
  }
  return undefined;
}

/** The script with its always-succeeding tail made a failure again (`|| exit 1`), or removed. */
function repaired(text: string, tail: NonNullable<AlwaysPasses['tail']>): string {
  const head = text.slice(0, tail.start).trimEnd();
  return tail.kind === 'or' ? `${head} || exit 1` : head;
}

function fixesFor(ctx: RuleContext, found: NonNullable<ReturnType<typeof verdict>>): FixSpec[] {
  const tail = found.passes.tail;
  if (!tail || !found.script) return [];
  const after = repaired(found.script.text, tail);
  return [
    {
      title:
        tail.kind === 'or'
          ? `Let the check fail: replace "${found.passes.why}" with "|| exit 1"`
          : `Let the check fail: remove "${found.passes.why}"`,
      isPreferred: true,
      safe: false,
      edits: ctx.edit.replaceValue(found.script.node, after),
    },
  ];
}

export const healthcheckAlwaysPasses: Rule = {
  id: 'healthcheck-always-passes',
  severity: 'hint',
  summary:
    'A health check that cannot fail (`echo …`, `exit 0`, `… || true`): the container is HEALTHY whatever it does (a warning when another container waits for HEALTHY).',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const command = prop(c.healthCheckNode, 'command');
      if (!command) continue;
      const found = verdict(command);
      if (!found) continue;
      const waiting = ctx.order.waitedBy
        .get(c)!
        .filter((e) => e.condition === 'HEALTHY' && !e.implicit);
      const dependents = [...new Set(waiting.map((e) => e.to))];
      const why = found.passes.tail
        ? `"${found.passes.why}" turns every failure of the check into success`
        : `"${found.passes.why}" always exits 0`;
      const relied =
        dependents.length > 0
          ? ` ${dependents.map(displayName).join(', ')} ${dependents.length > 1 ? 'wait' : 'waits'} for it with HEALTHY, so ${dependents.length > 1 ? 'they start' : 'it starts'} before ${displayName(c)} is ready: the wait orders nothing.`
          : c.essential
            ? ' In a service, ECS replaces a task whose essential container is UNHEALTHY: that then never happens.'
            : '';
      ctx.report({
        at: found.at,
        container: c,
        severity: dependents.length > 0 ? 'warning' : undefined,
        message: `The health check of ${displayName(c)} cannot fail: ${why}, so ECS reports ${displayName(c)} HEALTHY at the first check, whether or not it serves.${relied} Check something that fails while it is not ready, e.g. a request to its port with "|| exit 1".`,
        related: waiting.map((e) => ({
          // An explicit HEALTHY wait: a dependsOn entry with its condition.
          at: e.dependency!.condition!.node,
          message: `${displayName(e.to)} waits for ${displayName(c)} to be HEALTHY`,
        })),
        fixes: () => fixesFor(ctx, found),
      });
    }
  },
};
