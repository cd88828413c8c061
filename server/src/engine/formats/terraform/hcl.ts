/**
 * Small helpers over tree-sitter's HCL syntax tree: named children without comments, expressions
 * unwrapped to what they are, string literals decoded, and the placeholder an unknown value gets.
 * Node kinds are those of @tree-sitter-grammars/tree-sitter-hcl (its node-types.json).
 */
import type { Node as TsNode } from 'web-tree-sitter';

export type { TsNode };

/** Named children, without comments (they may stand between any two tokens). */
export function namedOf(node: TsNode): TsNode[] {
  const out: TsNode[] = [];
  for (const child of node.namedChildren) if (child && child.type !== 'comment') out.push(child);
  return out;
}

/**
 * What an expression is: `expression` wraps every value, and parentheses wrap one more; a traversal
 * (`var.a.b`, `x[0]`, a splat) stays an `expression` with several children.
 */
export function unwrap(node: TsNode): TsNode {
  let n = node;
  while (n.type === 'expression') {
    // One named child is the common case; reading only it saves marshalling the others.
    const only = n.namedChildCount === 1 ? n.firstNamedChild : undefined;
    if (only && only.type !== 'comment') {
      n = only;
      continue;
    }
    const named = namedOf(n);
    if (named.length !== 1) break;
    n = named[0]!;
  }
  return n;
}

/**
 * The literal value of a `literal_value`: string, number, boolean or null; undefined for others.
 * Read from the text: a literal's kind shows in its first character.
 */
export function literalOf(node: TsNode): { value: string | number | boolean | null } | undefined {
  if (node.type !== 'literal_value') return undefined;
  const text = node.text;
  if (text.startsWith('"')) return { value: quotedValue(text) };
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? { value: n } : undefined;
}

/** The text of a `string_lit` (a quoted string without interpolation), escapes decoded. */
export function stringLitValue(node: TsNode): string {
  return quotedValue(node.text);
}

/** A quoted string's value: between its quotes (the closing one may not be typed yet), decoded. */
function quotedValue(text: string): string {
  let backslashes = 0;
  for (let i = text.length - 2; i > 0 && text[i] === '\\'; i--) backslashes++;
  const closed = text.length >= 2 && text.endsWith('"') && backslashes % 2 === 0;
  return decodeQuoted(text.slice(1, closed ? -1 : undefined));
}

/**
 * A quoted HCL string's literal text decoded: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`, and the template
 * escapes `$${` and `%%{` for a literal `${` and `%{`.
 */
export function decodeQuoted(text: string): string {
  if (!text.includes('\\') && !text.includes('$${') && !text.includes('%%{')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      const e = text[++i]!;
      if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === 'u' || e === 'U') {
        const digits = e === 'u' ? 4 : 8;
        const hex = text.slice(i + 1, i + 1 + digits);
        const code = /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (hex.length === digits && code <= 0x10ffff) {
          out += String.fromCodePoint(code);
          i += digits;
        } else out += e;
      } else out += e;
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      out += c + '{';
      i += 2;
    } else out += c;
  }
  return out;
}

/** Heredoc text: no backslash escapes, only `$${` and `%%{`. */
export function decodeHeredocLiteral(text: string): string {
  return text.replace(/([$%])\1\{/g, '$1{');
}

/** Placeholders longer than this are shortened (messages and hovers quote them). */
const PLACEHOLDER_LENGTH = 64;

/**
 * The placeholder string an unknown value becomes: `${…}` around the expression's text, so that the
 * engine reads it as present but unknown, and two uses of one reference still match. Whitespace is
 * collapsed (messages quote it on one line) and braces become parentheses (a placeholder holds
 * none); a long expression is shortened, with a hash of the whole that keeps two apart.
 */
export function placeholderFor(expressionText: string): string {
  let inner = expressionText.replace(/\s+/g, ' ').trim().replace(/\{/g, '(').replace(/\}/g, ')');
  if (inner.length > PLACEHOLDER_LENGTH)
    inner = `${inner.slice(0, PLACEHOLDER_LENGTH - 12).trimEnd()}… #${hash(inner)}`;
  return `\${${inner || '…'}}`;
}

/** FNV-1a, in base 36: enough to tell two shortened placeholders apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** An expression's text without its comments. */
export function expressionText(node: TsNode): string {
  const text = node.text;
  if (!/#|\/\/|\/\*/.test(text)) return text;
  let out = '';
  let at = node.startIndex;
  for (const comment of node.descendantsOfType('comment')) {
    if (!comment) continue;
    out += text.slice(at - node.startIndex, comment.startIndex - node.startIndex) + ' ';
    at = comment.endIndex;
  }
  return out + text.slice(at - node.startIndex);
}

/** The expression of a `template_interpolation` (`${ x ~}`) as a placeholder. */
export function interpolationPlaceholder(node: TsNode): string {
  const expression = namedOf(node).find((n) => n.type === 'expression');
  return placeholderFor(expression ? expressionText(expression) : '');
}

/** A block's type (`resource`, `volume`, `dynamic`) and its labels (`"aws_ecs_task_definition"`). */
export function blockHead(block: TsNode): { type: string; labels: TsNode[] } {
  const named = namedOf(block);
  const labels: TsNode[] = [];
  for (let i = 1; i < named.length; i++) {
    const n = named[i]!;
    if (n.type === 'string_lit' || n.type === 'identifier') labels.push(n);
    else break;
  }
  return { type: named[0]?.type === 'identifier' ? named[0].text : '', labels };
}

/** A label's text: a quoted label without its quotes. */
export function labelText(label: TsNode): string {
  return label.type === 'string_lit' ? stringLitValue(label) : label.text;
}

/** The body of a block, its `{` and `}` (the brace is missing while the block is being typed). */
export function blockParts(block: TsNode): {
  body: TsNode | undefined;
  open: TsNode | undefined;
  close: TsNode | undefined;
} {
  let body: TsNode | undefined;
  let open: TsNode | undefined;
  let close: TsNode | undefined;
  for (const child of block.children) {
    if (!child) continue;
    if (child.type === 'body') body = child;
    else if (child.type === 'block_start') open = child;
    else if (child.type === 'block_end' && !child.isMissing) close = child;
  }
  return { body, open, close };
}
