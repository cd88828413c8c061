import type { OffsetEdit } from '../input';
import { displayName, perContainer, type ContainerModel, type KeyValueModel } from '../model';
import { isPlaceholder } from '../placeholders';
import { secretArguments } from './secretArguments';
import { harmlessValue, looksSecret } from './secretNames';
import type { FixSpec, Rule } from './rule';

export const SECRET_ARN_PLACEHOLDER = 'arn:aws:secretsmanager:<region>:<account-id>:secret:<name>';

/** Environment entries named like a secret with a literal value: they depend on the container alone. */
const plaintextSecrets = perContainer((c: ContainerModel): KeyValueModel[] =>
  c.environment.filter((entry) => {
    const name = entry.name?.value;
    const value = entry.value?.value;
    return (
      !!name &&
      value !== undefined &&
      !isPlaceholder(name) &&
      looksSecret(name) &&
      !harmlessValue(value, name)
    );
  }),
);

export const plaintextSecret: Rule = {
  id: 'plaintext-secret',
  severity: 'hint',
  summary:
    'An environment variable named like a secret (PASSWORD, TOKEN, API_KEY, …), or a password argument of the command, with a literal value, instead of secrets.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const env = c.environmentNode;
      const entries = env?.type === 'array' ? plaintextSecrets(c) : [];
      entries.forEach((entry) => {
        const name = entry.name!.value;
        const index = (env!.children ?? []).indexOf(entry.node);
        const already = c.secrets.some((s) => s.name?.value === name);
        const fixes = (): FixSpec[] => {
          const edits: OffsetEdit[] =
            index < 0 ? [] : [...ctx.edit.deleteArrayElements(env!, index, index + 1)];
          if (edits.length === 0) return [];
          if (!already) {
            edits.push(
              ...ctx.edit.addToArrayProperty(
                c.node,
                'secrets',
                { name, valueFrom: SECRET_ARN_PLACEHOLDER },
                { after: ['environment'] },
              ),
            );
          }
          return [
            {
              title: already
                ? `Remove the plaintext ${name} (${ctx.spell.key('secrets')} already has ${name})`
                : `Move ${name} to ${ctx.spell.key('secrets')} (fill in the secret's ARN)`,
              isPreferred: true,
              safe: false,
              edits,
            },
          ];
        };
        ctx.report({
          at: entry.value!.node,
          container: c,
          message: `${name} of ${displayName(c)} looks like a secret, but its value is written in the task definition: anyone who can describe the task definition (or read this file) can read it, and it stays in every revision. Store it in AWS Secrets Manager or SSM Parameter Store and reference it from "${ctx.spell.key('secrets')}" (${ctx.spell.key('name')} + ${ctx.spell.key('valueFrom')}); ECS then injects it as the same environment variable when the container starts (the task execution role needs permission to read it).`,
          fixes,
        });
      });
      // No fix for an argument: the command must change to read the variable, and how depends on it.
      for (const arg of secretArguments(c)) {
        ctx.report({
          at: arg.node,
          container: c,
          message: `${displayName(c)} passes a password in plain text in its ${ctx.spell.key(arg.field)} (${arg.flag}): anyone who can describe the task definition (or read this file) can read it, and it stays in every revision. Store it in AWS Secrets Manager or SSM Parameter Store, reference it from "${ctx.spell.key('secrets')}" so ECS injects it as an environment variable, and have the command read that variable (through a shell, "$NAME"; psql reads PGPASSWORD by itself).`,
        });
      }
    }
  },
};
