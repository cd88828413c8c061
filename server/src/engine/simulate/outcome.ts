/** The one sentence that sums a simulation up. */
import type { SimulatedContainer, SimulatedTask } from '../../../../shared/src/simulation';
import { listOf, seconds } from './words';

export const STOPPED_FIRST = 'the task stopped first';

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What happens to the task, as a clause: `the task stops because …`. */
export function taskClause(
  task: SimulatedTask,
  containers: SimulatedContainer[],
  { withEnd = true } = {},
): string {
  if (task.stops) {
    const after =
      withEnd && task.stoppedAt !== null && task.stoppedAt !== task.stoppingAt
        ? ` (every container has stopped by ${seconds(task.stoppedAt)})`
        : '';
    return `the task stops because ${task.reason}${after}`;
  }
  const waiting = containers.filter((c) => !c.started);
  // The task's known status is the earliest of its containers' (updateTaskKnownStatus).
  if (waiting.some((c) => c.essential))
    return 'the task stays PENDING: an essential container never starts';
  if (waiting.length > 0)
    return `the task keeps running without ${waiting.length === 1 ? 'it' : 'them'}`;
  return 'every container starts and the task keeps running';
}

export function outcomeSentence(task: SimulatedTask, containers: SimulatedContainer[]): string {
  if (task.failedBeforeStart) return `The task fails before any container starts: ${task.reason}.`;
  const parts: string[] = [];
  const never = containers.filter((c) => !c.started);
  for (const c of never)
    if (c.neverStartsBecause !== STOPPED_FIRST)
      parts.push(`${c.name} never starts: ${c.neverStartsBecause}`);
  const late = never.filter((c) => c.neverStartsBecause === STOPPED_FIRST).map((c) => c.name);
  const clause = taskClause(task, containers);
  if (late.length > 0)
    parts.push(
      `${listOf(late)} never start${late.length === 1 ? 's' : ''}: ${clause.replace(/^the task stops because/, 'the task stops first, because')}`,
    );
  // A sentence that opens with a container's name keeps the name's case.
  return parts.length === 0
    ? `${capitalised(clause)}.`
    : `${[...parts, ...(late.length > 0 ? [] : [clause])].join('; ')}.`;
}
