/**
 * The Terraform editor: fixes written as HCL in the file's own style. Keys and values come in
 * register-task-definition's names as plain JSON values; a task-level field becomes its argument
 * or block (`networkMode` → `network_mode = "awsvpc"`, a volume → a `volume { … }` block), a
 * container field inside `jsonencode` an object element in the object's own separator and quoting
 * (`essential = false`). In a heredoc, the JSON inside is edited as JSON. What cannot be written
 * without rewriting the user's expressions (a list built by `concat`, a `host_path` read as
 * `host.sourcePath`, a one-line block) is refused: the engine then offers no fix rather than a
 * broken one.
 */
import type { Editor, InsertOptions, OffsetEdit } from '../../input';
import { keyOf, properties, type Node } from '../../json';
import type { SourceText } from '../../text';
import {
  deleteArrayElements as deleteJsonElements,
  detectStyle,
  jsonEditor,
  removeProperties as removeJsonProperties,
  removeProperty as removeJsonProperty,
} from '../json/edits';
import type { Conversion, Origin } from './convert';
import { writtenAs, type Schema } from './schema';
import { compactHcl, formatHcl, hclKey, type HclStyle } from './write';

function cannotEdit(node: Node): OffsetEdit[] {
  return [{ offset: node.offset, length: 0, newText: '', invalid: true }];
}

/** Where a value ends on its line: past spaces, a comma and a trailing comment. */
function lineTail(
  text: string,
  end: number,
): { commaAt?: number; insertAt: number; restBlank: boolean } {
  let i = end;
  let commaAt: number | undefined;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === ',') {
    commaAt = i;
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  let insertAt = commaAt !== undefined ? commaAt + 1 : end;
  if (text[i] === '#' || text.startsWith('//', i)) {
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    insertAt = i;
  } else if (text.startsWith('/*', i)) {
    const close = text.indexOf('*/', i + 2);
    if (close >= 0 && !/[\r\n]/.test(text.slice(i, close))) {
      i = close + 2;
      insertAt = i;
      while (text[i] === ' ' || text[i] === '\t') i++;
    }
  }
  const restBlank = i >= text.length || text[i] === '\n' || text[i] === '\r';
  return { commaAt, insertAt, restBlank };
}

export function terraformEditor(source: SourceText, c: Conversion): Editor {
  const text = source.text;
  const json = jsonEditor(source);
  const base = detectStyle(source);
  const terraformStyle = (): HclStyle => ({
    unit: base.unit,
    eol: base.eol,
    separator: '=',
    quoteKeys: false,
  });
  const origin = (n: Node | undefined): Origin | undefined => (n ? c.origins.get(n) : undefined);
  const inHeredoc = (n: Node) =>
    c.heredocs.some((h) => n.offset >= h.offset && n.offset < h.offset + h.length);
  /** JSON edits in a heredoc, with `${` and `%{` kept literal (Terraform would interpolate them). */
  const heredocEdits = (edits: OffsetEdit[]) =>
    edits.map((e) => ({ ...e, newText: e.newText.replace(/([$%])\{/g, '$1$1{') }));
  const sameLine = (a: number, b: number) =>
    source.positionAt(a).line === source.positionAt(b).line;
  const isHclObject = (n: Node) =>
    n.type === 'object' && text[n.offset] === '{' && text[n.offset + n.length - 1] === '}';
  const isHclTuple = (n: Node) =>
    n.type === 'array' && text[n.offset] === '[' && text[n.offset + n.length - 1] === ']';

  /** The separator and key quoting an object literal uses (those of its elements). */
  function objectStyle(obj: Node | undefined): HclStyle {
    const style = terraformStyle();
    const props = obj ? properties(obj) : [];
    if (props.some((p) => p.colonOffset !== undefined && text[p.colonOffset] === ':'))
      style.separator = ':';
    if (props.length > 0 && props.every((p) => text[p.children![0]!.offset] === '"'))
      style.quoteKeys = true;
    return style;
  }

  /** The object literal (or, for values at task level, block) a value node stands in. */
  function enclosingObject(n: Node): Node | undefined {
    let p = n.parent;
    while (p && p.type !== 'object') p = p.parent;
    return p;
  }

  // ---- HCL object literals (containers and their parts inside jsonencode) ----

  function insertIntoObject(
    obj: Node,
    key: string,
    value: unknown,
    options: InsertOptions,
  ): OffsetEdit[] {
    const style = objectStyle(obj);
    const entry = (indent: string) =>
      `${hclKey(key, style)} ${style.separator} ${formatHcl(value, indent, style)}`;
    const props = properties(obj);
    const close = obj.offset + obj.length - 1;
    if (props.length === 0) {
      const inside = text.slice(obj.offset + 1, close);
      const base = source.indentationAt(obj.offset);
      if (inside.trim() === '') {
        const one = entry(base);
        return one.includes('\n') || sameLine(obj.offset, close) === false
          ? [
              {
                offset: obj.offset + 1,
                length: inside.length,
                newText: `${style.eol}${base}${style.unit}${entry(base + style.unit)}${style.eol}${base}`,
              },
            ]
          : [{ offset: obj.offset + 1, length: inside.length, newText: ` ${one} ` }];
      }
      return cannotEdit(obj); // Only comments inside: where the element goes is the user's choice.
    }
    let anchor: Node | undefined;
    for (const k of options.after ?? []) {
      anchor = props.filter((p) => keyOf(p) === k).pop();
      if (anchor) break;
    }
    const last = props[props.length - 1]!;
    for (const target of anchor && anchor !== last ? [anchor, last] : [last]) {
      const end = target.offset + target.length;
      const tail = lineTail(text, end);
      if (!sameLine(obj.offset, close) && tail.restBlank && !sameLine(end, close)) {
        const indent = source.indentationAt(target.offset);
        const comma = tail.commaAt !== undefined ? ',' : '';
        return [
          {
            offset: tail.insertAt,
            length: 0,
            newText: `${style.eol}${indent}${entry(indent)}${comma}`,
          },
        ];
      }
    }
    // On the line of the closing brace: one more element after the last, comma-separated.
    const end = last.offset + last.length;
    const tail = lineTail(text, end);
    const inline = `${hclKey(key, style)} ${style.separator} ${compactHcl(value, style)}`;
    return tail.commaAt !== undefined
      ? [{ offset: tail.commaAt + 1, length: 0, newText: ` ${inline},` }]
      : [{ offset: end, length: 0, newText: `, ${inline}` }];
  }

  // ---- Blocks (the resource and the blocks in it) ----

  /** A block's argument or nested blocks for `field: value`, as lines at `indent`; undefined if Terraform has none. */
  function blockEntry(
    schema: Schema,
    field: string,
    value: unknown,
    indent: string,
  ): string | undefined {
    const style = terraformStyle();
    const written = writtenAs(schema, field);
    if (!written) {
      // An object one argument sets a member of (`host: { sourcePath }` is `host_path`).
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const entries = Object.entries(value as Record<string, unknown>);
      const lines: string[] = [];
      for (const [member, v] of entries) {
        const arg = Object.entries(schema.arguments).find(
          ([, a]) => a.field === field && a.member === member,
        );
        if (!arg) return undefined;
        lines.push(`${arg[0]} = ${formatHcl(v, indent, style)}`);
      }
      return lines.join(`${style.eol}${indent}`);
    }
    if (written.kind === 'argument') {
      const a = written.argument;
      let v = value;
      if (a.type === 'name-value-list' && Array.isArray(value)) {
        const map: Record<string, unknown> = {};
        for (const pair of value as { name?: unknown; value?: unknown }[]) {
          if (typeof pair?.name !== 'string') return undefined;
          map[pair.name] = pair.value;
        }
        v = map;
      }
      const rendered = formatHcl(v, indent, style);
      return `${written.name} = ${a.type === 'json' ? `jsonencode(${rendered})` : rendered}`;
    }
    const elements = written.block.list ? (Array.isArray(value) ? value : undefined) : [value];
    if (!elements) return undefined;
    const blocks: string[] = [];
    for (const element of elements) {
      const block = blockText(written.name, written.block.schema, element, indent);
      if (block === undefined) return undefined;
      blocks.push(block);
    }
    return blocks.join(`${style.eol}${style.eol}${indent}`);
  }

  function blockText(
    name: string,
    schema: Schema,
    value: unknown,
    indent: string,
  ): string | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const { eol, unit } = terraformStyle();
    const inner = indent + unit;
    const lines: string[] = [];
    for (const [field, v] of Object.entries(value as Record<string, unknown>)) {
      const entry = blockEntry(schema, field, v, inner);
      if (entry === undefined) return undefined;
      lines.push(`${inner}${entry}`);
    }
    return lines.length === 0 ? `${name} {}` : `${name} {${eol}${lines.join(eol)}${eol}${indent}}`;
  }

  function insertIntoBlock(
    obj: Node,
    o: Extract<Origin, { kind: 'block' }>,
    key: string,
    value: unknown,
    options: InsertOptions,
  ): OffsetEdit[] {
    if (o.close === undefined) return cannotEdit(obj);
    const { eol, unit } = terraformStyle();
    const base = source.indentationAt(o.open);
    const props = properties(obj);
    if (sameLine(o.open, o.close)) {
      const inside = text.slice(o.open + 1, o.close);
      if (inside.trim() !== '') return cannotEdit(obj); // A one-line block holds one argument.
      const entry = blockEntry(o.schema, key, value, base + unit);
      return entry === undefined
        ? cannotEdit(obj)
        : [
            {
              offset: o.open + 1,
              length: inside.length,
              newText: `${eol}${base}${unit}${entry}${eol}${base}`,
            },
          ];
    }
    let anchor: Node | undefined;
    for (const k of options.after ?? []) {
      anchor = props.filter((p) => keyOf(p) === k).pop();
      if (anchor) break;
    }
    if (anchor && origin(anchor.children?.[1])?.kind !== 'blocks') {
      const end = anchor.offset + anchor.length;
      const tail = lineTail(text, end);
      if (tail.restBlank && end < o.close && !sameLine(end, o.close)) {
        const indent = source.indentationAt(anchor.offset);
        const entry = blockEntry(o.schema, key, value, indent);
        if (entry === undefined) return cannotEdit(obj);
        // A block stands apart from what precedes it by a blank line, as `terraform fmt` leaves them.
        const gap = isBlock(o.schema, key) ? eol : '';
        return [{ offset: tail.insertAt, length: 0, newText: `${eol}${gap}${indent}${entry}` }];
      }
    }
    // At the end of the block, on a line of its own above the closing brace.
    const closeLine = source.lineStartOf(o.close);
    if (text.slice(closeLine, o.close).trim() !== '') return cannotEdit(obj);
    const last = props[props.length - 1];
    const indent = last ? source.indentationAt(last.offset) : base + unit;
    const entry = blockEntry(o.schema, key, value, indent);
    if (entry === undefined) return cannotEdit(obj);
    const previousLine = text.slice(source.lineStartOf(Math.max(0, closeLine - 1)), closeLine);
    const gap = last && isBlock(o.schema, key) && previousLine.trim() !== '' ? eol : '';
    return [{ offset: closeLine, length: 0, newText: `${gap}${indent}${entry}${eol}` }];
  }

  function isBlock(schema: Schema, field: string): boolean {
    return writtenAs(schema, field)?.kind === 'block';
  }

  // ---- Tuples and lists of blocks ----

  function appendToTuple(arr: Node, value: unknown): OffsetEdit[] {
    const style = objectStyle(enclosingObject(arr));
    const items = arr.children ?? [];
    const close = arr.offset + arr.length - 1;
    if (items.length === 0) {
      const inside = text.slice(arr.offset + 1, close);
      if (inside.trim() !== '') return cannotEdit(arr);
      const base = source.indentationAt(arr.offset);
      const one = formatHcl(value, base, style);
      return [
        {
          offset: arr.offset + 1,
          length: inside.length,
          newText: one.includes('\n')
            ? `${style.eol}${base}${style.unit}${formatHcl(value, base + style.unit, style)},${style.eol}${base}`
            : one,
        },
      ];
    }
    const last = items[items.length - 1]!;
    const end = last.offset + last.length;
    const tail = lineTail(text, end);
    if (sameLine(arr.offset, close) || sameLine(end, close)) {
      const inline = compactHcl(value, style);
      return tail.commaAt !== undefined
        ? [{ offset: tail.commaAt + 1, length: 0, newText: ` ${inline},` }]
        : [{ offset: end, length: 0, newText: `, ${inline}` }];
    }
    const indent = source.indentationAt(last.offset);
    const item = formatHcl(value, indent, style);
    if (tail.commaAt !== undefined)
      return [{ offset: tail.insertAt, length: 0, newText: `${style.eol}${indent}${item},` }];
    if (tail.insertAt === end)
      return [{ offset: end, length: 0, newText: `,${style.eol}${indent}${item}` }];
    return [
      { offset: end, length: 0, newText: ',' },
      { offset: tail.insertAt, length: 0, newText: `${style.eol}${indent}${item}` },
    ];
  }

  function appendBlock(
    arr: Node,
    o: Extract<Origin, { kind: 'blocks' }>,
    value: unknown,
  ): OffsetEdit[] {
    const last = (arr.children ?? [])[arr.children!.length - 1];
    if (!last) return cannotEdit(arr);
    const indent = source.indentationAt(last.offset);
    const block = blockText(o.name, o.schema, value, indent);
    if (block === undefined) return cannotEdit(arr);
    const end = last.offset + last.length;
    const tail = lineTail(text, end);
    if (!tail.restBlank) return cannotEdit(arr);
    const { eol } = terraformStyle();
    return [{ offset: tail.insertAt, length: 0, newText: `${eol}${eol}${indent}${block}` }];
  }

  // ---- The Editor ----

  const editor: Editor = {
    insertProperty(obj, key, value, options = {}) {
      if (inHeredoc(obj)) return heredocEdits(json.insertProperty(obj, key, value, options));
      const o = origin(obj);
      if (o?.kind === 'block') return insertIntoBlock(obj, o, key, value, options);
      if (o || !isHclObject(obj)) return cannotEdit(obj);
      return insertIntoObject(obj, key, value, options);
    },
    setProperty(obj, key, value, options = {}) {
      if (inHeredoc(obj)) return heredocEdits(json.setProperty(obj, key, value, options));
      const existing = properties(obj)
        .filter((p) => keyOf(p) === key)
        .pop();
      const valueNode = existing?.children?.[1];
      if (existing && valueNode) return editor.replaceValue(valueNode, value);
      return editor.insertProperty(obj, key, value, options);
    },
    addToArrayProperty(obj, key, item, options = {}) {
      if (inHeredoc(obj)) return heredocEdits(json.addToArrayProperty(obj, key, item, options));
      const existing = properties(obj)
        .filter((p) => keyOf(p) === key)
        .pop();
      const valueNode = existing?.children?.[1];
      if (valueNode?.type === 'array') return editor.appendToArray(valueNode, item);
      return editor.setProperty(obj, key, [item], options);
    },
    appendToArray(arr, value) {
      if (inHeredoc(arr)) return heredocEdits(json.appendToArray(arr, value));
      const o = origin(arr);
      if (o?.kind === 'blocks') return appendBlock(arr, o, value);
      if (o || !isHclTuple(arr)) return cannotEdit(arr);
      return appendToTuple(arr, value);
    },
    removeProperty(property) {
      if (inHeredoc(property)) return json.removeProperty(property);
      const argument = argumentOfMember(property);
      if (argument) return editor.removeProperty(argument);
      if (!removable(property)) return cannotEdit(property);
      return removeJsonProperty(source, property);
    },
    removeProperties(obj, remove) {
      if (inHeredoc(obj)) return json.removeProperties(obj, remove);
      if (!remove.every(removable)) return cannotEdit(obj);
      return removeJsonProperties(source, obj, remove);
    },
    deleteArrayElements(arr, from, to) {
      if (inHeredoc(arr)) return json.deleteArrayElements(arr, from, to);
      const o = origin(arr);
      if (o?.kind === 'blocks') return deleteBlocks(arr, from, to);
      if (o || !isHclTuple(arr)) return cannotEdit(arr);
      return deleteJsonElements(arr, from, to);
    },
    replaceValue(node, value) {
      if (inHeredoc(node)) return heredocEdits(json.replaceValue(node, value));
      if (origin(node)) return cannotEdit(node);
      if (
        (node.type === 'object' && !isHclObject(node)) ||
        (node.type === 'array' && !isHclTuple(node))
      )
        return cannotEdit(node);
      const written = text.slice(node.offset, node.offset + node.length);
      const owner = node.parent?.parent;
      const inBlock = origin(owner)?.kind === 'block';
      if (inBlock && typeof value === 'string' && /^\d+$/.test(value) && /^\d/.test(written)) {
        // A number where the provider takes a string (`cpu = 1024`): Terraform converts it; keep the style.
        return [{ offset: node.offset, length: node.length, newText: value }];
      }
      const style = inBlock
        ? terraformStyle()
        : objectStyle(node.type === 'object' ? node : enclosingObject(node));
      const newText = /[\r\n]/.test(written)
        ? formatHcl(value, source.indentationAt(node.offset), style)
        : compactHcl(value, style);
      return [{ offset: node.offset, length: node.length, newText }];
    },
    renameProperty(property, key) {
      if (inHeredoc(property)) return heredocEdits(json.renameProperty(property, key));
      const keyNode = property.children?.[0];
      const obj = property.parent;
      // A block's argument has its own name (the provider's), which a fix does not change.
      if (!keyNode || !obj || origin(obj) || !isHclObject(obj)) return cannotEdit(property);
      const style = { ...objectStyle(obj), quoteKeys: text[keyNode.offset] === '"' };
      return [{ offset: keyNode.offset, length: keyNode.length, newText: hclKey(key, style) }];
    },
  };

  /** An argument or object element the editor can take out: not part of a list of blocks or a synthetic object. */
  /**
   * The argument a member property is read from: `host_path = "/data"` is read as
   * `host: { sourcePath: "/data" }`, both properties spanning the argument's text, so removing the
   * member removes the argument.
   */
  function argumentOfMember(property: Node): Node | undefined {
    const inner = property.parent;
    if (origin(inner)?.kind !== 'synthetic' || inner?.children?.length !== 1) return undefined;
    const outer = inner.parent;
    return outer?.type === 'property' &&
      outer.offset === property.offset &&
      outer.length === property.length
      ? outer
      : undefined;
  }

  function removable(property: Node): boolean {
    const owner = property.parent;
    const o = origin(owner);
    if (o && o.kind !== 'block') return false;
    if (!o && (!owner || !isHclObject(owner))) return false;
    return origin(property.children?.[1])?.kind !== 'blocks';
  }

  function deleteBlocks(arr: Node, from: number, to: number): OffsetEdit[] {
    const items = arr.children ?? [];
    const edits: OffsetEdit[] = [];
    for (let i = from; i < to; i++) {
      const block = items[i];
      if (!block) return cannotEdit(arr);
      const start = source.lineStartOf(block.offset);
      const end = block.offset + block.length;
      const tail = lineTail(text, end);
      if (text.slice(start, block.offset).trim() !== '' || !tail.restBlank) return cannotEdit(arr);
      let next = tail.insertAt;
      while (next < text.length && text[next] !== '\n') next++;
      edits.push({ offset: start, length: Math.min(text.length, next + 1) - start, newText: '' });
    }
    return edits;
  }

  return editor;
}
