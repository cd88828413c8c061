/** How the simulation writes times and dependencies in its sentences. */
import type { AgentDependency } from './dependencies';

/** `5 s`, `2.5 s`. */
export function seconds(t: number): string {
  return `${Number.isInteger(t) ? t : Number(t.toFixed(2))} s`;
}

/** The condition, and for an order ECS adds on its own, where it comes from. */
export function conditionLabel(d: AgentDependency): string {
  switch (d.source) {
    case 'dependsOn':
      return d.condition;
    case 'volumesFrom':
      return 'created, for volumesFrom';
    case 'links':
      return 'START, links';
    case 'firelens':
      return 'START, FireLens';
  }
}

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
