/**
 * Schema checks for the start simulation as it crosses into the webview, in the manner of
 * graphShape.ts: the timeline draws only a result that passes, so a forged or half-built message is
 * dropped instead of breaking the page. Pure: no DOM, no vscode.
 */
import { MAX_NODES, isRecord, isText } from './graphShape';
import type {
  SimulatedContainer,
  SimulatedTask,
  SimulationEvent,
  SimulationEventKind,
  SimulationResult,
  StopKind,
} from './simulation';

/** Far beyond a real simulation (a few events per container); keeps a forged one cheap to reject. */
export const MAX_EVENTS = 10_000;
const MAX_SENTENCE = 20_000;
const EVENT_KINDS = new Set<SimulationEventKind>([
  'create',
  'start',
  'healthy',
  'unhealthy',
  'exit',
  'stopped',
  'blocked',
]);
const STOP_KINDS = new Set<StopKind>([
  'exited',
  'dependency-error',
  'task-stopping',
  'task-failed',
]);

/** A moment in seconds from the task's start: finite and not negative. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isTimeOrNull(value: unknown): value is number | null {
  return value === null || isTime(value);
}

function isTextOrNull(value: unknown, max?: number): value is string | null {
  return value === null || isText(value, max);
}

function isSimulatedContainer(value: unknown): value is SimulatedContainer {
  return (
    isRecord(value) &&
    isText(value.name) &&
    isText(value.id) &&
    typeof value.essential === 'boolean' &&
    typeof value.oneShot === 'boolean' &&
    typeof value.started === 'boolean' &&
    isTimeOrNull(value.startedAt) &&
    value.started === (value.startedAt !== null) &&
    isTimeOrNull(value.healthyAt) &&
    isTimeOrNull(value.unhealthyAt) &&
    (value.exitCode === null || Number.isSafeInteger(value.exitCode)) &&
    isTimeOrNull(value.stopRequestedAt) &&
    isTimeOrNull(value.stoppedAt) &&
    isTextOrNull(value.stopReason, MAX_SENTENCE) &&
    (value.stopKind === null || STOP_KINDS.has(value.stopKind as StopKind)) &&
    isTextOrNull(value.neverStartsBecause, MAX_SENTENCE)
  );
}

function isSimulatedTask(value: unknown): value is SimulatedTask {
  return (
    isRecord(value) &&
    typeof value.stops === 'boolean' &&
    isTimeOrNull(value.stoppedAt) &&
    isTextOrNull(value.reason, MAX_SENTENCE) &&
    isTextOrNull(value.stoppedBy) &&
    isTimeOrNull(value.stoppingAt) &&
    typeof value.failedBeforeStart === 'boolean'
  );
}

function isSimulationEvent(value: unknown): value is SimulationEvent {
  return (
    isRecord(value) &&
    isTime(value.at) &&
    isText(value.container) &&
    EVENT_KINDS.has(value.event as SimulationEventKind) &&
    isText(value.detail, MAX_SENTENCE)
  );
}

/** The whole contract of `SimulationResult` (shared/src/simulation.ts), with sizes bounded. */
export function isSimulationResult(value: unknown): value is SimulationResult {
  if (!isRecord(value) || !isSimulatedTask(value.task)) return false;
  const { containers, timeline, notes } = value;
  if (
    !Array.isArray(containers) ||
    containers.length > MAX_NODES ||
    !containers.every(isSimulatedContainer)
  )
    return false;
  if (
    !Array.isArray(timeline) ||
    timeline.length > MAX_EVENTS ||
    !timeline.every(isSimulationEvent)
  )
    return false;
  if (
    !Array.isArray(notes) ||
    notes.length > 1000 ||
    !notes.every((n) => isText(n, MAX_SENTENCE)) ||
    !isText(value.outcome, MAX_SENTENCE)
  )
    return false;
  // Container ids are the keys of the bars (and of the graph's boxes): each must be unique.
  return new Set(containers.map((c) => c.id)).size === containers.length;
}
