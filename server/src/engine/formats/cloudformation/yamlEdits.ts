/**
 * The YAML editor: minimal text edits in a YAML template. Keys and values arrive as the template
 * spells them (templateEditor translates the API's names); this file only decides where text goes
 * and how it looks. It keeps comments, indentation, the sequence-indent style (`Key:\n  - a` or
 * `Key:\n- a`), flow vs block style and line endings, and writes a scalar quoted where YAML would
 * read it as something else (yamlText.ts). Each edit touches only the value or property it names;
 * where the layout is one it cannot edit safely, the edit is marked invalid and no fix is offered.
 */
import type { InsertOptions, OffsetEdit } from '../../input';
import { keyOf, properties, type Node } from '../../json';
import type { SourceText } from '../../text';
import { runsOf } from '../runs';
import {
  blockEntry,
  blockItem,
  blockValue,
  yamlFlow,
  yamlScalar,
  yamlString,
  type BlockStyle,
} from './yamlText';

/** What templateEditor needs of a format's editor: text edits with keys and values as written. */
export interface TextEditor {
  insertProperty(obj: Node, key: string, value: unknown, options?: InsertOptions): OffsetEdit[];
  replaceValue(node: Node, value: unknown): OffsetEdit[];
  appendToArray(arr: Node, value: unknown): OffsetEdit[];
  removeProperty(property: Node): OffsetEdit[];
  removeProperties(obj: Node, properties: Node[]): OffsetEdit[];
  deleteArrayElements(arr: Node, from: number, to: number): OffsetEdit[];
  renameProperty(property: Node, key: string): OffsetEdit[];
}

function cannotEdit(node: Node): OffsetEdit[] {
  return [{ offset: node.offset, length: 0, newText: '', invalid: true }];
}

/** The style of the file's block collections, found on first use. */
function detectBlockStyle(source: SourceText): BlockStyle {
  let found: { unit: string; sequenceIndent: string } | undefined;
  const detect = () => (found ??= scanStyle(source.text));
  return {
    get unit() {
      return detect().unit;
    },
    get sequenceIndent() {
      return detect().sequenceIndent;
    },
    get eol() {
      return source.eol;
    },
  };
}

/**
 * The indentation of a mapping under a key, and of a sequence under a key, as the file's first
 * such keys write them (two spaces, and sequences as mappings, when the file shows neither).
 */
function scanStyle(text: string): { unit: string; sequenceIndent: string } {
  let unit: string | undefined;
  let sequenceIndent: string | undefined;
  const lines = text.slice(0, 200_000).split(/\r\n|\r|\n/);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (unit !== undefined && sequenceIndent !== undefined) break;
    // A key that opens a block: `Key:` with nothing (or a comment) after it.
    const key = /^( *)(- +)?[^\s#-][^#]*:\s*(#.*)?$/.exec(lines[i]!);
    if (!key) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || lines[j]!.trim().startsWith('#'))) j++;
    const next = lines[j];
    if (next === undefined) continue;
    const column = key[1]!.length + (key[2]?.length ?? 0);
    const nextIndent = /^ */.exec(next)![0].length;
    if (nextIndent < column) continue;
    if (/^ *-( |$)/.test(next)) sequenceIndent ??= ' '.repeat(nextIndent - column);
    else if (nextIndent > column) unit ??= ' '.repeat(nextIndent - column);
  }
  return { unit: unit ?? '  ', sequenceIndent: sequenceIndent ?? unit ?? '  ' };
}

export function yamlEditor(source: SourceText, broken: boolean): TextEditor {
  const style = detectBlockStyle(source);
  const text = source.text;

  const lineStart = (offset: number) => source.lineStartOf(offset);
  const column = (offset: number) => offset - lineStart(offset);
  /** The offset of the line break that ends the line holding `offset` (or the text's end). */
  const lineEnd = (offset: number) => {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
  };
  /** The start of the line after the one holding `offset` (or the text's end). */
  const nextLineStart = (offset: number) => {
    const end = lineEnd(offset);
    if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
    return Math.min(text.length, end + 1);
  };
  /** A node's end without the spaces and line breaks a block scalar's range takes in. */
  const contentEnd = (node: Node) => {
    let end = node.offset + node.length;
    while (end > node.offset && /\s/.test(text[end - 1]!)) end--;
    return end;
  };
  const isFlow = (node: Node) => text[node.offset] === '{' || text[node.offset] === '[';
  const onlySpacesBefore = (offset: number) => text.slice(lineStart(offset), offset).trim() === '';
  const inFlow = (node: Node) => {
    for (let p = node.parent; p; p = p.parent)
      if ((p.type === 'object' || p.type === 'array') && isFlow(p)) return true;
    return false;
  };
  const guard = (node: Node, build: () => OffsetEdit[]): OffsetEdit[] =>
    broken ? cannotEdit(node) : build();

  /** The property to insert after: the first of `after` that exists, else the last. */
  function anchorOf(obj: Node, options: InsertOptions): Node | undefined {
    const props = properties(obj);
    for (const k of options.after ?? []) {
      const found = props.find((p) => keyOf(p) === k);
      if (found) return found;
    }
    return props[props.length - 1];
  }

  function insertProperty(
    obj: Node,
    key: string,
    value: unknown,
    options: InsertOptions = {},
  ): OffsetEdit[] {
    return guard(obj, () => {
      if (obj.type !== 'object') return cannotEdit(obj);
      const props = properties(obj);
      if (isFlow(obj)) {
        const entry = `${yamlString(key, true)}: ${yamlFlow(value)}`;
        if (text[obj.offset + obj.length - 1] !== '}') return cannotEdit(obj);
        if (props.length === 0) {
          const inside = text.slice(obj.offset + 1, obj.offset + obj.length - 1);
          return inside.trim() === ''
            ? [{ offset: obj.offset + 1, length: inside.length, newText: entry }]
            : cannotEdit(obj);
        }
        const anchor = anchorOf(obj, options)!;
        return [{ offset: anchor.offset + anchor.length, length: 0, newText: `, ${entry}` }];
      }
      const anchor = anchorOf(obj, options);
      if (!anchor) return cannotEdit(obj);
      const first = props[0]!;
      const indent = ' '.repeat(column(first.offset));
      const at = lineEnd(contentEnd(anchor) - 1);
      return [
        {
          offset: at,
          length: 0,
          newText: `${style.eol}${indent}${blockEntry(key, value, indent, style)}`,
        },
      ];
    });
  }

  function replaceValue(node: Node, value: unknown): OffsetEdit[] {
    return guard(node, () => {
      const end = contentEnd(node);
      const collection = value !== null && typeof value === 'object';
      const flowHere = inFlow(node);
      if (!collection) {
        const written = text[node.offset];
        // A string keeps the double quotes the user wrote (also where a number was read from them).
        const scalar =
          typeof value === 'string' && written === '"'
            ? JSON.stringify(value)
            : yamlScalar(value, flowHere);
        if (node.length === 0) return [{ offset: node.offset, length: 0, newText: ` ${scalar}` }];
        return [{ offset: node.offset, length: end - node.offset, newText: scalar }];
      }
      const empty = Array.isArray(value)
        ? value.length === 0
        : Object.keys(value as object).length === 0;
      if (flowHere || isFlow(node) || empty) {
        const flow = yamlFlow(value);
        if (node.length === 0) return [{ offset: node.offset, length: 0, newText: ` ${flow}` }];
        return [{ offset: node.offset, length: end - node.offset, newText: flow }];
      }
      const owner = node.parent;
      if (owner?.type === 'property' && !onlySpacesBefore(node.offset)) {
        // A value on its key's line (`Key: x`, `Key:`) becomes a block on the lines below.
        const keyNode = owner.children![0]!;
        const colon = text.indexOf(':', keyNode.offset + keyNode.length);
        if (colon < 0 || colon > node.offset) return cannotEdit(node);
        const keyColumn = column(keyNode.offset);
        const inner =
          ' '.repeat(keyColumn) + (Array.isArray(value) ? style.sequenceIndent : style.unit);
        return [
          {
            offset: colon + 1,
            length: end - colon - 1,
            newText: `${style.eol}${inner}${blockValue(value, inner, style)}`,
          },
        ];
      }
      const indent = ' '.repeat(column(node.offset));
      return [
        {
          offset: node.offset,
          length: end - node.offset,
          newText: blockValue(value, indent, style),
        },
      ];
    });
  }

  function appendToArray(arr: Node, value: unknown): OffsetEdit[] {
    return guard(arr, () => {
      if (arr.type !== 'array') return cannotEdit(arr);
      const items = arr.children ?? [];
      if (isFlow(arr)) {
        if (text[arr.offset + arr.length - 1] !== ']') return cannotEdit(arr);
        const item = yamlFlow(value);
        if (items.length === 0) {
          const inside = text.slice(arr.offset + 1, arr.offset + arr.length - 1);
          return inside.trim() === ''
            ? [{ offset: arr.offset + 1, length: inside.length, newText: item }]
            : cannotEdit(arr);
        }
        const last = items[items.length - 1]!;
        return [{ offset: last.offset + last.length, length: 0, newText: `, ${item}` }];
      }
      if (text[arr.offset] !== '-' || items.length === 0) return cannotEdit(arr);
      const dash = ' '.repeat(column(arr.offset));
      const at = lineEnd(contentEnd(items[items.length - 1]!) - 1);
      return [
        {
          offset: at,
          length: 0,
          newText: `${style.eol}${dash}- ${blockItem(value, `${dash}  `, style)}`,
        },
      ];
    });
  }

  /**
   * Remove the properties first..last of a mapping (neighbours), whole lines where they stand
   * alone on them; an emptied block mapping becomes `{}`.
   */
  function removeRun(obj: Node, siblings: Node[], i: number, j: number): OffsetEdit {
    const first = siblings[i]!;
    const last = siblings[j]!;
    const next = siblings[j + 1];
    const prev = siblings[i - 1];
    if (isFlow(obj)) {
      if (next) return { offset: first.offset, length: next.offset - first.offset, newText: '' };
      if (prev) {
        const prevEnd = prev.offset + prev.length;
        return { offset: prevEnd, length: last.offset + last.length - prevEnd, newText: '' };
      }
      return {
        offset: first.offset,
        length: last.offset + last.length - first.offset,
        newText: '',
      };
    }
    const end = contentEnd(last);
    if (!next && !prev) {
      // The mapping's only properties: leave an empty mapping, not a null.
      return { offset: first.offset, length: end - first.offset, newText: '{}' };
    }
    if (next && !onlySpacesBefore(first.offset)) {
      // The first key of a sequence item (`- Name: x`; a block mapping's other keys each start a
      // line): the next key moves up after the dash.
      return { offset: first.offset, length: next.offset - first.offset, newText: '' };
    }
    const from = lineStart(first.offset);
    return { offset: from, length: nextLineStart(end - 1) - from, newText: '' };
  }

  function removeProperties(obj: Node, remove: Node[]): OffsetEdit[] {
    return guard(obj, () => {
      const siblings = properties(obj);
      return runsOf(siblings, new Set(remove)).map(([i, j]) => removeRun(obj, siblings, i, j));
    });
  }

  /** Delete items from..to-1 (a range the template editor has checked: at least one item). */
  function deleteArrayElements(arr: Node, from: number, to: number): OffsetEdit[] {
    return guard(arr, () => {
      const items = arr.children ?? [];
      if (isFlow(arr)) {
        if (from === 0 && to === items.length)
          return [{ offset: arr.offset + 1, length: arr.length - 2, newText: '' }];
        if (to < items.length)
          return [
            {
              offset: items[from]!.offset,
              length: items[to]!.offset - items[from]!.offset,
              newText: '',
            },
          ];
        const prevEnd = items[from - 1]!.offset + items[from - 1]!.length;
        const last = items[to - 1]!;
        return [{ offset: prevEnd, length: last.offset + last.length - prevEnd, newText: '' }];
      }
      if (from === 0 && to === items.length) {
        // Every element goes: an empty sequence, on its key's line where it has one.
        const end = contentEnd(items[to - 1]!);
        const colon = colonBefore(arr);
        return colon === undefined
          ? [{ offset: arr.offset, length: end - arr.offset, newText: '[]' }]
          : [{ offset: colon + 1, length: end - colon - 1, newText: ' []' }];
      }
      const start = dashOf(items[from]!);
      if (start < 0 || !onlySpacesBefore(start)) return cannotEdit(arr);
      const lineFrom = lineStart(start);
      const end = nextLineStart(contentEnd(items[to - 1]!) - 1);
      return [{ offset: lineFrom, length: end - lineFrom, newText: '' }];
    });
  }

  /** The colon of the key whose value `node` is, when only spaces and line breaks lie between. */
  function colonBefore(node: Node): number | undefined {
    if (node.parent?.type !== 'property') return undefined;
    let i = node.offset - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    return text[i] === ':' ? i : undefined;
  }

  /** The dash of a block sequence item: on its line, before the item. */
  function dashOf(item: Node): number {
    let i = item.offset - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--;
    return text[i] === '-' ? i : -1;
  }

  return {
    insertProperty,
    replaceValue,
    appendToArray,
    removeProperty: (property) =>
      property.parent ? removeProperties(property.parent, [property]) : cannotEdit(property),
    removeProperties,
    deleteArrayElements,
    renameProperty: (property, key) => {
      const own = property.children?.[0];
      if (!own) return cannotEdit(property);
      // The key keeps the quotes it was written with; a plain key stays plain where the new name
      // is a word (YAML could read another as something else than a string).
      const quote = text[own.offset];
      const written =
        quote === "'"
          ? `'${key.replace(/'/g, "''")}'`
          : quote !== '"' && /^[A-Za-z][\w-]*$/.test(key)
            ? key
            : JSON.stringify(key);
      return guard(property, () => [{ offset: own.offset, length: own.length, newText: written }]);
    },
  };
}
