/**
 * What a container is for, judged from its shape: init (one-shot setup) containers, log routers,
 * images whose ENTRYPOINT is not a shell. Rules and the graph share these judgements.
 */
import { waitsForExit } from './fields/index';
import { perContainer, type ContainerModel, type TaskModel } from './model';
import { containsPlaceholder, isPlaceholder } from './placeholders';

const INIT_NAME =
  /(^|[-_.])(init|initcontainer|setup|migrat(e|es|ion|ions|or)|db-?migrate|bootstrap|prepare|seed|seeder|provision|fetch-?config|config-?(init|loader|fetch|fetcher|download)|download(er)?|wait-?for[-_a-z]*)(?=$|[-_.\d])/i;

/**
 * Images whose ENTRYPOINT is the tool itself, so `command` reaches it as arguments and a shell
 * command is not run (each checked in the image's Dockerfile; docs/rules/entrypoint-overrides-shell.md
 * names them).
 */
export const NON_SHELL_ENTRYPOINT_IMAGES: { pattern: RegExp; entrypoint: string }[] = [
  { pattern: /^(docker\.io\/)?amazon\/aws-cli(:|@|$)/, entrypoint: 'aws' },
  { pattern: /^public\.ecr\.aws\/aws-cli\/aws-cli(:|@|$)/, entrypoint: 'aws' },
  { pattern: /^(docker\.io\/)?hashicorp\/terraform(:|@|$)/, entrypoint: 'terraform' },
  { pattern: /^(docker\.io\/)?(flyway\/flyway|redgate\/flyway)(:|@|$)/, entrypoint: 'flyway' },
  { pattern: /^(docker\.io\/)?migrate\/migrate(:|@|$)/, entrypoint: 'migrate' },
];

/** Every image above names one of these: a quick test before the patterns. */
const NON_SHELL_HINT = /aws-cli|terraform|flyway|migrate/;

export function nonShellEntrypoint(image: string | undefined): string | undefined {
  if (!image || !NON_SHELL_HINT.test(image) || containsPlaceholder(image)) return undefined;
  return NON_SHELL_ENTRYPOINT_IMAGES.find((i) => i.pattern.test(image.trim()))?.entrypoint;
}

/**
 * curlimages/curl is a one-shot tool as well, but its entrypoint script runs any command found on
 * the PATH (`exec "$@"`), so a shell command works there: it only marks the container as a setup step.
 */
const ONE_SHOT_TOOL_IMAGE = /^(docker\.io\/)?curlimages\/curl(:|@|$)/;

function oneShotToolImage(image: string | undefined): boolean {
  if (!image || containsPlaceholder(image)) return false;
  return nonShellEntrypoint(image) !== undefined || ONE_SHOT_TOOL_IMAGE.test(image.trim());
}

const ONE_SHOT_COMMAND =
  /\b(aws\s+s3\s+(cp|sync)|aws\s+ssm\s+get-parameters?|aws\s+secretsmanager\s+get-secret-value|wget\s|curl\s[^|]*(-o|--output)\s|migrate\b|flyway\b|alembic\s+upgrade|db:migrate|manage\.py\s+migrate|prisma\s+migrate|knex\s+migrate|liquibase\b|chown\s|chmod\s|cp\s+-?\w*\s*\S+\s+\S+)/;

export function isLogRouter(c: ContainerModel): boolean {
  return c.firelensConfigurationNode !== undefined;
}

function commandText(c: ContainerModel): string {
  return [...c.entryPoint, ...c.command].join(' ');
}

/** A container's own shape says it is a one-shot setup step (whoever waits for it). */
export const looksLikeInit = perContainer((c: ContainerModel): boolean => {
  if (c.portMappings.length > 0 || c.healthCheckNode || isLogRouter(c)) return false;
  const name = c.name?.value ?? '';
  if (name && !isPlaceholder(name) && INIT_NAME.test(name)) return true;
  if (oneShotToolImage(c.image?.value)) return true;
  return !c.essential && ONE_SHOT_COMMAND.test(commandText(c));
});

/** Containers that some other container waits for with SUCCESS or COMPLETE. */
export function completionTargets(model: TaskModel): Set<ContainerModel> {
  const out = new Set<ContainerModel>();
  for (const c of model.containers) {
    for (const d of c.dependsOn) {
      const cond = d.condition?.value;
      const target = d.containerName ? model.byName.get(d.containerName.value) : undefined;
      if (target && target !== c && cond !== undefined && waitsForExit(cond)) out.add(target);
    }
  }
  return out;
}

/** Init containers: waited for with SUCCESS/COMPLETE, or shaped like one. */
export function initContainers(model: TaskModel): Set<ContainerModel> {
  const out = completionTargets(model);
  for (const c of model.containers) if (looksLikeInit(c)) out.add(c);
  return out;
}

/** Absolute filesystem paths mentioned in a container's command, entryPoint and environment. */
export const mentionedPaths = perContainer((c: ContainerModel): string[] => {
  const out = new Set<string>();
  const scan = (t: string | undefined) => {
    if (!t || !t.includes('/')) return;
    for (const m of t.matchAll(/(?<![\w:/.$-])(\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\/?)/g)) {
      const p = m[1]!;
      if (/^\/(dev|proc|sys|bin|usr|sbin|lib|etc\/(passwd|hosts))(\/|$)/.test(p)) continue;
      out.add(p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
    }
  };
  for (const t of c.entryPoint) scan(t);
  for (const t of c.command) scan(t);
  for (const e of c.environment) scan(e.value?.value);
  return [...out];
});

const PATH = String.raw`(\/[A-Za-z0-9._\-]+(?:\/[A-Za-z0-9._\-]+)*\/?)`;
const WRITE_PATTERNS = [
  new RegExp(String.raw`(?:>>?|\btee\s+(?:-a\s+)?)\s*["']?` + PATH, 'g'), // > file, >> file, tee file
  new RegExp(
    String.raw`(?:^|\s)(?:-o|-O|--output|--output-document|-d|-C|--directory|--target-directory)(?:\s+|=)["']?` +
      PATH,
    'g',
  ), // curl -o, wget -O, unzip -d, tar -C
  new RegExp(String.raw`\baws\s+s3\s+(?:cp|sync|mv)\s+(?:--\S+\s+)*\S+\s+["']?` + PATH, 'g'), // aws s3 cp <src> <dst>
  new RegExp(String.raw`\b(?:cp|mv|install|rsync)(?:\s+-\S+)*\s+\S+\s+["']?` + PATH, 'g'), // cp <src> <dst>
  new RegExp(String.raw`\bmkdir(?:\s+-\S+)*\s+["']?` + PATH, 'g'),
  new RegExp(String.raw`\bgit\s+clone\s+(?:-\S+\s+)*\S+\s+["']?` + PATH, 'g'),
];

/**
 * Absolute paths a container's command writes (redirections, download targets, copy destinations,
 * created directories). A path the command only reads or changes into (`cd /app`) is not a write.
 */
export const writtenPaths = perContainer((c: ContainerModel): string[] => {
  const text = [...c.entryPoint, ...c.command].join(' ');
  const out = new Set<string>();
  if (text.includes('/')) {
    for (const re of WRITE_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const p = m[1]!;
        if (/^\/(dev|proc|sys)(\/|$)/.test(p)) continue;
        out.add(p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
      }
    }
  }
  return [...out];
});

/** Does the container run the AWS CLI (`aws ...`)? */
export function runsAwsCli(c: ContainerModel): boolean {
  if (nonShellEntrypoint(c.image?.value) === 'aws' && c.entryPoint.length === 0) return true;
  return /(^|[\s;&|(`]|\$\()aws\s+[a-z0-9-]+/.test(commandText(c));
}
