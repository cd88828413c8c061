/**
 * The timeline's geometry in virtual seconds: one bar per container made of phases (waiting,
 * blocked, running, healthy, unhealthy, stopping) and an end (exited, stopped, or still going at
 * the right edge), the length of the axis and its ticks. Pure: the drawing (timeline.ts) turns
 * seconds into positions, and timelineWords.ts turns the same bars into words.
 */
import type { SimulatedContainer, SimulationResult } from '../../shared/src/simulation';

/**
 * - waiting: not started yet, and it will start;
 * - blocked: waiting for something that never happens (it never starts);
 * - running, healthy, unhealthy: started, and what its health check says (running: no verdict);
 * - stopping: ECS has asked it to stop (SIGTERM) and gives it its stopTimeout.
 */
export type PhaseKind = 'waiting' | 'blocked' | 'running' | 'healthy' | 'unhealthy' | 'stopping';

export interface Phase {
  kind: PhaseKind;
  from: number;
  to: number;
}

/**
 * How the bar ends: its process exited (with its code); ECS stopped it (after starting it, or
 * without starting it: exit code 143, or when the task failed before anything started); or it is
 * still running or waiting at the end of the axis.
 */
export type BarEnd =
  | { kind: 'exited'; at: number; exitCode: number | null }
  | { kind: 'stopped'; at: number; started: boolean; exitCode: number | null }
  | { kind: 'runs-on' }
  | { kind: 'waits-on' };

export interface Bar {
  container: SimulatedContainer;
  phases: Phase[];
  end: BarEnd;
}

/** The phases and the end of one container's bar, up to `horizon` seconds. */
export function barOf(c: SimulatedContainer, horizon: number): Bar {
  const phases: Phase[] = [];
  const add = (kind: PhaseKind, from: number, to: number) => {
    if (to > from) phases.push({ kind, from, to });
  };
  if (c.startedAt === null) {
    // It never starts. A container the task's stop overtook was waiting like any other; the rest
    // wait for something that never comes.
    const until = c.stoppedAt ?? horizon;
    add(c.stopKind === 'task-stopping' ? 'waiting' : 'blocked', 0, until);
    return {
      container: c,
      phases,
      end:
        c.stoppedAt === null
          ? { kind: 'waits-on' }
          : { kind: 'stopped', at: c.stoppedAt, started: false, exitCode: c.exitCode },
    };
  }
  add('waiting', 0, c.startedAt);
  const stopAt = c.stoppedAt ?? horizon;
  const runEnd = Math.min(c.stopRequestedAt ?? stopAt, stopAt);
  // A health check gives one verdict at most (the simulator turns a container healthy or unhealthy
  // once); one that comes while the container is stopping changes nothing the bar shows.
  const verdict =
    c.healthyAt !== null
      ? { kind: 'healthy' as const, at: c.healthyAt }
      : c.unhealthyAt !== null
        ? { kind: 'unhealthy' as const, at: c.unhealthyAt }
        : undefined;
  if (verdict && verdict.at < runEnd) {
    add('running', c.startedAt, verdict.at);
    add(verdict.kind, verdict.at, runEnd);
  } else add('running', c.startedAt, runEnd);
  if (c.stopRequestedAt !== null) add('stopping', c.stopRequestedAt, stopAt);
  const end: BarEnd =
    c.stoppedAt === null
      ? { kind: 'runs-on' }
      : c.stopKind === 'exited'
        ? { kind: 'exited', at: c.stoppedAt, exitCode: c.exitCode }
        : { kind: 'stopped', at: c.stoppedAt, started: true, exitCode: c.exitCode };
  return { container: c, phases, end };
}

/** The latest moment anything happens in the simulation. */
export function lastMoment(result: SimulationResult): number {
  let last = 0;
  for (const c of result.containers)
    for (const t of [c.startedAt, c.healthyAt, c.unhealthyAt, c.stopRequestedAt, c.stoppedAt])
      if (t !== null) last = Math.max(last, t);
  for (const e of result.timeline) last = Math.max(last, e.at);
  if (result.task.stoppedAt !== null) last = Math.max(last, result.task.stoppedAt);
  return last;
}

/** Steps between ticks, in seconds: round numbers a reader counts in. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

export interface Axis {
  /** Seconds at the right end of the axis. */
  end: number;
  /** Where the ticks go, from 0 to `end`. */
  ticks: number[];
}

/**
 * The axis for a simulation: at most `maxTicks` intervals of a round step, ending at the first
 * tick at or after the last event, or one step further when a bar is still going at the end (so
 * that "keeps running" shows as a stretch, not a point).
 */
export function axisFor(result: SimulationResult, maxTicks: number): Axis {
  const last = lastMoment(result);
  const extra = last === 0 || result.containers.some((c) => c.stoppedAt === null) ? 1 : 0;
  const intervals = Math.max(2, maxTicks);
  const fits = (step: number) => Math.ceil(last / step) + extra <= intervals;
  let step = STEPS.find(fits);
  if (step === undefined) for (step = 7200; !fits(step); step *= 2);
  const count = Math.max(1, Math.ceil(last / step) + extra);
  return { end: count * step, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
}

/** The order of the bars: by start, then those that never start, each group in file order. */
export function barOrder(result: SimulationResult): SimulatedContainer[] {
  const startOf = (c: SimulatedContainer) => c.startedAt ?? Infinity;
  return result.containers
    .map((c, index) => ({ c, index }))
    .sort((a, b) => startOf(a.c) - startOf(b.c) || a.index - b.index)
    .map(({ c }) => c);
}
