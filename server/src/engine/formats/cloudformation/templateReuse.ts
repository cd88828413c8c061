/**
 * A keystroke in a YAML template changes one resource: that resource's text is read again on its
 * own, and the rest of the tree is taken from the document's previous reading (moved to its new
 * offsets). Parsing a 50 KB template costs about 13 ms; one resource of it, a fraction of that.
 *
 * The result is the tree a parse of the whole text gives. It is re-used only where that follows
 * from the text: the previous text was valid, self-contained YAML (no anchor, alias, merge key or
 * directive ties one part to another), the edit lies inside one resource of a block-style
 * `Resources` mapping below the resource's first line, the lines that resource spans still end
 * where the next resource (or whatever follows) starts, and its new text reads alone as valid,
 * self-contained YAML with that one resource. Anything else is parsed whole.
 */
import { propertyNode, type Node as JsonNode } from '../../json';
import { changedRange } from '../changedRange';
import { parseYamlEntry, parseYamlTemplate, type YamlTree } from './yamlTree';

/** The tree is built in place: jsonc-parser's node type with its fields writable. */
type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] } & { parent?: Node; children?: Node[] };

/** The documents whose last reading is kept (the open editors, in practice). */
const KEPT_DOCUMENTS = 8;
const readings = new Map<string, { text: string; tree: YamlTree }>();

/**
 * The tree of a YAML template. With a `key` (the document's URI), the document's previous reading
 * is re-used where it can be, and this one kept for its next version.
 */
export function readYamlTemplate(text: string, key?: string): YamlTree {
  if (key === undefined) return parseYamlTemplate(text);
  const previous = readings.get(key);
  const tree = (previous && reread(previous.text, previous.tree, text)) ?? parseYamlTemplate(text);
  readings.delete(key);
  if (tree.selfContained) {
    readings.set(key, { text, tree });
    while (readings.size > KEPT_DOCUMENTS) readings.delete(readings.keys().next().value!);
  }
  return tree;
}

/** Forget the kept reading of a document (it was closed). */
export function forgetYamlTemplate(key: string): void {
  readings.delete(key);
}

/** The tree of `after` from the tree of `before`, or undefined where the whole text must be read. */
export function reread(before: string, tree: YamlTree, after: string): YamlTree | undefined {
  if (before === after) return tree;
  const root = tree.root as Node;
  const resources = propertyNode(root, 'Resources') as Node | undefined;
  const map = resources?.children?.[1];
  if (!map || map.type !== 'object' || isFlow(before, root) || isFlow(before, map))
    return undefined;
  const edit = changedRange(before, after);
  // The resource the edit starts in: the last one whose name is written before it.
  let entry: Node | undefined;
  for (const e of map.children ?? []) if (e.offset <= edit.start) entry = e;
  if (!entry) return undefined;
  const lineStart = before.lastIndexOf('\n', entry.offset - 1) + 1;
  const indent = entry.offset - lineStart;
  const bodyStart = before.indexOf('\n', entry.offset) + 1;
  if (!/^ +$/.test(before.slice(lineStart, entry.offset)) || bodyStart === 0) return undefined;
  const end = entryEnd(before, bodyStart, indent);
  const delta = after.length - before.length;
  if (edit.start < bodyStart || edit.oldEnd > end) return undefined;
  if (entryEnd(after, bodyStart, indent) !== end + delta) return undefined;
  // A resource's value is at depth 2 of the whole tree (root, Resources, the resource).
  const replacement = parseYamlEntry(after, lineStart, end + delta, 1);
  const name = replacement?.children?.[0];
  if (!name || name.offset !== entry.offset || name.value !== entry.children?.[0]?.value)
    return undefined;
  const path = new Set<Node>([root, resources, map]);
  const rebuilt = (node: Node, parent: Node | undefined): Node => {
    if (node === entry) {
      replacement!.parent = parent;
      return replacement!;
    }
    if (!path.has(node)) return moved(node, parent, end, delta);
    // A node around the edit (the root, Resources and its mapping) starts before it and ends where
    // its last child now ends, as the parser measures a block mapping.
    const copy: Node = { type: node.type, offset: node.offset, length: 0, parent };
    copy.children = node.children!.map((child) => rebuilt(child, copy));
    const last = copy.children[copy.children.length - 1]!;
    copy.length = last.offset + last.length - copy.offset;
    return copy;
  };
  return {
    root: rebuilt(root, undefined),
    syntaxErrors: [],
    tooDeep: undefined,
    opaque: new WeakSet(),
    selfContained: true,
  };
}

/** Is the mapping written in flow style (`{…}`), where lines do not delimit its entries? */
function isFlow(text: string, node: Node): boolean {
  return text.charCodeAt(node.offset) === 0x7b; /* { */
}

/** A copy of `node`, where every offset from `from` on moves by `delta`. */
function moved(node: Node, parent: Node | undefined, from: number, delta: number): Node {
  const offset = node.offset >= from ? node.offset + delta : node.offset;
  const copy: Node = { type: node.type, offset, length: node.length, parent };
  if ('value' in node) copy.value = node.value;
  if (node.children) copy.children = node.children.map((child) => moved(child, copy, from, delta));
  return copy;
}

/**
 * Where the lines of a mapping entry indented by `indent` end, from `from` (the line after its
 * key): at the first line that is not blank, not a comment and not indented further.
 */
function entryEnd(text: string, from: number, indent: number): number {
  let line = from;
  while (line < text.length) {
    let next = text.indexOf('\n', line);
    if (next < 0) next = text.length;
    let first = line;
    while (text.charCodeAt(first) === 0x20 /* space */) first++;
    const c = text.charCodeAt(first);
    const blank = first === next || (c === 0x0d /* \r */ && first + 1 === next);
    if (!blank && c !== 0x23 /* # */ && first - line <= indent) return line;
    line = next + 1;
  }
  return text.length;
}
