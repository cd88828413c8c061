/**
 * Re-parsing after an edit that stays inside one container definition (typing in a value, the
 * common case): only that container's text is parsed again; the rest of the previous tree is kept,
 * its offsets moved by the length change. Used when the previous parse of the document is at hand
 * (the language server keeps it) and took the fast path; anything else is parsed whole.
 *
 * The previous tree is updated in place, so a parse can be the "previous" of one later parse only.
 * test/unit/engine/incremental.test.ts checks, over random edits, that the result is exactly the
 * tree, findings and fixes of a parse from scratch.
 */
import type { Node } from 'jsonc-parser';
import { fastParseValue } from './fastParse';

type Mutable = { -readonly [K in keyof Node]: Node[K] };

/** Where two texts differ: [start, oldEnd) in the old one became [start, newEnd) in the new one. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest span that differs between two texts, found with native string comparisons. */
export function changedSpan(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  const start = commonLength(max, (from, length) => before.slice(from, from + length) === after.slice(from, from + length));
  const tailMax = max - start;
  const tail = commonLength(tailMax, (from, length) => before.slice(before.length - from - length, before.length - from) === after.slice(after.length - from - length, after.length - from));
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** The longest run, up to `max`, for which `same(from, length)` holds, grown then narrowed by halves. */
function commonLength(max: number, same: (from: number, length: number) => boolean): number {
  let at = 0;
  let step = 1024;
  while (at + step <= max && same(at, step)) {
    at += step;
    step = Math.min(step * 2, 1 << 20);
  }
  for (step = Math.min(step, max - at); step > 0; step >>= 1) {
    while (at + step <= max && same(at, step)) at += step;
  }
  return at;
}

/**
 * The new tree when the change lies inside one element of `containers` (its braces untouched) and
 * that element still parses as an object on the fast path; otherwise undefined and nothing is
 * changed. On success the previous tree has been updated and is the new one.
 */
export function reparseContainer(root: Node, containers: Node, text: string, change: TextChange, depthLimit: number): Node | undefined {
  const elements = containers.children;
  if (!elements) return undefined;
  const index = elements.findIndex((c) => c.offset < change.start && change.oldEnd <= c.offset + c.length - 1);
  const old = elements[index];
  if (!old || old.type !== 'object') return undefined;
  const delta = change.newEnd - change.oldEnd;
  let depth = 0;
  for (let n: Node | undefined = containers; n; n = n.parent) if (n.type === 'object' || n.type === 'array') depth++;
  const fresh = fastParseValue(text, old.offset, old.offset + old.length + delta, depthLimit, depth, containers);
  if (!fresh || fresh.type !== 'object' || fresh.offset !== old.offset || fresh.length !== old.length + delta) return undefined;
  shift(root, change.oldEnd, delta, old);
  (elements as Node[])[index] = fresh;
  return root;
}

/**
 * Moves every node that starts at or after `from` by `delta`, and grows every node that encloses
 * the change; `replaced` (the old container) is skipped, as are the subtrees before the change.
 */
function shift(root: Node, from: number, delta: number, replaced: Node): void {
  // Nodes that enclose the change: the root and the ancestors of the container.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()! as Mutable;
    node.length += delta;
    if (node.colonOffset !== undefined && node.colonOffset >= from) node.colonOffset += delta;
    for (const child of node.children ?? []) {
      if (child === replaced) continue;
      if (child.offset >= from) moveSubtree(child, delta);
      else if (child.offset + child.length >= from) stack.push(child);
    }
  }
}

/** Moves a whole subtree by `delta` (every node in it lies after the change). */
function moveSubtree(top: Node, delta: number): void {
  const stack: Node[] = [top];
  while (stack.length > 0) {
    const node = stack.pop()! as Mutable;
    node.offset += delta;
    if (node.colonOffset !== undefined) node.colonOffset += delta;
    const children = node.children;
    if (children) for (let k = 0; k < children.length; k++) stack.push(children[k]!);
  }
}
