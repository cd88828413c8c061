/**
 * The outline: the task (its family) → its containers (image as detail) → what each waits for,
 * and the task volumes. A bare container array lists its containers at the top.
 */
import {
  type DocumentSymbol,
  type SymbolInformation,
  SymbolKind,
} from 'vscode-languageserver-types';
import {
  type Analysis,
  type ContainerModel,
  displayName,
  type Node,
  type TaskModel,
} from '../engine/index';
import { nodeRange } from './located';

function symbol(
  model: TaskModel,
  name: string,
  detail: string | undefined,
  kind: DocumentSymbol['kind'],
  node: Node,
  selection: Node | undefined,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const s: DocumentSymbol = {
    name: name || ' ',
    kind,
    range: nodeRange(model.source, node),
    selectionRange: nodeRange(model.source, selection ?? node),
  };
  if (detail) s.detail = detail;
  if (children) s.children = children;
  return s;
}

function containerSymbol(model: TaskModel, c: ContainerModel): DocumentSymbol {
  const waits = c.dependsOn
    .filter((d) => d.containerName)
    .map((d) =>
      symbol(
        model,
        `waits for ${d.containerName!.value}`,
        d.condition?.value,
        SymbolKind.Event,
        d.node,
        d.containerName!.node,
      ),
    );
  return symbol(model, displayName(c), c.image?.value, SymbolKind.Class, c.node, c.nameNode, waits);
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  return analysis.definitions.flatMap(({ model }) => taskSymbols(model));
}

/** A task definition: the task (named by its resource, or family) with its containers and volumes. */
function taskSymbols(model: TaskModel): DocumentSymbol[] {
  const containers = model.containers.map((c) => containerSymbol(model, c));
  if (!model.task) return containers;
  const volumes = model.volumes
    .filter((v) => v.name)
    .map((v) => symbol(model, v.name!.value, 'volume', SymbolKind.Struct, v.node, v.name!.node));
  const family = model.family?.value;
  const name = model.input.name ?? (family ? family : 'task definition');
  const detail = `${model.containers.length} container${model.containers.length === 1 ? '' : 's'}`;
  return [
    symbol(model, name, detail, SymbolKind.Module, model.task, model.family?.node, [
      ...containers,
      ...volumes,
    ]),
  ];
}

/** For clients without hierarchical symbols: the same symbols, flat, each naming its parent. */
export function flattenSymbols(
  symbols: DocumentSymbol[],
  uri: string,
  parent?: string,
): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of symbols) {
    const info: SymbolInformation = {
      name: s.name,
      kind: s.kind,
      location: { uri, range: s.range },
    };
    if (parent) info.containerName = parent;
    out.push(info, ...flattenSymbols(s.children ?? [], uri, s.name));
  }
  return out;
}
