/**
 * The words hovers and code lenses use for the start order: how a wait is shown and which phase a
 * container starts in. What a condition means is the engine's (CONDITION_FACTS).
 */
import {
  CONDITION_FACTS,
  type ContainerModel,
  displayName,
  isCondition,
  type StartEdge,
  type StartOrder,
} from '../engine/index';

/** "has exited with code 0": what the other container has done once the condition holds. */
export function reachedWords(condition: string): string {
  // volumesFrom's CREATE: the agent's create-time dependency (the source need not have started).
  if (condition === 'CREATE') return 'has been created';
  return isCondition(condition) ? CONDITION_FACTS[condition].reached : `reaches ${condition}`;
}

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
