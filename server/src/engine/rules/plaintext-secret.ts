import type { OffsetEdit } from '../input';
import { displayName, perContainer, type ContainerModel, type KeyValueModel } from '../model';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
import type { FixSpec, Rule } from './rule';

export const SECRET_ARN_PLACEHOLDER = 'arn:aws:secretsmanager:<region>:<account-id>:secret:<name>';

/** Words that end a secret's name: DB_PASSWORD, GITHUB_TOKEN, JWT_SECRET, AWS_SECRET_ACCESS_KEY, … */
const LAST_WORD = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'CREDENTIALS',
  'CREDENTIAL',
  'CREDS',
]);
const LAST_TWO = new Set([
  'API_KEY',
  'PRIVATE_KEY',
  'ACCESS_KEY',
  'SECRET_KEY',
  'AUTH_KEY',
  'SIGNING_KEY',
  'ENCRYPTION_KEY',
  'MASTER_KEY',
  'CLIENT_SECRET',
]);
const WHOLE = new Set(['SECRET_KEY_BASE']);
/**
 * Endings that make a secret of a word written without an underscore before them
 * (ME_CONFIG_MONGODB_ADMINPASSWORD, CLIENTSECRET, GITLABTOKEN). PASS and KEY are left out: BYPASS,
 * COMPASS, MONKEY and HOTKEY are words of their own.
 */
const SUFFIX = /.(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY)$/;
/** A quick test that rules out most names before they are split into words. */
const SECRET_HINT = /pass|secret|token|key|cred/i;
/** nginx's proxy_pass, fastcgi_pass, …: an upstream address, not a password. */
const UPSTREAM = new Set(['PROXY', 'FASTCGI', 'UWSGI', 'SCGI', 'GRPC', 'MEMCACHED']);

/** NAME_WORDS of an environment variable name, camelCase split too (dbPassword → DB, PASSWORD). */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/**
 * Does the name say its value is a secret? Only the end of the name counts: TOKEN_URL, SECRET_NAME,
 * PASSWORD_FILE, AWS_ACCESS_KEY_ID or PASSWORD_MIN_LENGTH name something about a secret, not one.
 */
export function looksSecret(name: string): boolean {
  if (!SECRET_HINT.test(name)) return false; // every word above contains one of these
  const w = words(name);
  if (w.length === 0) return false;
  const last = w[w.length - 1]!;
  const lastTwo = w.slice(-2).join('_');
  if (last === 'PASS' && w.length > 1 && UPSTREAM.has(w[w.length - 2]!)) return false;
  return (
    LAST_WORD.has(last) || LAST_TWO.has(lastTwo) || WHOLE.has(w.join('_')) || SUFFIX.test(last)
  );
}

/** A value that is not a secret itself: a reference, a path, a flag, a short number, a URL without credentials. */
export function harmlessValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || isPlaceholder(v) || containsPlaceholder(v)) return true;
  if (/^arn:aws[a-z-]*:/.test(v)) return true;
  if (/^(\/|\.\/|~\/)/.test(v)) return true; // A path, e.g. GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json
  if (/^(true|false|yes|no|on|off|none|null|disabled|enabled)$/i.test(v)) return true;
  if (/^\d{1,8}$/.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true; // A URL without user:password@
  if (/^[A-Za-z0-9.-]+:\d{1,5}$/.test(v)) return true; // host:port
  return false;
}

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
      !harmlessValue(value)
    );
  }),
);

export const plaintextSecret: Rule = {
  id: 'plaintext-secret',
  severity: 'hint',
  summary:
    'An environment variable named like a secret (PASSWORD, TOKEN, API_KEY, …) with a literal value, instead of secrets.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const env = c.environmentNode;
      if (!env || env.type !== 'array') continue;
      plaintextSecrets(c).forEach((entry) => {
        const name = entry.name!.value;
        const index = (env.children ?? []).indexOf(entry.node);
        const already = c.secrets.some((s) => s.name?.value === name);
        const fixes = (): FixSpec[] => {
          const edits: OffsetEdit[] =
            index < 0 ? [] : [...ctx.edit.deleteArrayElements(env, index, index + 1)];
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
    }
  },
};
