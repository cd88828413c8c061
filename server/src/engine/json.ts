/**
 * Small, total helpers over jsonc-parser's syntax tree. An explicit `null` is treated as absent
 * everywhere (console exports write `"dependsOn": null`), and duplicate keys resolve to the last
 * one, as JSON.parse and the AWS CLI do.
 */
import type { Node } from 'jsonc-parser';

export type { Node };

/** The property node (`"key": value`) for `key` in an object node, or undefined. */
export function propertyNode(obj: Node | undefined, key: string): Node | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  let found: Node | undefined;
  for (const prop of obj.children) {
    const keyNode = prop.children?.[0];
    if (keyNode && keyNode.value === key) found = prop;
  }
  return found;
}

/** The value node of `key`, or undefined when absent or null. */
export function prop(obj: Node | undefined, key: string): Node | undefined {
  const value = propertyNode(obj, key)?.children?.[1];
  if (!value || value.type === 'null') return undefined;
  return value;
}

/** All property nodes of an object, in document order. */
export function properties(obj: Node | undefined): Node[] {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  return obj.children.filter((p) => p.type === 'property' && p.children && p.children.length > 0);
}

export function keyOf(property: Node): string | undefined {
  const k = property.children?.[0];
  return typeof k?.value === 'string' ? k.value : undefined;
}

/** Elements of an array node; [] for anything else (absent, null, a string where an array belongs). */
export function elements(node: Node | undefined): Node[] {
  if (!node || node.type !== 'array' || !node.children) return [];
  return node.children;
}

/** Object elements of an array node. */
export function objectElements(node: Node | undefined): Node[] {
  return elements(node).filter((n) => n.type === 'object');
}

export function str(node: Node | undefined): string | undefined {
  return node && node.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function num(node: Node | undefined): number | undefined {
  return node && node.type === 'number' && typeof node.value === 'number' ? node.value : undefined;
}

export function bool(node: Node | undefined): boolean | undefined {
  return node && node.type === 'boolean' && typeof node.value === 'boolean'
    ? node.value
    : undefined;
}

/** String elements of an array node (non-strings are skipped). */
export function stringElements(node: Node | undefined): string[] {
  const out: string[] = [];
  for (const el of elements(node)) {
    const s = str(el);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** The property node that holds `value` as its value, if any. */
export function parentProperty(value: Node): Node | undefined {
  return value.parent && value.parent.type === 'property' ? value.parent : undefined;
}
