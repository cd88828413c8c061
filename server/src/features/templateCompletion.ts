/**
 * Completion in CloudFormation templates (YAML and JSON), in the task definition under the cursor:
 * the other containers in `ContainerName` (DependsOn), `SourceContainer` (VolumesFrom) and `Links`,
 * the task volumes in `SourceVolume` (MountPoints), and the four conditions in `Condition`
 * (DependsOn), each written as the template writes a value. The engine's tree of a template keeps
 * register-task-definition's names at the template's offsets, so the place is found by the
 * property whose value the cursor is in, or whose value is not typed yet (`ContainerName: |`).
 * Terraform files come here too: their tree keeps the same names, inside `jsonencode` and heredocs.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import {
  type Analysis,
  type DependencyModel,
  keyOf,
  type Node,
  properties,
  type SourceText,
  templateScalar,
  type TaskModel,
} from '../engine/index';
import { contains, rangeOf } from './located';
import {
  conditionItems,
  containerNameItems,
  type ValueWriting,
  volumeItems,
} from './valueCompletion';

/** `writing` is how values are written where the template's own syntax does not decide it. */
export function templateCompletion(
  analysis: Analysis,
  offset: number,
  writing?: ValueWriting,
): CompletionItem[] {
  const definition = analysis.definitionAt(offset);
  if (!definition) return [];
  const { model } = definition;
  const source = analysis.source;
  const place = valuePlace(source, definition.input.root, offset);
  if (!place) return [];
  const container = model.containers.find((c) => isWithin(place.holder, c.node));
  if (!container) return [];
  const range = place.value
    ? rangeOf(source, place.value.offset, place.value.offset + place.value.length)
    : rangeOf(source, offset, offset);
  const written = writing ?? templateWriting(source, place, offset);
  const list = place.holder.parent?.parent;
  const listKey = list ? keyOf(list) : undefined;
  switch (place.key) {
    case 'containerName':
      return listKey === 'dependsOn' ? containerNameItems(model, container, range, written) : [];
    case 'sourceContainer':
      return listKey === 'volumesFrom' ? containerNameItems(model, container, range, written) : [];
    case 'links':
      return containerNameItems(model, container, range, written);
    case 'sourceVolume':
      return listKey === 'mountPoints' ? volumeItems(model, range, written) : [];
    case 'condition':
      return listKey === 'dependsOn'
        ? conditionItems(model, dependencyOf(model, place.holder), range, written)
        : [];
    default:
      return [];
  }
}

/** Where a value goes: the property (by its API name), the object or list that holds the value, and the value typed so far. */
interface ValuePlace {
  key: string | undefined;
  /** The object that has the property, or for a `Links` element the list. */
  holder: Node;
  /** The scalar typed so far; undefined when nothing is typed yet. */
  value?: Node;
}

/** Properties, in the tree, whose scalar value holds the offset or whose empty value starts right after their colon. */
function valuePlace(source: SourceText, root: Node, offset: number): ValuePlace | undefined {
  let found: ValuePlace | undefined;
  const visit = (node: Node): void => {
    if (found || node.offset > offset) return;
    if (node.type === 'object') {
      for (const property of properties(node)) {
        const [keyNode, value] = property.children!;
        if (!keyNode || !value) continue;
        const key = keyOf(property);
        if (isScalar(value) && value.length > 0 && contains(value, offset)) {
          found = { key, holder: node, value };
          return;
        }
        if (value.type === 'null' && emptyValueAt(source, keyNode, offset)) {
          found = { key, holder: node };
          return;
        }
        if (value.type === 'array' && key === 'links') {
          const element = (value.children ?? []).find(
            (e) => isScalar(e) && e.length > 0 && contains(e, offset),
          );
          if (element) {
            found = { key, holder: node, value: element };
            return;
          }
        }
        visit(value);
      }
    } else if (node.type === 'array') {
      for (const element of node.children ?? []) visit(element);
    }
  };
  visit(root);
  return found;
}

function isScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean';
}

/** `Key: |` — only spaces and the colon between the key and the cursor, on the key's line. */
function emptyValueAt(source: SourceText, keyNode: Node, offset: number): boolean {
  const between = source.text.slice(keyNode.offset + keyNode.length, offset);
  return /^[ \t]*:[ \t]*$/.test(between);
}

function isWithin(node: Node | undefined, ancestor: Node): boolean {
  for (let n = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function dependencyOf(model: TaskModel, entry: Node): DependencyModel | undefined {
  for (const c of model.containers) {
    const dep = c.dependsOn.find((d) => d.node === entry);
    if (dep) return dep;
  }
  return undefined;
}

/**
 * A value in the template's syntax: JSON, or YAML plain where it reads back as the same string and
 * quoted where not (`'yes'`), with a space after a colon typed just now (`ContainerName:|`).
 */
function templateWriting(source: SourceText, place: ValuePlace, offset: number): ValueWriting {
  const text = source.text;
  const inFlow = text[place.holder.offset] === '{' || text[place.holder.offset] === '[';
  const space = !place.value && text[offset - 1] === ':' ? ' ' : '';
  const typed = place.value ? text.slice(place.value.offset, offset) : '';
  const quote = /^["']/.test(typed) ? typed[0]! : '';
  return {
    text: (value) => space + templateScalar(text, value, inFlow),
    filter: (_written, label) => quote + label,
  };
}
