/** A jsonc-parser syntax tree as plain data, for deepEqual; parent links are checked on the way. */
import assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';

export function plainTree(node: Node | undefined, parent?: Node): unknown {
  if (!node) return undefined;
  assert.equal(node.parent, parent, `parent link of the ${node.type} at ${node.offset}`);
  const out: Record<string, unknown> = {
    type: node.type,
    offset: node.offset,
    length: node.length,
  };
  if ('value' in node) out.value = node.value;
  if (node.colonOffset !== undefined) out.colonOffset = node.colonOffset;
  if (node.children) out.children = node.children.map((c) => plainTree(c, node));
  return out;
}
