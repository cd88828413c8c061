/**
 * Hover on the keys that shape the start order (`essential`, `dependsOn`, `healthCheck`, …) and on
 * the task's `volumes`: the field table's description of the key, then what it means for the
 * container under the cursor, then AWS's documentation of it. The field table (the engine's) is
 * the same text the JSON schema shows, so the two never tell different stories.
 */
import {
  CONTAINER_SHAPE,
  type ContainerModel,
  displayName,
  type FieldFacts,
  guideLink,
  knownField,
  nonShellEntrypoint,
  rangesText,
  type Spelling,
  type StartOrder,
  TASK_SHAPE,
  type TaskModel,
  waitsForExit,
} from '../engine/index';
import { code, md, reachedWords } from './startOrderWords';

export interface HoverContext {
  model: TaskModel;
  order: StartOrder;
  inits: Set<ContainerModel>;
  /** How the file writes a field (`"essential": false`, `essential = false`). */
  spell: Spelling;
}

/** `[AWS: dependsOn](…)`: the field's section of AWS's parameters page, else its API reference. */
export function fieldLink(field: FieldFacts): string {
  return `[AWS: ${field.name}](${field.guide ? guideLink(field.guide) : field.link})`;
}

/** A key's hover: its name, the table's description, the lines about this container, the link. */
function keyHover(field: FieldFacts, here: string[]): string[] {
  return [
    `**${field.name}**`,
    '',
    field.description,
    ...(here.length > 0 ? ['', ...here] : []),
    '',
    fieldLink(field),
  ];
}

/** The lines about one container for each key that has a hover. */
const CONTAINER_KEYS: Record<string, (ctx: HoverContext, c: ContainerModel) => string[]> = {
  essential: essentialLines,
  dependsOn: dependsOnLines,
  entryPoint: (_ctx, c) => commandLines(c),
  command: (_ctx, c) => commandLines(c),
  mountPoints: mountPointsLines,
  volumesFrom: () => [],
  links: () => [],
  startTimeout: startTimeoutLines,
  stopTimeout: stopTimeoutLines,
  healthCheck: healthCheckLines,
};

export function containerKeyLines(
  ctx: HoverContext,
  c: ContainerModel,
  key: string,
): string[] | undefined {
  const lines = Object.hasOwn(CONTAINER_KEYS, key) ? CONTAINER_KEYS[key] : undefined;
  return lines && keyHover(knownField(CONTAINER_SHAPE, key), lines(ctx, c));
}

function essentialLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const init = ctx.inits.has(c);
  if (c.essentialUnknown)
    return [
      `\`essential\` is not a boolean here (a template placeholder?): until it is, ${name} counts as essential.`,
    ];
  if (c.essential && init)
    return [
      `${name} is essential: when it exits, even with code 0, ECS stops the task. An init container should be \`${ctx.spell.pair('essential', false)}\`, and the containers that need it should wait for it with SUCCESS.`,
    ];
  if (c.essential)
    return [
      `${name} is essential: if it stops or fails, for any reason, ECS stops the other containers and the task.`,
    ];
  if (init)
    return [
      `${name} is not essential: when it exits, the other containers keep running, as an init container's should. The containers that need its work wait for it with SUCCESS.`,
    ];
  return [`${name} is not essential: when it exits or fails, the other containers keep running.`];
}

function dependsOnLines(ctx: HoverContext, c: ContainerModel): string[] {
  const explicit = ctx.order.waitsFor.get(c)!.filter((e) => !e.implicit);
  return [
    ...(explicit.length > 0
      ? [
          `${md(displayName(c))} starts once ${explicit.map((e) => `${md(displayName(e.from))} ${reachedWords(e.condition)}`).join(', and ')}.`,
          '',
        ]
      : []),
    'Needs Fargate platform version 1.3.0 or later (Linux), or ECS agent 1.26.0 or later on EC2.',
  ];
}

function commandLines(c: ContainerModel): string[] {
  const image = c.image?.value;
  const entry = nonShellEntrypoint(image);
  if (!image || !entry) return [];
  if (c.entryPointNode)
    return [
      `The image ${code(image)} has ENTRYPOINT ${code(entry)}; this container's \`entryPoint\` (${code(JSON.stringify(c.entryPoint))}) replaces it.`,
    ];
  if (c.command.length > 0)
    return [
      `The image ${code(image)} has ENTRYPOINT ${code(entry)}: this container runs ${code(`${entry} ${c.command.join(' ')}`.slice(0, 120))}.`,
      `To run a shell script, put the shell in \`entryPoint\` (\`["sh", "-c"]\`) and keep only the script in \`command\`.`,
    ];
  return [
    `The image ${code(image)} has ENTRYPOINT ${code(entry)}: \`command\` holds its arguments.`,
  ];
}

function mountPointsLines(ctx: HoverContext, c: ContainerModel): string[] {
  const lines: string[] = [];
  for (const m of c.mountPoints) {
    const volume = m.sourceVolume?.value;
    if (!volume) continue;
    const others = ctx.model.containers.filter(
      (o) => o !== c && o.mountPoints.some((x) => x.sourceVolume?.value === volume),
    );
    const declared = ctx.model.volumes.some((v) => v.name?.value === volume);
    const at = m.containerPath ? ` at ${code(m.containerPath.value)}` : '';
    const shared =
      others.length > 0 ? `, shared with ${others.map((o) => md(displayName(o))).join(', ')}` : '';
    lines.push(
      `- ${code(volume)}${at}${m.readOnly ? ' (read-only)' : ''}${shared}${declared || !ctx.model.knowsTaskLevel ? '' : ' — ⚠ not in the task volumes'}`,
    );
  }
  return lines;
}

function startTimeoutLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const waiting = ctx.order.waitedBy
    .get(c)!
    .filter((e) => waitsForExit(e.condition) || e.condition === 'HEALTHY');
  return [
    `It is set on the container being waited for, as in AWS's example: if containerB has a startTimeout and does not reach COMPLETE, SUCCESS or HEALTHY in time, containerA gives up and does not start, and the task stops.`,
    '',
    waiting.length > 0
      ? `Here: ${waiting.map((e) => `${md(displayName(e.to))} (${e.condition})`).join(', ')} wait${waiting.length === 1 ? 's' : ''} for ${name}; if ${name} takes longer, the task stops.`
      : `Here: no container waits for ${name} with COMPLETE, SUCCESS or HEALTHY, so this timeout bounds no wait.`,
    '',
    "Fargate: 2 to 120 seconds; needs platform version 1.3.0 or later, or ECS agent 1.26.0 on EC2. The agent's ECS_CONTAINER_START_TIMEOUT applies on its own, independently.",
  ];
}

function stopTimeoutLines(): string[] {
  return [
    "EC2: the agent's ECS_CONTAINER_STOP_TIMEOUT when this is left out, else 30 seconds. At shutdown, ECS stops containers in the reverse of their dependsOn order.",
  ];
}

function healthCheckLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const healthy = ctx.order.waitedBy.get(c)!.filter((e) => e.condition === 'HEALTHY');
  const lines = [
    `- \`command\` starts with \`CMD\` (run directly) or \`CMD-SHELL\` (run with the container's shell).`,
    `- ${rangesText('HealthCheck', { names: true, defaults: true })}.`,
  ];
  if (healthy.length > 0)
    lines.push(
      `- Waited for with HEALTHY by: ${healthy.map((e) => md(displayName(e.to))).join(', ')} (checked only at startup).`,
    );
  if (!c.essential)
    lines.push(`- ${name} is not essential: its health does not change the task's health.`);
  return lines;
}

// ---- volumes ------------------------------------------------------------------------------

const VOLUMES = knownField(TASK_SHAPE, 'volumes');

function mountsOf(ctx: HoverContext, volume: string): string[] {
  const out: string[] = [];
  for (const c of ctx.model.containers) {
    for (const m of c.mountPoints) {
      if (m.sourceVolume?.value !== volume) continue;
      out.push(
        `${md(displayName(c))}${m.containerPath ? ` at ${code(m.containerPath.value)}` : ''}${m.readOnly ? ' (read-only)' : ''}`,
      );
    }
  }
  return out;
}

/** Hover on a volume's name (declared, or used by a mount point). */
export function volumeLines(ctx: HoverContext, volume: string): string[] {
  const declared = ctx.model.volumes.some((v) => v.name?.value === volume);
  const mounts = mountsOf(ctx, volume);
  return [
    `**Volume ${md(volume)}**${declared || !ctx.model.knowsTaskLevel ? '' : ' — ⚠ not in the task volumes'}`,
    '',
    mounts.length > 0 ? `Mounted by ${mounts.join(', ')}.` : 'No container mounts it.',
    '',
    fieldLink(VOLUMES),
  ];
}

/** Hover on the task's `volumes` key: every volume and who mounts it. */
export function volumesKeyLines(ctx: HoverContext): string[] {
  const lines: string[] = [];
  for (const v of ctx.model.volumes) {
    if (!v.name) continue;
    const mounts = mountsOf(ctx, v.name.value);
    lines.push(
      `- ${code(v.name.value)}: ${mounts.length > 0 ? `mounted by ${mounts.join(', ')}` : 'not mounted by any container'}`,
    );
  }
  return keyHover(VOLUMES, lines);
}
