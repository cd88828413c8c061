/**
 * The JSON editor: minimal text edits for fixes in task-definition JSON files. Each builder touches
 * only the value or property it names, keeps the user's indentation (tabs or spaces, width), line
 * endings, comments and trailing-comma style, and never rewrites a sibling.
 */
import type { Editor, InsertOptions, OffsetEdit, Spelling } from '../../input';
import { keyOf, properties, type Node } from '../../json';
import type { SourceText } from '../../text';
import { runsOf } from '../runs';
import { parseDocument } from './parse';

export type { InsertOptions, OffsetEdit };

/** Is the object or array closed in the text (its last character is its closing bracket)? */
function isClosed(source: SourceText, node: Node): boolean {
  if (node.type !== 'object' && node.type !== 'array') return true;
  return source.text[node.offset + node.length - 1] === (node.type === 'object' ? '}' : ']');
}

function cannotEdit(node: Node): OffsetEdit[] {
  return [{ offset: node.offset, length: 0, newText: '', invalid: true }];
}

export interface FormatStyle {
  unit: string;
  eol: string;
}

/**
 * The document's indentation unit (first indented child line) and line break, found on first use:
 * most analyses build no fix text at all, and then never look.
 */
export function detectStyle(source: SourceText): FormatStyle {
  let unit: string | undefined;
  let eol: string | undefined;
  return {
    get unit() {
      return (unit ??= indentationUnit(source.text));
    },
    get eol() {
      return (eol ??= source.eol);
    },
  };
}

/**
 * The indentation the first line ending in `{` or `[` adds for the next line that is not blank
 * (two spaces when no line does), within the first 200 000 characters: a fix needs no more.
 */
function indentationUnit(text: string): string {
  let opener: string | undefined;
  for (const line of text.slice(0, 200_000).split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (opener !== undefined && indent.length > opener.length && indent.startsWith(opener))
      return indent.slice(opener.length);
    opener = /[{[]\s*$/.test(line) ? indent : undefined;
  }
  return '  ';
}

/** JSON text for `value`, multi-line objects indented from `indent`, short primitive arrays inline. */
export function formatValue(value: unknown, indent: string, style: FormatStyle): string {
  if (Array.isArray(value)) {
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (value.every((v) => v === null || typeof v !== 'object') && inline.length <= 80)
      return inline;
    const inner = indent + style.unit;
    return `[${style.eol}${value.map((v) => inner + formatValue(v, inner, style)).join(',' + style.eol)}${style.eol}${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inner = indent + style.unit;
    return `{${style.eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, inner, style)}`).join(',' + style.eol)}${style.eol}${indent}}`;
  }
  return JSON.stringify(value);
}

/** JSON text on one line, for inline objects and arrays. */
export function compactValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}: ${compactValue(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

export function replaceNode(node: Node, newText: string): OffsetEdit {
  return { offset: node.offset, length: node.length, newText };
}

function sameLine(source: SourceText, a: number, b: number): boolean {
  return source.positionAt(a).line === source.positionAt(b).line;
}

/**
 * Where to insert after the value ending at `end`: past spaces, an optional comma and a trailing
 * comment on the same line, so that the comment stays with the value it was written for.
 */
function afterLineTail(
  text: string,
  end: number,
): { commaAt: number | undefined; insertAt: number } {
  let i = end;
  let commaAt: number | undefined;
  let insertAt = end;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === ',' && commaAt === undefined) {
      commaAt = i;
      i++;
      insertAt = i;
      continue;
    }
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      insertAt = i;
      break;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || /[\r\n]/.test(text.slice(i, close))) break;
      i = close + 2;
      insertAt = i;
      continue;
    }
    break;
  }
  return { commaAt, insertAt };
}

/** Append `itemText` (already formatted for `indent`) after the last child of an object or array. */
function appendAfterLast(
  source: SourceText,
  container: Node,
  last: Node,
  itemText: (indent: string) => string,
  inlineItem: string,
  style: FormatStyle,
): OffsetEdit[] {
  const text = source.text;
  const lastEnd = last.offset + last.length;
  // On one line the new item goes right after the last: a trailing comma stays the last character.
  if (sameLine(source, container.offset, lastEnd))
    return [{ offset: lastEnd, length: 0, newText: `, ${inlineItem}` }];
  const indent = source.indentationAt(last.offset);
  const { commaAt, insertAt } = afterLineTail(text, lastEnd);
  if (commaAt !== undefined) {
    // Trailing-comma style: keep it for the new last item.
    return [{ offset: insertAt, length: 0, newText: `${style.eol}${indent}${itemText(indent)},` }];
  }
  if (insertAt === lastEnd)
    return [{ offset: lastEnd, length: 0, newText: `,${style.eol}${indent}${itemText(indent)}` }];
  return [
    { offset: lastEnd, length: 0, newText: ',' },
    { offset: insertAt, length: 0, newText: `${style.eol}${indent}${itemText(indent)}` },
  ];
}

/** Fill an empty object or array (`{}`, `[ ]`) with one child. */
function fillEmpty(
  source: SourceText,
  container: Node,
  childText: (indent: string) => string,
  style: FormatStyle,
): OffsetEdit[] {
  const inside = source.text.slice(container.offset + 1, container.offset + container.length - 1);
  const base = source.indentationAt(container.offset);
  const inner = base + style.unit;
  if (/^\s*$/.test(inside)) {
    return [
      {
        offset: container.offset + 1,
        length: inside.length,
        newText: `${style.eol}${inner}${childText(inner)}${style.eol}${base}`,
      },
    ];
  }
  // Only comments inside: add the child before the closing bracket, keep the comments. When the
  // bracket stands on a line of its own, the child goes on a new line just above it (no blank line).
  const close = container.offset + container.length - 1;
  const closeLine = source.lineStartOf(close);
  if (source.text.slice(closeLine, close).trim() === '') {
    return [{ offset: closeLine, length: 0, newText: `${inner}${childText(inner)}${style.eol}` }];
  }
  // Otherwise the child goes on a line of its own after the comments, without the spaces before
  // the bracket (they would trail the comment's line).
  let start = close;
  while (source.text[start - 1] === ' ' || source.text[start - 1] === '\t') start--;
  return [
    {
      offset: start,
      length: close - start,
      newText: `${style.eol}${inner}${childText(inner)}${style.eol}${base}`,
    },
  ];
}

/** Insert `"key": value` into an object that does not have `key`. */
export function insertProperty(
  source: SourceText,
  obj: Node,
  key: string,
  value: unknown,
  style: FormatStyle,
  options: InsertOptions = {},
): OffsetEdit[] {
  if (!isClosed(source, obj)) return cannotEdit(obj);
  const props = properties(obj);
  const entry = (indent: string) => `${JSON.stringify(key)}: ${formatValue(value, indent, style)}`;
  const inlineEntry = `${JSON.stringify(key)}: ${compactValue(value)}`;
  if (props.length === 0) return fillEmpty(source, obj, entry, style);
  let anchor = -1;
  for (const k of options.after ?? []) {
    anchor = props.findIndex((p) => keyOf(p) === k);
    if (anchor >= 0) break;
  }
  const next = anchor >= 0 ? props[anchor + 1] : undefined;
  if (
    next &&
    !sameLine(source, obj.offset, next.offset) &&
    source.text.slice(source.lineStartOf(next.offset), next.offset).trim() === ''
  ) {
    // Insert before the next sibling, on its own line with its indentation: comments on the
    // anchor's line stay where they are.
    const indent = source.indentationAt(next.offset);
    return [{ offset: next.offset, length: 0, newText: `${entry(indent)},${style.eol}${indent}` }];
  }
  return appendAfterLast(source, obj, props[props.length - 1]!, entry, inlineEntry, style);
}

/** The property `key` of `obj`; of duplicate keys the last, whose value JSON parsers keep. */
function lastProperty(obj: Node, key: string): Node | undefined {
  return properties(obj)
    .filter((p) => keyOf(p) === key)
    .pop();
}

/**
 * Set `key` to `value`: replace the existing value (also an explicit null), complete a property
 * whose value is not typed yet (`"cpu": }`), or insert the property.
 */
export function setProperty(
  source: SourceText,
  obj: Node,
  key: string,
  value: unknown,
  style: FormatStyle,
  options: InsertOptions = {},
): OffsetEdit[] {
  const existing = lastProperty(obj, key);
  if (!existing) return insertProperty(source, obj, key, value, style, options);
  const indent = source.indentationAt(existing.offset);
  const [keyNode, valueNode] = existing.children ?? [];
  if (valueNode) {
    if (!isClosed(source, valueNode)) return cannotEdit(valueNode);
    return [replaceNode(valueNode, formatValue(value, indent, style))];
  }
  // A second property of the same name would leave the half-typed one in place: the value goes
  // after its colon (and the space typed after it), or after its key with a colon when that is not
  // typed either.
  const formatted = formatValue(value, indent, style);
  const colon = existing.colonOffset;
  if (colon === undefined)
    return [{ offset: keyNode!.offset + keyNode!.length, length: 0, newText: `: ${formatted}` }];
  return source.text[colon + 1] === ' '
    ? [{ offset: colon + 2, length: 0, newText: formatted }]
    : [{ offset: colon + 1, length: 0, newText: ` ${formatted}` }];
}

/** Append an element to an array node. */
export function appendToArray(
  source: SourceText,
  arr: Node,
  value: unknown,
  style: FormatStyle,
): OffsetEdit[] {
  if (!isClosed(source, arr)) return cannotEdit(arr);
  const items = arr.children ?? [];
  const item = (indent: string) => formatValue(value, indent, style);
  if (items.length === 0) return fillEmpty(source, arr, item, style);
  return appendAfterLast(source, arr, items[items.length - 1]!, item, compactValue(value), style);
}

/**
 * Add `item` to the array property `key` of `obj`: append when the array exists, otherwise insert
 * the property with a one-element array (an explicit null or a non-array value is replaced).
 */
export function addToArrayProperty(
  source: SourceText,
  obj: Node,
  key: string,
  item: unknown,
  style: FormatStyle,
  options: InsertOptions = {},
): OffsetEdit[] {
  const valueNode = lastProperty(obj, key)?.children?.[1];
  if (valueNode?.type === 'array') return appendToArray(source, valueNode, item, style);
  return setProperty(source, obj, key, [item], style, options);
}

/** Remove a property (its line when it stands alone on it) and the comma that separates it. */
export function removeProperty(source: SourceText, property: Node): OffsetEdit[] {
  const siblings = properties(property.parent);
  const i = siblings.indexOf(property);
  const text = source.text;
  const end = property.offset + property.length;
  const next = siblings[i + 1];
  if (next) return [removeRun(source, property, property, next)];
  const prev = siblings[i - 1];
  if (prev) {
    const prevEnd = prev.offset + prev.length;
    return [{ offset: prevEnd, length: end - prevEnd, newText: '' }];
  }
  // The only property: empty the object, keep its brackets.
  return [{ offset: property.offset, length: length(text, property, end), newText: '' }];
}

/**
 * Remove the properties `first` to `last` that come before `next`. When they stand on lines of
 * their own, those lines go (with the comma and a comment on the last one); the lines after them,
 * comments included, belong to what follows and stay.
 */
function removeRun(source: SourceText, first: Node, last: Node, next: Node): OffsetEdit {
  const ownLinesEnd = lineIsOnlyFrom(source, first.offset)
    ? endOfOwnLine(source.text, last.offset + last.length)
    : undefined;
  if (ownLinesEnd === undefined)
    return { offset: first.offset, length: next.offset - first.offset, newText: '' };
  const start = source.lineStartOf(first.offset);
  return { offset: start, length: ownLinesEnd - start, newText: '' };
}

/**
 * Past the line break of the line a value ending at `end` closes, when only its comma and a
 * comment follow it on that line; undefined when something else does.
 */
function endOfOwnLine(text: string, end: number): number | undefined {
  let i = afterLineTail(text, end).insertAt;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text.startsWith('\r\n', i)) return i + 2;
  return text[i] === '\n' || text[i] === '\r' ? i + 1 : undefined;
}

function length(text: string, property: Node, end: number): number {
  const tail = afterLineTail(text, end);
  return (tail.commaAt !== undefined ? tail.commaAt + 1 : end) - property.offset;
}

/** Delete array elements [from, to) including their separators. */
export function deleteArrayElements(arr: Node, from: number, to: number): OffsetEdit[] {
  const items = arr.children ?? [];
  if (from >= to || from < 0 || to > items.length) return [];
  if (from === 0 && to === items.length) {
    // Every element goes: leave an empty array.
    return [{ offset: arr.offset + 1, length: arr.length - 2, newText: '' }];
  }
  if (to < items.length)
    return [
      { offset: items[from]!.offset, length: items[to]!.offset - items[from]!.offset, newText: '' },
    ];
  const prevEnd = items[from - 1]!.offset + items[from - 1]!.length;
  const last = items[to - 1]!;
  return [{ offset: prevEnd, length: last.offset + last.length - prevEnd, newText: '' }];
}

/** Apply non-overlapping offset edits to a text. */
export function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

function lineIsOnlyFrom(source: SourceText, offset: number): boolean {
  return source.text.slice(source.lineStartOf(offset), offset).trim() === '';
}

/**
 * Edits that remove a set of properties of one object, with their separators, without two edits
 * overlapping (runs of neighbouring properties go in one edit).
 */
export function removeProperties(source: SourceText, obj: Node, remove: Node[]): OffsetEdit[] {
  const siblings = properties(obj);
  const edits: OffsetEdit[] = [];
  for (const [i, j] of runsOf(siblings, new Set(remove))) {
    const first = siblings[i]!;
    const last = siblings[j]!;
    const next = siblings[j + 1];
    const prev = siblings[i - 1];
    if (next) {
      edits.push(removeRun(source, first, last, next));
    } else if (prev) {
      const prevEnd = prev.offset + prev.length;
      edits.push({ offset: prevEnd, length: last.offset + last.length - prevEnd, newText: '' });
    } else {
      edits.push({
        offset: first.offset,
        length: last.offset + last.length - first.offset,
        newText: '',
      });
    }
  }
  return edits;
}

/** The editor of a JSON file: the builders above with the file's own style, found on first use. */
export function jsonEditor(source: SourceText): Editor {
  const style = detectStyle(source);
  return {
    insertProperty: (obj, key, value, options) =>
      insertProperty(source, obj, key, value, style, options),
    setProperty: (obj, key, value, options) => setProperty(source, obj, key, value, style, options),
    addToArrayProperty: (obj, key, item, options) =>
      addToArrayProperty(source, obj, key, item, style, options),
    appendToArray: (arr, value) => appendToArray(source, arr, value, style),
    removeProperty: (property) => removeProperty(source, property),
    removeProperties: (obj, remove) => removeProperties(source, obj, remove),
    deleteArrayElements: (arr, from, to) => deleteArrayElements(arr, from, to),
    replaceValue: (node, value) => {
      // A value written on one line stays on one line; a multi-line one keeps its indentation.
      const written = source.text.slice(node.offset, node.offset + node.length);
      const text = /[\r\n]/.test(written)
        ? formatValue(value, source.indentationAt(node.offset), style)
        : compactValue(value);
      return isClosed(source, node) ? [replaceNode(node, text)] : cannotEdit(node);
    },
    renameProperty: (property, key) => {
      const keyNode = property.children?.[0];
      return keyNode ? [replaceNode(keyNode, JSON.stringify(key))] : cannotEdit(property);
    },
  };
}

/** JSON spells every field as register-task-definition does. */
export const jsonSpelling: Spelling = {
  key: (field) => field,
  pair: (field, value) => `${JSON.stringify(field)}: ${JSON.stringify(value)}`,
};

/**
 * Property insertions at one point (two properties appended to the same object) as one edit, in
 * order; the comma each adds before itself is kept once.
 */
export function mergeSamePoint(edits: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.offset === e.offset && o.length === 0 && e.length === 0);
    if (!same) out.push({ ...e });
    else if (e.newText !== ',') same.newText += e.newText;
  }
  return out;
}

/** Is there a comma between two offsets, comments aside? */
export function commaBetween(text: string, from: number, to: number): boolean {
  return text
    .slice(from, to)
    .replace(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g, '')
    .includes(',');
}

/** Does the text after an edit parse with no more syntax errors than before (as the engine parses)? */
export function parsesAsWell(before: string, after: string): boolean {
  return parseDocument(after).syntaxErrors.length <= parseDocument(before).syntaxErrors.length;
}
