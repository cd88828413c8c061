/**
 * The words hovers and code lenses use for the start order: what a condition means, how a wait is
 * shown, which phase a container starts in, and links to AWS's task definition parameter docs.
 */
import { type ContainerModel, displayName, type StartEdge, type StartOrder } from '../engine/index';

export const AWS_PARAMETERS_URL =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html';

/** A link to one section of AWS's "task definition parameters" page. */
export function awsDoc(anchor: string): string {
  return `${AWS_PARAMETERS_URL}#${anchor}`;
}

export const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;
export type KnownCondition = (typeof CONDITIONS)[number];

export function isCondition(value: string): value is KnownCondition {
  return (CONDITIONS as readonly string[]).includes(value);
}

/** What a container waits for with each condition, in our words (AWS: API_ContainerDependency). */
export const CONDITION_MEANING: Record<KnownCondition, string> = {
  START: 'the other container has started (the order that `links` and `volumesFrom` already imply)',
  COMPLETE: 'the other container has run and exited, whatever its exit code',
  SUCCESS: 'the other container has run and exited with code 0',
  HEALTHY: "the other container's healthCheck passes",
};

/** One line per constraint ECS puts on a condition. */
export const CONDITION_CONSTRAINTS: Record<KnownCondition, string[]> = {
  START: ['The other container only has to be started: nothing says it is ready.'],
  COMPLETE: [
    'Can\'t be set on an essential container: the container waited for must be `"essential": false` (when an essential container exits, the task stops).',
    'A failed run (non-zero exit code) still lets the waiting container start; use SUCCESS to require exit code 0.',
  ],
  SUCCESS: [
    'Can\'t be set on an essential container: the container waited for must be `"essential": false` (when an essential container exits, the task stops).',
  ],
  HEALTHY: [
    'The container waited for needs a `healthCheck` in the task definition (a HEALTHCHECK in its image is not watched by ECS).',
    'Checked only at startup: if the container becomes unhealthy later, the containers that waited for it keep running.',
  ],
};

const REASON_WORD: Record<string, string> = {
  links: 'links',
  volumesFrom: 'volumesFrom',
  firelens: 'FireLens',
};

/** `init-setup (SUCCESS)`; an implicit wait says where it comes from: `log-router (START, FireLens)`. */
export function waitLabel(edge: StartEdge, who: ContainerModel): string {
  const extra = edge.implicit ? `, ${REASON_WORD[edge.reason] ?? edge.reason}` : '';
  return `${displayName(who)} (${edge.condition}${extra})`;
}

export function inCycle(order: StartOrder, c: ContainerModel): boolean {
  return order.cycles.some((cycle) => cycle.includes(c));
}

/** Number of start phases (0 when every container is in or behind a cycle). */
export function phaseCount(order: StartOrder): number {
  let max = -1;
  for (const p of order.phase.values()) if (p > max) max = p;
  return max + 1;
}

/** "phase 2", "in a dependency cycle", or "waits on a dependency cycle" (phases count from 1 for people). */
export function phaseLabel(order: StartOrder, c: ContainerModel): string {
  const phase = order.phase.get(c) ?? -1;
  if (phase >= 0) return `phase ${phase + 1}`;
  return inCycle(order, c) ? 'in a dependency cycle' : 'waits on a dependency cycle';
}

/** What happens when the container exits, by its `essential` flag. */
export function exitConsequence(c: ContainerModel): string {
  return c.essential
    ? 'essential: when it exits, the task stops'
    : 'non-essential: when it exits, the others keep running';
}

/** Escape text for Markdown (names and images are user text). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`);
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}
