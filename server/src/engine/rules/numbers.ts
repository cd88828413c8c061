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
  if (node.type === 'number' && typeof node.value === 'number')
    return { kind: 'number', value: node.value };
  if (node.type === 'string' && typeof node.value === 'string') {
    if (isPlaceholder(node.value) || containsPlaceholder(node.value))
      return { kind: 'placeholder' };
    if (NUMERIC.test(node.value))
      return { kind: 'numeric-string', value: Number(node.value), text: node.value };
  }
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
export function shown(read: NumberRead & { value: number }): string {
  return read.kind === 'numeric-string' ? JSON.stringify(read.text) : String(read.value);
}
