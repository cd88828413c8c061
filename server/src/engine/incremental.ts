/**
 * Re-parsing after an edit that stays inside one container definition (typing in a value, the
 * common case): only the innermost object or array around the edit (an environment entry, a
 * command, the container itself) is parsed again; the rest of the previous tree is kept, its
 * offsets moved by the length change. Used when the previous parse of the document is at hand
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
  const start = commonLength(
    max,
    (from, length) => before.slice(from, from + length) === after.slice(from, from + length),
  );
  const tailMax = max - start;
  const tail = commonLength(
    tailMax,
    (from, length) =>
      before.slice(before.length - from - length, before.length - from) ===
      after.slice(after.length - from - length, after.length - from),
  );
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

/** What a re-parse did: the container definition whose content changed. */
export interface Reparsed {
  container: Node;
}

/**
 * Re-parses after a change that lies inside one element of `containers` (its braces untouched):
 * only the innermost object or array around the change (an environment entry, a command, the
 * container itself) is parsed again, on the fast path. Returns undefined, having changed nothing,
 * when the change is elsewhere or the new text of that node does not parse; on success the
 * previous tree has been updated and is the new one.
 */
export function reparseContainer(
  root: Node,
  containers: Node,
  text: string,
  change: TextChange,
  depthLimit: number,
): Reparsed | undefined {
  const encloses = (n: Node | undefined): n is Node =>
    !!n &&
    (n.type === 'object' || n.type === 'array') &&
    n.offset < change.start &&
    change.oldEnd <= n.offset + n.length - 1;
  const container = containers.children?.find(encloses);
  if (!container || container.type !== 'object') return undefined;
  let target = container;
  for (;;) {
    // Children are in document order: the one that may enclose the change is found by halving.
    const children = target.children ?? [];
    const k = lastStartingBefore(children, change.start);
    const child = children[k];
    const inner = child?.type === 'property' ? child.children?.[1] : child;
    if (!encloses(inner)) break;
    target = inner;
  }
  const parent = target.parent!;
  const siblings = parent.children as Node[];
  const index = parent.type === 'property' ? 1 : lastStartingBefore(siblings, change.start);
  if (siblings[index] !== target) return undefined;
  const delta = change.newEnd - change.oldEnd;
  let depth = 0;
  for (let n: Node | undefined = parent; n; n = n.parent)
    if (n.type === 'object' || n.type === 'array') depth++;
  const fresh = fastParseValue(
    text,
    target.offset,
    target.offset + target.length + delta,
    depthLimit,
    depth,
    parent,
  );
  if (
    !fresh ||
    fresh.type !== target.type ||
    fresh.offset !== target.offset ||
    fresh.length !== target.length + delta
  )
    return undefined;
  shift(root, change.oldEnd, delta, target);
  siblings[index] = fresh;
  return { container: target === container ? fresh : container };
}

/** The index of the last node that starts before `offset` (-1 when none does). */
function lastStartingBefore(nodes: readonly Node[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid]!.offset < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * Moves every node that starts at or after `from` by `delta`, and grows every node that encloses
 * the change; `replaced` (the node parsed again) is skipped, as are the subtrees before the change.
 */
function shift(root: Node, from: number, delta: number, replaced: Node): void {
  // Nodes that enclose the change: the root and the other ancestors of the node parsed again.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()! as Mutable;
    node.length += delta;
    if (node.colonOffset !== undefined && node.colonOffset >= from) node.colonOffset += delta;
    const children = node.children;
    if (!children) continue;
    // Children before the change stay; the one that starts before it may enclose it; the rest move.
    let k = lastStartingBefore(children, from);
    const around = children[k];
    if (around && around !== replaced && around.offset + around.length >= from) stack.push(around);
    for (k++; k < children.length; k++)
      if (children[k] !== replaced) moveSubtree(children[k]!, delta);
  }
}

/** Moves a whole subtree by `delta` (every node in it lies after the change). */
function moveSubtree(top: Node, delta: number): void {
  // Recursive (nesting is at most MAX_NESTING_DEPTH deep): no work list to grow and shrink.
  const node = top as Mutable;
  node.offset += delta;
  if (node.colonOffset !== undefined) node.colonOffset += delta;
  const children = node.children;
  if (!children) return;
  for (let k = 0; k < children.length; k++) {
    const child = children[k]! as Mutable;
    if (child.children) moveSubtree(child, delta);
    else child.offset += delta; // a leaf: a key, a string, a number, …
  }
}
