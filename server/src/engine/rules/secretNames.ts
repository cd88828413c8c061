/**
 * What makes a name a secret's name and a value a literal secret: shared by the environment and
 * the command-argument checks of plaintext-secret.
 */
import { containsPlaceholder, isPlaceholder } from '../placeholders';

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
const UPSTREAM: ReadonlySet<string | undefined> = new Set([
  'PROXY',
  'FASTCGI',
  'UWSGI',
  'SCGI',
  'GRPC',
  'MEMCACHED',
]);

/** NAME_WORDS of an environment variable name, camelCase split too (dbPassword → DB, PASSWORD). */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]/)
    .filter(Boolean);
}

/**
 * Does the name say its value is a secret? Only the end of the name counts: TOKEN_URL, SECRET_NAME,
 * PASSWORD_FILE, AWS_ACCESS_KEY_ID or PASSWORD_MIN_LENGTH name something about a secret, not one.
 */
export function looksSecret(name: string): boolean {
  if (!SECRET_HINT.test(name)) return false; // every word above contains one of these
  const w = words(name); // not empty: the name has a letter
  const last = w[w.length - 1]!;
  const lastTwo = w.slice(-2).join('_');
  if (last === 'PASS' && UPSTREAM.has(w.at(-2))) return false;
  return (
    LAST_WORD.has(last) || LAST_TWO.has(lastTwo) || WHOLE.has(w.join('_')) || SUFFIX.test(last)
  );
}

/** The letters and digits of a name, in upper case: DD-API-KEY, dd_api_key and DdApiKey all give DDAPIKEY. */
const bare = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * A value that is not a secret itself: a reference, a path, a flag, a short number, a URL without
 * credentials, or a stand-in that only restates the variable's name (`DD_API_KEY` = "DD-API-KEY"
 * in a template that a pipeline fills in).
 */
export function harmlessValue(value: string, name?: string): boolean {
  const v = value.trim();
  if (v === '' || isPlaceholder(v) || containsPlaceholder(v)) return true;
  if (name !== undefined && bare(v) !== '' && bare(v) === bare(name)) return true;
  if (/^arn:aws[a-z-]*:/.test(v)) return true;
  if (/^(\/|\.\/|~\/)/.test(v)) return true; // A path, e.g. GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json
  if (/^(true|false|yes|no|on|off|none|null|disabled|enabled)$/i.test(v)) return true;
  if (/^\d{1,8}$/.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true; // A URL without user:password@
  if (/^[A-Za-z0-9.-]+:\d{1,5}$/.test(v)) return true; // host:port
  return false;
}
