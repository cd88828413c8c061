/**
 * The start simulation as it crosses from the language server to the client and on into the
 * webview: what the ECS agent does with a task definition, step by step, in virtual seconds from
 * the task's start. Plain, JSON-serialisable types; the CLI prints the same shape with
 * `--format json`. `parseScenarioOverrides` checks a scenario that arrives from elsewhere.
 */

/** What one container does differently from the default scenario. */
export interface ContainerOverride {
  /** Exit code of the container's process; makes the container one-shot. */
  exitCode?: number;
  /** Seconds from its start until it exits; makes the container one-shot. */
  runtime?: number;
  /** Its health check never passes, so it turns unhealthy after `retries` failures. */
  neverHealthy?: boolean;
}

/** Per container (by name), what differs from the default scenario. */
export type ScenarioOverrides = Record<string, ContainerOverride>;

export type SimulationEventKind =
  'create' | 'start' | 'healthy' | 'unhealthy' | 'exit' | 'stopped' | 'blocked';

export interface SimulationEvent {
  /** Seconds from the task's start. */
  at: number;
  /** The container's name (`container #N` when it has none). */
  container: string;
  event: SimulationEventKind;
  detail: string;
}

/**
 * How a container ended: its process exited; ECS stopped it without starting it because a
 * dependency can never be met; ECS stopped it because the task was stopping; or the task failed
 * before any container started.
 */
export type StopKind = 'exited' | 'dependency-error' | 'task-stopping' | 'task-failed';

export interface SimulatedContainer {
  name: string;
  /** The graph node id: the name, or `#<index>` for a container without a usable name. */
  id: string;
  essential: boolean;
  /** Exits on its own after its runtime (an init container, or given a runtime or exit code). */
  oneShot: boolean;
  started: boolean;
  startedAt: number | null;
  healthyAt: number | null;
  unhealthyAt: number | null;
  exitCode: number | null;
  /** When ECS asked it to stop (SIGTERM) as the task stopped. */
  stopRequestedAt: number | null;
  /** When it stopped; after a stop request, the latest moment (its stopTimeout used up). */
  stoppedAt: number | null;
  stopReason: string | null;
  stopKind: StopKind | null;
  /** Why it never starts, when it does not. */
  neverStartsBecause: string | null;
}

export interface SimulatedTask {
  stops: boolean;
  /** When its last container has stopped. */
  stoppedAt: number | null;
  /** Why it stops, naming the container whose stop stopped it. */
  reason: string | null;
  /** The container whose stop stopped the task. */
  stoppedBy: string | null;
  /** When ECS decided to stop it (its desired status became STOPPED). */
  stoppingAt: number | null;
  /** The agent refused the task before starting anything (cycle, unknown name, …). */
  failedBeforeStart: boolean;
}

export interface SimulationResult {
  containers: SimulatedContainer[];
  task: SimulatedTask;
  /** In time order; events at the same moment in the order they happen. */
  timeline: SimulationEvent[];
  /** One sentence: what happens to the task and to the containers that never start. */
  outcome: string;
  /** What the simulation could not take into account (template placeholders, unknown names). */
  notes: string[];
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The well-formed part of a scenario from outside (a client request, a webview message): for each
 * container name, an integer exit code, a non-negative runtime and a boolean neverHealthy; anything
 * else is dropped.
 */
export function parseScenarioOverrides(value: unknown): ScenarioOverrides {
  const out: ScenarioOverrides = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const entry = raw as Record<string, unknown>;
    const override: ContainerOverride = {};
    if (isFiniteNumber(entry.exitCode) && Number.isInteger(entry.exitCode))
      override.exitCode = entry.exitCode;
    if (isFiniteNumber(entry.runtime) && entry.runtime >= 0) override.runtime = entry.runtime;
    if (typeof entry.neverHealthy === 'boolean') override.neverHealthy = entry.neverHealthy;
    if (Object.keys(override).length > 0)
      Object.defineProperty(out, name, { value: override, enumerable: true, writable: true });
  }
  return out;
}
