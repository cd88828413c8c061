/**
 * The editor of a template (YAML or JSON): rules name fields and values in register-task-
 * definition's words; this translates them to the template's (`{containerName, condition}` →
 * `{ContainerName, Condition}`, by the property table and the type of the object edited) and hands
 * the format's text editor the template's own nodes, which also hold what the reader left out
 * (a property set to `AWS::NoValue` is replaced, never written twice).
 */
import type { Editor, InsertOptions, OffsetEdit } from '../../input';
import { keyOf, properties, type Node } from '../../json';
import { UNKNOWN_KEY_PREFIX, type TemplateRead } from './convert';
import { intrinsicOf } from './intrinsics';
import { cloudFormationName, propertyForApi, UNKNOWN, type ValueType } from './schema';
import type { TextEditor } from './yamlEdits';

function cannotEdit(node: Node): OffsetEdit[] {
  return [{ offset: node.offset, length: 0, newText: '', invalid: true }];
}

/**
 * `value` (API names) as the template writes a value of `type`. Where the table does not know the
 * type, each key at every depth takes the name CloudFormation gives that field anywhere.
 */
export function toTemplateValue(value: unknown, type: ValueType): unknown {
  if (Array.isArray(value))
    return value.map((v) => toTemplateValue(v, type.kind === 'list' ? type.element : UNKNOWN));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (type.kind === 'map') out[key] = v;
    else {
      const property = type.kind === 'object' ? propertyForApi(type.name, key) : undefined;
      out[property?.cfn ?? cloudFormationName(key)] = toTemplateValue(v, property?.type ?? UNKNOWN);
    }
  }
  return out;
}

export function templateEditor(base: TextEditor, read: TemplateRead): Editor {
  const typeOf = (node: Node): ValueType => read.types.get(node) ?? UNKNOWN;
  const raw = (node: Node): Node => read.origins.get(node) ?? node;

  /** The template's name of `key` in `obj`, with the type of its value. */
  function field(obj: Node, key: string): { name: string; type: ValueType } {
    const type = typeOf(obj);
    if (type.kind === 'map') return { name: key, type: { kind: 'String' } };
    if (key.startsWith(UNKNOWN_KEY_PREFIX))
      return { name: key.slice(UNKNOWN_KEY_PREFIX.length), type: UNKNOWN };
    if (type.kind === 'object') {
      const property = propertyForApi(type.name, key);
      if (property) return { name: property.cfn, type: property.type };
    }
    return { name: cloudFormationName(key), type: UNKNOWN };
  }

  /** The template's property `name` of the template object behind `obj` (the last, as CloudFormation reads duplicates). */
  function rawProperty(obj: Node, name: string): Node | undefined {
    return properties(raw(obj))
      .filter((p) => keyOf(p) === name)
      .pop();
  }

  function rawOf(property: Node): Node | undefined {
    const parent = property.parent;
    return parent ? properties(raw(parent)).find((p) => p.offset === property.offset) : undefined;
  }

  function afterNames(obj: Node, options: InsertOptions): InsertOptions {
    return { after: (options.after ?? []).map((k) => field(obj, k).name) };
  }

  function setProperty(obj: Node, key: string, value: unknown, options: InsertOptions = {}) {
    const { name, type } = field(obj, key);
    const written = toTemplateValue(value, type);
    const existing = rawProperty(obj, name)?.children?.[1];
    if (existing) return base.replaceValue(existing, written);
    return base.insertProperty(raw(obj), name, written, afterNames(obj, options));
  }

  /** The value type of a node of the converted tree: from its property or its array. */
  function valueTypeOf(node: Node): ValueType {
    const own = read.types.get(node);
    if (own) return own;
    const parent = node.parent;
    if (parent?.type === 'property' && parent.parent) {
      const key = parent.children?.[0]?.value;
      return typeof key === 'string' ? field(parent.parent, key).type : UNKNOWN;
    }
    if (parent?.type === 'array') {
      const list = typeOf(parent);
      return list.kind === 'list' ? list.element : UNKNOWN;
    }
    return UNKNOWN;
  }

  return {
    insertProperty: setProperty,
    setProperty,
    addToArrayProperty(obj, key, item, options = {}) {
      const { name, type } = field(obj, key);
      const existing = rawProperty(obj, name)?.children?.[1];
      if (existing && intrinsicOf(existing)) return cannotEdit(existing);
      if (existing?.type === 'array') {
        const element = type.kind === 'list' ? type.element : UNKNOWN;
        return base.appendToArray(existing, toTemplateValue(item, element));
      }
      return setProperty(obj, key, [item], options);
    },
    appendToArray(arr, value) {
      const type = typeOf(arr);
      return base.appendToArray(
        raw(arr),
        toTemplateValue(value, type.kind === 'list' ? type.element : UNKNOWN),
      );
    },
    removeProperty(property) {
      const own = rawOf(property);
      return own ? base.removeProperty(own) : cannotEdit(property);
    },
    removeProperties(obj, remove) {
      const own = remove.map(rawOf);
      if (own.some((p) => p === undefined)) return cannotEdit(obj);
      return base.removeProperties(raw(obj), own as Node[]);
    },
    deleteArrayElements(arr, from, to) {
      const items = arr.children ?? [];
      if (from >= to || from < 0 || to > items.length) return [];
      const rawItems = raw(arr).children ?? [];
      const first = rawItems.findIndex((n) => n.offset === items[from]!.offset);
      const last = rawItems.findIndex((n) => n.offset === items[to - 1]!.offset);
      if (first < 0 || last < first) return cannotEdit(arr);
      return base.deleteArrayElements(raw(arr), first, last + 1);
    },
    replaceValue(node, value) {
      return base.replaceValue(node, toTemplateValue(value, valueTypeOf(node)));
    },
    renameProperty(property, key) {
      // A property with a template node has a parent (rawOf looks it up there).
      const own = rawOf(property);
      return own
        ? base.renameProperty(own, field(property.parent!, key).name)
        : cannotEdit(property);
    },
  };
}
