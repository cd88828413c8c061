/**
 * Hover: a container's role in the start order (on its name and on every reference to it), the
 * meaning and constraints of a dependsOn condition, and short explanations of the keys that shape
 * the start order, specific to the container under the cursor, each with a link to AWS's docs.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import {
  type Analysis,
  CONDITION_FACTS,
  CONDITIONS,
  type ContainerModel,
  type DependencyModel,
  displayName,
  guideLink,
  isCondition,
  isLogRouter,
  keyOf,
  type Node,
  nonShellEntrypoint,
  type StartOrder,
  type TaskModel,
  waitsForExit,
  whatIfFails,
  wordList,
} from '../engine/index';
import {
  containerAt,
  contains,
  nodeRange,
  nameUseAt,
  propertyKeyAt,
  type NameUse,
} from './located';
import {
  code,
  exitConsequence,
  md,
  phaseCount,
  phaseLabel,
  reachedWords,
  waitLabel,
} from './startOrderWords';

interface HoverContext {
  model: TaskModel;
  order: StartOrder;
  inits: Set<ContainerModel>;
}

function result(ctx: HoverContext, node: Node, lines: string[]): Hover {
  return {
    contents: { kind: 'markdown', value: lines.join('\n') },
    range: nodeRange(ctx.model.source, node),
  };
}

function link(title: string, anchor: string): string {
  return `[AWS: ${title}](${guideLink(anchor)})`;
}

export function hover(analysis: Analysis, position: Position): Hover | null {
  const offset = analysis.source.offsetAt(position);
  const definition = analysis.definitionAt(offset);
  if (!definition) return null;
  const { model, order, inits } = definition;
  const ctx: HoverContext = { model, order, inits };

  const use = nameUseAt(model, offset);
  if (use?.kind === 'container') return result(ctx, use.node, containerLines(ctx, use));
  if (use?.kind === 'volume') return result(ctx, use.node, volumeLines(ctx, use.name));

  const c = containerAt(model, offset);
  if (c) {
    for (const dep of c.dependsOn) {
      const conditionKey = dep.node.children?.find((p) => keyOf(p) === 'condition')?.children?.[0];
      if (contains(dep.conditionNode, offset))
        return result(ctx, dep.conditionNode, conditionLines(ctx, c, dep));
      if (contains(conditionKey, offset))
        return result(ctx, conditionKey, conditionLines(ctx, c, dep));
    }
    const key = propertyKeyAt(c.node, offset);
    const lines = key ? containerKeyLines(ctx, c, key.key) : undefined;
    if (key && lines) return result(ctx, key.keyNode, lines);
    return null;
  }
  const taskKey = propertyKeyAt(model.task, offset);
  if (taskKey?.key === 'volumes') return result(ctx, taskKey.keyNode, volumesKeyLines(ctx));
  return null;
}

// ---- containers ---------------------------------------------------------------------------

function containerLines(ctx: HoverContext, use: NameUse): string[] {
  const { model, order } = ctx;
  const target = model.byName.get(use.name);
  const lines: string[] = [];
  const owner = use.owner;
  if (use.use !== 'declaration' && owner) lines.push(referenceSentence(use, owner, target), '');
  if (!target) {
    const names = [...model.byName.keys()];
    lines.push(
      `No container is named ${code(use.name)} in this task definition${names.length > 0 ? ` (containers: ${names.map(code).join(', ')})` : ''}.`,
    );
    return lines;
  }
  const labels = [
    ctx.inits.has(target) ? 'init container' : undefined,
    isLogRouter(target) ? 'FireLens log router' : undefined,
  ].filter(Boolean);
  const phases = phaseCount(order);
  const phase = order.phase.get(target) ?? -1;
  const where =
    phase >= 0 ? `${phaseLabel(order, target)} of ${phases}` : phaseLabel(order, target);
  lines.push(
    `**${md(displayName(target))}**${labels.length > 0 ? ` · ${labels.join(' · ')}` : ''} · ${where}`,
    '',
  );
  const waitsFor = order.waitsFor.get(target)!;
  const waitedBy = order.waitedBy.get(target)!;
  lines.push(
    waitsFor.length === 0
      ? phase === 0
        ? '- Waits for nothing: starts first.'
        : '- Waits for nothing.'
      : `- Waits for: ${waitsFor.map((e) => `${md(waitLabel(e, e.from))} — until it ${reachedWords(e.condition)}`).join('; ')}`,
  );
  lines.push(
    waitedBy.length === 0
      ? '- Nothing waits for it.'
      : `- Waited for by: ${waitedBy.map((e) => md(waitLabel(e, e.to))).join(', ')}`,
  );
  if (target.essentialUnknown)
    lines.push(
      '- `essential` is not a boolean here (a template placeholder?): until it is, it counts as essential.',
    );
  else
    lines.push(
      `- ${exitConsequence(target)}${target.essentialNode ? '' : ' (essential is true when left out)'}.`,
    );
  lines.push(`- ${md(whatIfFails(model, target))}`);
  if (phase < 0)
    lines.push(
      '- It never starts: every container on a dependency cycle waits for another one on it.',
    );
  if (target.image) lines.push(`- Image: ${code(target.image.value)}`);
  return lines;
}

function referenceSentence(
  use: NameUse,
  owner: ContainerModel,
  target: ContainerModel | undefined,
): string {
  const who = md(displayName(owner));
  const name = md(use.name);
  if (use.use === 'dependsOn') {
    const dep = owner.dependsOn.find((d) => d.containerName?.node === use.node);
    const cond = dep?.condition?.value;
    if (cond && isCondition(cond))
      return `${who} starts once ${name} ${reachedWords(cond)} (${cond}).`;
    return `${who} waits for ${name}.`;
  }
  if (use.use === 'volumesFrom')
    return `${who} mounts the volumes of ${name}${target ? `, and ECS starts ${name} first` : ''}.`;
  return `${who} links to ${name}${use.alias ? ` as ${code(use.alias)}` : ''}${target ? `, and ECS starts ${name} first` : ''} (links work only in the bridge network mode).`;
}

// ---- conditions ---------------------------------------------------------------------------

function conditionLines(ctx: HoverContext, c: ContainerModel, dep: DependencyModel): string[] {
  const value = dep.condition?.value;
  const targetName = dep.containerName?.value;
  const target = targetName ? ctx.model.byName.get(targetName) : undefined;
  const other = targetName ? md(targetName) : 'the other container';
  const lines: string[] = [];
  if (value !== undefined && isCondition(value)) {
    lines.push(
      `**${value}**: ${md(displayName(c))} starts once ${CONDITION_FACTS[value].meaning.replace('the other container', other)}.`,
      '',
    );
    for (const constraint of CONDITION_FACTS[value].constraints) lines.push(`- ${constraint}`);
    if (target && waitsForExit(value) && target.essential && !target.essentialUnknown) {
      lines.push(
        `- ⚠ ${md(displayName(target))} is essential${target.essentialNode ? '' : ' (the default)'}: ECS does not accept ${value} here.`,
      );
    }
    if (target && value === 'HEALTHY' && !target.healthCheckNode)
      lines.push(`- ⚠ ${md(displayName(target))} has no healthCheck, so it never becomes healthy.`);
    if (target && value === 'START' && ctx.inits.has(target))
      lines.push(
        `- ${md(displayName(target))} looks like an init container: START does not wait for it to finish; SUCCESS does.`,
      );
  } else {
    lines.push(
      value === undefined
        ? 'The condition must be a string.'
        : `${code(value)} is not a condition: ECS accepts exactly ${wordList(CONDITIONS)} (upper case).`,
    );
  }
  lines.push('', 'The conditions:');
  for (const cond of CONDITIONS) lines.push(`- **${cond}**: ${CONDITION_FACTS[cond].meaning}.`);
  lines.push('', link('dependsOn', 'container_definition_dependson'));
  return lines;
}

// ---- keys ---------------------------------------------------------------------------------

function containerKeyLines(
  ctx: HoverContext,
  c: ContainerModel,
  key: string,
): string[] | undefined {
  switch (key) {
    case 'essential':
      return essentialLines(ctx, c);
    case 'dependsOn':
      return dependsOnLines(ctx, c);
    case 'entryPoint':
    case 'command':
      return commandLines(c, key);
    case 'mountPoints':
      return mountPointsLines(ctx, c);
    case 'volumesFrom':
      return [
        '**volumesFrom**',
        '',
        `${md(displayName(c))} mounts every volume of the containers named here, and ECS starts those containers first (as a START dependency would).`,
        '',
        link('volumesFrom', 'container_definition_volumesfrom'),
      ];
    case 'links':
      return [
        '**links**',
        '',
        `Lets ${md(displayName(c))} reach the named containers by name (\`name:alias\`), and ECS starts them first (as a START dependency would). Only in the \`bridge\` network mode; not with \`awsvpc\` (Fargate).`,
        '',
        link('links', 'container_definition_links'),
      ];
    case 'startTimeout':
      return startTimeoutLines(ctx, c);
    case 'stopTimeout':
      return stopTimeoutLines(ctx, c);
    case 'healthCheck':
      return healthCheckLines(ctx, c);
    default:
      return undefined;
  }
}

function essentialLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const lines: string[] = ['**essential**', ''];
  const init = ctx.inits.has(c);
  if (c.essentialUnknown)
    lines.push(
      `\`essential\` is not a boolean here (a template placeholder?): until it is, ${name} counts as essential.`,
    );
  else if (c.essential && init)
    lines.push(
      `${name} is essential: when it exits, even with code 0, ECS stops the task. An init container should be \`"essential": false\`, and the containers that need it should wait for it with SUCCESS.`,
    );
  else if (c.essential)
    lines.push(
      `${name} is essential: if it stops or fails, for any reason, ECS stops the other containers and the task.`,
    );
  else if (init)
    lines.push(
      `${name} is not essential: when it exits, the other containers keep running, as an init container's should. The containers that need its work wait for it with SUCCESS.`,
    );
  else
    lines.push(
      `${name} is not essential: when it exits or fails, the other containers keep running.`,
    );
  lines.push(
    '',
    '`essential` is true when left out. Every task needs at least one essential container.',
    '',
    link('essential', 'container_definition_essential'),
  );
  return lines;
}

function dependsOnLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const explicit = ctx.order.waitsFor.get(c)!.filter((e) => !e.implicit);
  const lines = [
    '**dependsOn**',
    '',
    explicit.length > 0
      ? `${name} starts once ${explicit.map((e) => `${md(displayName(e.from))} ${reachedWords(e.condition)}`).join(', and ')}.`
      : `The containers ${name} waits for before it starts.`,
    '',
    'ECS starts a container only once each container in its dependsOn has reached its condition; at shutdown the order is reversed. ECS does not document the order of containerDefinitions as a start order: dependsOn is how to order containers.',
    '',
    'Needs Fargate platform version 1.3.0 or later (Linux), or ECS agent 1.26.0 or later on EC2.',
    '',
    link('dependsOn', 'container_definition_dependson'),
  ];
  return lines;
}

function commandLines(c: ContainerModel, key: 'entryPoint' | 'command'): string[] {
  const lines: string[] = [];
  if (key === 'command')
    lines.push(
      '**command**',
      '',
      "Replaces the image's CMD. It is passed as arguments to the ENTRYPOINT (the image's, or this container's `entryPoint`).",
    );
  else
    lines.push(
      '**entryPoint**',
      '',
      "Replaces the image's ENTRYPOINT; `command` is then passed to it as arguments.",
    );
  const image = c.image?.value;
  const entry = nonShellEntrypoint(image);
  if (image && entry) {
    lines.push('');
    if (c.entryPointNode)
      lines.push(
        `The image ${code(image)} has ENTRYPOINT ${code(entry)}; this container's \`entryPoint\` (${code(JSON.stringify(c.entryPoint))}) replaces it.`,
      );
    else if (c.command.length > 0) {
      lines.push(
        `The image ${code(image)} has ENTRYPOINT ${code(entry)}: this container runs ${code(`${entry} ${c.command.join(' ')}`.slice(0, 120))}.`,
      );
      lines.push(
        `To run a shell script, put the shell in \`entryPoint\` (\`["sh", "-c"]\`) and keep only the script in \`command\`.`,
      );
    } else
      lines.push(
        `The image ${code(image)} has ENTRYPOINT ${code(entry)}: \`command\` holds its arguments.`,
      );
  }
  lines.push(
    '',
    link(
      key,
      key === 'command' ? 'container_definition_command' : 'container_definition_entrypoint',
    ),
  );
  return lines;
}

function mountPointsLines(ctx: HoverContext, c: ContainerModel): string[] {
  const lines = [
    '**mountPoints**',
    '',
    `Mounts task volumes (declared in the task's \`volumes\`) into ${md(displayName(c))}. Each container has its own filesystem: a file an init container writes reaches another container only through a volume both mount (or volumesFrom).`,
  ];
  if (c.mountPoints.length > 0) lines.push('');
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
  lines.push('', link('mountPoints', 'container_definition_mountpoints'));
  return lines;
}

function waitingWithCompletion(ctx: HoverContext, c: ContainerModel) {
  return ctx.order.waitedBy
    .get(c)!
    .filter((e) => waitsForExit(e.condition) || e.condition === 'HEALTHY');
}

function startTimeoutLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const waiting = waitingWithCompletion(ctx, c);
  const lines = [
    '**startTimeout**',
    '',
    `How many seconds ECS gives a container to reach the condition others wait for. It is set on the container being waited for, as in AWS's example: if containerB has a startTimeout and does not reach COMPLETE, SUCCESS or HEALTHY in time, containerA gives up and does not start, and the task stops.`,
    '',
    waiting.length > 0
      ? `Here: ${waiting.map((e) => `${md(displayName(e.to))} (${e.condition})`).join(', ')} wait${waiting.length === 1 ? 's' : ''} for ${name}; if ${name} takes longer, the task stops.`
      : `Here: no container waits for ${name} with COMPLETE, SUCCESS or HEALTHY, so this timeout bounds no wait.`,
    '',
    "Fargate: at most 120 seconds (AWS's CloudFormation schema gives 2 to 120); needs platform version 1.3.0 or later, or ECS agent 1.26.0 on EC2. The agent's ECS_CONTAINER_START_TIMEOUT applies on its own, independently.",
    '',
    link('startTimeout', 'container_definition_timeout'),
  ];
  return lines;
}

function stopTimeoutLines(_ctx: HoverContext, c: ContainerModel): string[] {
  return [
    '**stopTimeout**',
    '',
    `How many seconds ECS waits, after asking ${md(displayName(c))} to stop, before it kills it.`,
    '',
    "Fargate: 30 seconds by default, at most 120. EC2: the agent's ECS_CONTAINER_STOP_TIMEOUT when this is left out, else 30 seconds. At shutdown, ECS stops containers in the reverse of their dependsOn order.",
    '',
    link('stopTimeout', 'container_definition_timeout'),
  ];
}

function healthCheckLines(ctx: HoverContext, c: ContainerModel): string[] {
  const name = md(displayName(c));
  const healthy = ctx.order.waitedBy.get(c)!.filter((e) => e.condition === 'HEALTHY');
  const lines = [
    '**healthCheck**',
    '',
    `A command ECS runs inside ${name} to judge its health. \`command\` starts with \`CMD\` (run directly) or \`CMD-SHELL\` (run with the container's shell); exit code 0 means healthy.`,
    '',
    '- interval 5–300 s (default 30), timeout 2–60 s (default 5), retries 1–10 (default 3), startPeriod 0–300 s (off by default).',
    '- Other containers can wait for HEALTHY only with a healthCheck here: ECS does not watch a HEALTHCHECK written in the image.',
  ];
  if (healthy.length > 0)
    lines.push(
      `- Waited for with HEALTHY by: ${healthy.map((e) => md(displayName(e.to))).join(', ')} (checked only at startup).`,
    );
  if (!c.essential)
    lines.push(`- ${name} is not essential: its health does not change the task's health.`);
  lines.push('', link('healthCheck', 'container_definition_healthcheck'));
  return lines;
}

// ---- volumes ------------------------------------------------------------------------------

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

function volumeLines(ctx: HoverContext, volume: string): string[] {
  const declared = ctx.model.volumes.some((v) => v.name?.value === volume);
  const mounts = mountsOf(ctx, volume);
  const lines = [
    `**Volume ${md(volume)}**${declared || !ctx.model.knowsTaskLevel ? '' : ' — ⚠ not in the task volumes'}`,
    '',
  ];
  lines.push(mounts.length > 0 ? `Mounted by ${mounts.join(', ')}.` : 'No container mounts it.');
  lines.push('', link('volumes', 'volumes'));
  return lines;
}

function volumesKeyLines(ctx: HoverContext): string[] {
  const lines = [
    '**volumes**',
    '',
    'Storage the containers mount with `mountPoints.sourceVolume`. A volume with only a `name` is task-scoped storage (on Fargate as well): it lives as long as the task, and it is how an init container hands files to the others.',
    '',
  ];
  for (const v of ctx.model.volumes) {
    if (!v.name) continue;
    const mounts = mountsOf(ctx, v.name.value);
    lines.push(
      `- ${code(v.name.value)}: ${mounts.length > 0 ? `mounted by ${mounts.join(', ')}` : 'not mounted by any container'}`,
    );
  }
  lines.push('', link('volumes', 'volumes'));
  return lines;
}
