/**
 * What is at an offset of a task definition: the container around it, the property key under it,
 * and every place a container or volume name is declared or used (the `name` of a container,
 * `dependsOn[].containerName`, `volumesFrom[].sourceContainer`, `links`, a volume's `name`,
 * `mountPoints[].sourceVolume`). Hover, definition, references, rename and completion share these.
 */
import type { Range } from 'vscode-languageserver-types';
import {
  type ContainerModel,
  keyOf,
  type Node,
  properties,
  type SourceText,
  type TaskModel,
} from '../engine/index';

/** Does the node's text hold `offset` (its end included, where a cursor after the last character stands)? */
export function contains(node: Node | undefined, offset: number): node is Node {
  return node !== undefined && offset >= node.offset && offset <= node.offset + node.length;
}

export function rangeOf(source: SourceText, start: number, end: number): Range {
  return { start: source.positionAt(start), end: source.positionAt(end) };
}

export function nodeRange(source: SourceText, node: Node): Range {
  return rangeOf(source, node.offset, node.offset + node.length);
}

/** The container whose object holds `offset`. */
export function containerAt(model: TaskModel, offset: number): ContainerModel | undefined {
  return model.containers.find((c) => contains(c.node, offset));
}

/** The property of `obj` whose key string holds `offset`. */
export function propertyKeyAt(
  obj: Node | undefined,
  offset: number,
): { key: string; property: Node; keyNode: Node } | undefined {
  for (const property of properties(obj)) {
    const keyNode = property.children![0]!;
    const key = keyOf(property);
    if (key !== undefined && contains(keyNode, offset)) return { key, property, keyNode };
  }
  return undefined;
}

export type NameKind = 'container' | 'volume';
export type NameUseKind = 'declaration' | 'dependsOn' | 'volumesFrom' | 'link' | 'sourceVolume';

export interface NameUse {
  kind: NameKind;
  use: NameUseKind;
  name: string;
  /** The string node that holds the name. */
  node: Node;
  /** Offsets of the name itself: inside the quotes, and for a link without its `:alias`. */
  start: number;
  end: number;
  /** The name is written with escapes, so its text is not the name itself: edits replace the whole string. */
  escaped: boolean;
  /** For a link, the `alias` of `name:alias`. */
  alias?: string;
  /** The container whose definition holds the use (for a container declaration: that container). */
  owner?: ContainerModel;
}

function use(
  source: SourceText,
  kind: NameKind,
  useKind: NameUseKind,
  name: string,
  node: Node,
  owner?: ContainerModel,
  alias?: string,
): NameUse | undefined {
  if (name === '' || node.type !== 'string') return undefined;
  // A quoted string (JSON, or YAML's "…" and '…'), or a YAML plain scalar that is the name itself;
  // anything else (an intrinsic function, a block scalar) is not a name the user can edit here.
  const quote = source.text[node.offset];
  const quoted = quote === '"' || quote === "'";
  if (!quoted) {
    const text = source.text.slice(node.offset, node.offset + node.length);
    const plain = useKind === 'link' ? text === name || text.startsWith(`${name}:`) : text === name;
    if (!plain) return undefined;
  }
  const closed = quoted && node.length >= 2 && source.text[node.offset + node.length - 1] === quote;
  const innerStart = node.offset + (quoted ? 1 : 0);
  const inner = source.text.slice(innerStart, node.offset + node.length - (closed ? 1 : 0));
  const plain =
    useKind === 'link' ? inner === name || inner.startsWith(`${name}:`) : inner === name;
  const result: NameUse = plain
    ? {
        kind,
        use: useKind,
        name,
        node,
        start: innerStart,
        end: innerStart + name.length,
        escaped: false,
        owner,
      }
    : {
        kind,
        use: useKind,
        name,
        node,
        start: innerStart,
        end: innerStart + inner.length,
        escaped: true,
        owner,
      };
  if (alias !== undefined) result.alias = alias;
  return result;
}

/** Every declaration and use of a container or volume name, in document order. */
export function nameUses(model: TaskModel): NameUse[] {
  const source = model.source;
  const out: (NameUse | undefined)[] = [];
  for (const v of model.volumes)
    if (v.name) out.push(use(source, 'volume', 'declaration', v.name.value, v.name.node));
  for (const c of model.containers) {
    if (c.name) out.push(use(source, 'container', 'declaration', c.name.value, c.name.node, c));
    for (const d of c.dependsOn)
      if (d.containerName)
        out.push(
          use(source, 'container', 'dependsOn', d.containerName.value, d.containerName.node, c),
        );
    for (const v of c.volumesFrom)
      if (v.sourceContainer)
        out.push(
          use(
            source,
            'container',
            'volumesFrom',
            v.sourceContainer.value,
            v.sourceContainer.node,
            c,
          ),
        );
    for (const l of c.links)
      out.push(use(source, 'container', 'link', l.target, l.node, c, l.alias));
    for (const m of c.mountPoints)
      if (m.sourceVolume)
        out.push(
          use(source, 'volume', 'sourceVolume', m.sourceVolume.value, m.sourceVolume.node, c),
        );
  }
  return out.filter((u): u is NameUse => u !== undefined).sort((a, b) => a.start - b.start);
}

/** The name declaration or use whose string holds `offset`. */
export function nameUseAt(model: TaskModel, offset: number): NameUse | undefined {
  return nameUses(model).find((u) => contains(u.node, offset));
}

/** All declarations and uses of one name. */
export function usesOf(model: TaskModel, kind: NameKind, name: string): NameUse[] {
  return nameUses(model).filter((u) => u.kind === kind && u.name === name);
}

/** Where a name is declared: the first container (or volume) with that name, as ECS reads it. */
export function declarationOf(model: TaskModel, kind: NameKind, name: string): NameUse | undefined {
  if (kind === 'container') {
    const c = model.byName.get(name);
    return c?.name
      ? use(model.source, 'container', 'declaration', name, c.name.node, c)
      : undefined;
  }
  const v = model.volumes.find((x) => x.name?.value === name);
  return v?.name ? use(model.source, 'volume', 'declaration', name, v.name.node) : undefined;
}
