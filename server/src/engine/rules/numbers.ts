/**
 * Reading the numbers of a task definition (timeouts, health-check settings, ports) the way the
 * range rules need them: a JSON number, a number written as a string ("120", which the ECS API
 * rejects where an integer belongs), a template placeholder (not judged), or something else.
 */
import type { Editor, OffsetEdit } from '../input';
import type { Node } from '../json';
import { containsPlaceholder, isPlaceholder } from '../placeholders';

export type NumberRead =
  | { kind: 'number'; value: number }
  | { kind: 'numeric-string'; value: number; text: string }
  | { kind: 'placeholder' }
  | { kind: 'other' };

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

export function readNumber(node: Node): NumberRead {
  // A number node holds a number and a string node a string, in every format.
  const value: unknown = node.value;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value !== 'string') return { kind: 'other' };
  if (isPlaceholder(value) || containsPlaceholder(value)) return { kind: 'placeholder' };
  if (NUMERIC.test(value)) return { kind: 'numeric-string', value: Number(value), text: value };
  return { kind: 'other' };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The whole number in [min, max] closest to `value` (rounded first: the API takes integers). */
export function nearestAllowed(value: number, min: number, max: number): number {
  return clamp(Math.round(value), min, max);
}

export function replaceWithNumber(edit: Editor, node: Node, value: number): OffsetEdit[] {
  return edit.replaceValue(node, value);
}

/** How a value reads in a message: numbers as written, strings quoted. */
export function shown(read: Extract<NumberRead, { value: number }>): string {
  return read.kind === 'number' ? String(read.value) : JSON.stringify(read.text);
}
