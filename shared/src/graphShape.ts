/**
 * Schema checks for the start-order graph as it crosses into the webview. The webview renders only
 * what passes; a forged or half-built message is dropped instead of breaking the page. Pure: no DOM,
 * no vscode, so the extension side and the unit tests use the same checks.
 */
import type { GraphEdge, GraphNode, Position, Range, StartOrderGraph } from './graph';

/** Far beyond any real task definition (ECS allows 10 containers); keeps a forged graph cheap to reject. */
export const MAX_NODES = 500;
export const MAX_EDGES = 5000;
const MAX_TEXT = 10_000;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A finite number above zero (a timeout in seconds: a file may hold any size). */
export function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isArrayOf<T>(value: unknown, guard: Guard<T>, max: number): value is T[] {
  return Array.isArray(value) && value.length <= max && value.every((item) => guard(item));
}

function isTextArray(value: unknown): value is string[] {
  return isArrayOf(value, (v): v is string => isText(v), MAX_NODES);
}

export function isPosition(value: unknown): value is Position {
  return (
    isRecord(value) && isNonNegativeInteger(value.line) && isNonNegativeInteger(value.character)
  );
}

/** A well-formed LSP range whose start is not after its end. */
export function isRange(value: unknown): value is Range {
  if (!isRecord(value) || !isPosition(value.start) || !isPosition(value.end)) return false;
  const { start, end } = value;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}

function isProblem(value: unknown): value is GraphNode['problems'][number] {
  return (
    isRecord(value) &&
    isText(value.code) &&
    typeof value.severity === 'string' &&
    SEVERITIES.has(value.severity) &&
    isText(value.message)
  );
}

export function isGraphNode(value: unknown): value is GraphNode {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isText(value.name) &&
    isNonNegativeInteger(value.index) &&
    (value.image === undefined || isText(value.image)) &&
    typeof value.essential === 'boolean' &&
    typeof value.essentialExplicit === 'boolean' &&
    typeof value.isInit === 'boolean' &&
    typeof value.hasHealthCheck === 'boolean' &&
    (value.startTimeout === undefined || isPositiveNumber(value.startTimeout)) &&
    typeof value.isLogRouter === 'boolean' &&
    typeof value.phase === 'number' &&
    Number.isSafeInteger(value.phase) &&
    value.phase >= -1 &&
    value.phase < MAX_NODES &&
    isTextArray(value.waitsFor) &&
    isTextArray(value.waitedBy) &&
    isRange(value.range) &&
    isArrayOf(value.problems, isProblem, 200)
  );
}

export function isGraphEdge(value: unknown): value is GraphEdge {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isText(value.from) &&
    isText(value.to) &&
    isText(value.condition, 200) &&
    isText(value.reason, 200) &&
    typeof value.implicit === 'boolean' &&
    typeof value.inCycle === 'boolean' &&
    isRange(value.range)
  );
}

/** The whole contract of `StartOrderGraph` (server/src/engine/types.ts), with sizes bounded. */
export function isStartOrderGraph(value: unknown): value is StartOrderGraph {
  if (!isRecord(value)) return false;
  if (!isText(value.uri, 100_000) || (value.family !== undefined && !isText(value.family)))
    return false;
  if (
    !isArrayOf(value.nodes, isGraphNode, MAX_NODES) ||
    !isArrayOf(value.edges, isGraphEdge, MAX_EDGES)
  )
    return false;
  if (
    !isArrayOf(value.phases, isTextArray, MAX_NODES) ||
    !isArrayOf(value.cycles, isTextArray, MAX_NODES)
  )
    return false;
  if (!isArrayOf(value.story, (v): v is string => isText(v), 1000)) return false;
  // Node ids are keys for layout and selection: a duplicate would make two boxes share one place.
  return new Set(value.nodes.map((n) => n.id)).size === value.nodes.length;
}
