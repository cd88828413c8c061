/**
 * Each `aws_ecs_task_definition` resource converted once per text: a keystroke changes one
 * resource of a file, and the others are taken from the document's previous reading (their trees
 * moved to their new offsets) instead of being read from the syntax tree again, which costs far
 * more (every node read crosses into WebAssembly).
 */
import type { SyntaxProblem } from '../../input';
import { prop, type Node } from '../../json';
import { blockObject, type Conversion, type Origin } from './convert';
import { blockHead, labelText, type TsNode } from './hcl';
import type { HeredocJson } from './heredoc';
import { TASK_DEFINITION_SCHEMA } from './schema';

export interface ConvertedResource {
  /** The resource's text (the cache key) and where it starts. */
  text: string;
  offset: number;
  /** The label after the type: the resource's name, and where it is written. */
  name: string;
  nameOffset: number;
  nameLength: number;
  task: Node;
  origins: Map<Node, Origin>;
  heredocs: HeredocJson[];
  syntaxErrors: SyntaxProblem[];
}

export function convertResource(block: TsNode, fileText: string): ConvertedResource {
  const c: Conversion = {
    text: fileText,
    depth: 0,
    origins: new Map(),
    heredocs: [],
    syntaxErrors: [],
  };
  const label = blockHead(block).labels[1]!;
  const task = blockObject(block, TASK_DEFINITION_SCHEMA, undefined, c) as unknown as Node;
  return {
    text: fileText.slice(block.startIndex, block.endIndex),
    offset: block.startIndex,
    name: labelText(label),
    nameOffset: label.startIndex,
    nameLength: label.endIndex - label.startIndex,
    task,
    origins: c.origins,
    heredocs: c.heredocs,
    syntaxErrors: c.syntaxErrors,
  };
}

/** Were its containers written in `jsonencode` (not a heredoc of JSON)? */
export function jsonencoded(r: ConvertedResource): boolean {
  const containers = prop(r.task, 'containerDefinitions');
  return containers?.type === 'array' && !r.heredocs.some((h) => h.root === containers);
}

interface Mutable {
  type: Node['type'];
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  parent?: Mutable;
  children?: Mutable[];
}

/** The resource moved to `offset`: a copy of its tree with every offset shifted. */
export function moved(r: ConvertedResource, offset: number): ConvertedResource {
  const delta = offset - r.offset;
  if (delta === 0) return r;
  const copies = new Map<Node, Node>();
  const copy = (n: Mutable, parent: Mutable | undefined): Mutable => {
    const c: Mutable = { type: n.type, offset: n.offset + delta, length: n.length, parent };
    if ('value' in n) c.value = n.value;
    if (n.colonOffset !== undefined) c.colonOffset = n.colonOffset + delta;
    if (n.children) c.children = n.children.map((child) => copy(child, c));
    copies.set(n as unknown as Node, c as unknown as Node);
    return c;
  };
  const task = copy(r.task as unknown as Mutable, undefined) as unknown as Node;
  const origins = new Map<Node, Origin>();
  for (const [node, o] of r.origins) {
    const moved: Origin =
      o.kind === 'block'
        ? { ...o, open: o.open + delta, close: o.close === undefined ? undefined : o.close + delta }
        : o.kind === 'blocks'
          ? { ...o, owner: copies.get(o.owner)! }
          : o;
    origins.set(copies.get(node)!, moved);
  }
  return {
    ...r,
    offset,
    nameOffset: r.nameOffset + delta,
    task,
    origins,
    heredocs: r.heredocs.map((h) => ({
      ...h,
      offset: h.offset + delta,
      root: h.root ? copies.get(h.root) : undefined,
      syntaxErrors: h.syntaxErrors.map((e) => ({ ...e, offset: e.offset + delta })),
    })),
    syntaxErrors: r.syntaxErrors.map((e) => ({ ...e, offset: e.offset + delta })),
  };
}

/** The resources of each document's last reading, by their text (the open editors, in practice). */
const KEPT_DOCUMENTS = 8;
const readings = new Map<string, Map<string, ConvertedResource>>();

/**
 * The resources of a document: those whose text is unchanged since its last reading are moved,
 * the others converted. Without a key (a one-off reading), every one is converted.
 */
export function readResources(
  blocks: TsNode[],
  fileText: string,
  key: string | undefined,
): ConvertedResource[] {
  const previous = key !== undefined ? readings.get(key) : undefined;
  const next = new Map<string, ConvertedResource>();
  const out = blocks.map((block) => {
    const text = fileText.slice(block.startIndex, block.endIndex);
    const known = previous?.get(text);
    const resource = known ? moved(known, block.startIndex) : convertResource(block, fileText);
    next.set(text, resource);
    return resource;
  });
  if (key !== undefined) {
    readings.delete(key);
    readings.set(key, next);
    while (readings.size > KEPT_DOCUMENTS) readings.delete(readings.keys().next().value!);
  }
  return out;
}

export function forgetResources(key: string): void {
  readings.delete(key);
}

export function isTaskDefinitionResource(block: TsNode): boolean {
  const { type, labels } = blockHead(block);
  return (
    type === 'resource' && labels.length >= 2 && labelText(labels[0]!) === 'aws_ecs_task_definition'
  );
}
