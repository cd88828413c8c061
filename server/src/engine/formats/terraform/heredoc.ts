/**
 * Container definitions written as a heredoc of JSON (`<<DEFINITION … DEFINITION`, `<<-EOT`): the
 * lines between the markers are read with the JSON reader, at their own offsets in the .tf file, so
 * that findings and fixes land in the heredoc. Interpolations (`${var.cpu}`) are masked for the
 * JSON parser by text of the same length and read back as placeholders: a bare one is a value the
 * file does not spell out, one inside a string a part of it. A heredoc with template directives
 * (`%{ for … }`) builds its JSON at plan time, so nothing in it can be read.
 */
import type { Node } from '../../json';
import type { SyntaxProblem } from '../../input';
import { parseDocument } from '../json/parse';
import { jsonSyntaxProblems } from '../json/syntax';
import { decodeHeredocLiteral, interpolationPlaceholder, namedOf, type TsNode } from './hcl';

export interface HeredocJson {
  /** Where the JSON text is in the file: the heredoc's lines between its markers. */
  offset: number;
  length: number;
  /** The JSON's tree (an array of container definitions); undefined when it cannot be read. */
  root: Node | undefined;
  syntaxErrors: SyntaxProblem[];
}

interface Mask {
  start: number;
  end: number;
  inString: boolean;
  placeholder: string;
}

interface Mutable {
  type: string;
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  children?: Mutable[];
}

export function readHeredocJson(text: string, heredoc: TsNode): HeredocJson | undefined {
  const parts = namedOf(heredoc);
  const markers = parts.filter((p) => p.type === 'heredoc_identifier');
  if (markers.length < 2) return undefined;
  if (parts.some((p) => p.type === 'template_directive')) return undefined;
  const newline = text.indexOf('\n', markers[0]!.endIndex);
  if (newline < 0) return undefined;
  const start = newline + 1;
  const end = Math.max(
    start,
    text.lastIndexOf('\n', markers[markers.length - 1]!.startIndex - 1) + 1,
  );
  const body = text.slice(start, end);
  const interpolations = parts.filter((p) => p.type === 'template_interpolation');
  const masks = findMasks(body, interpolations, start);
  const parsed = parseDocument(maskText(body, masks), { allowContainerArray: true });
  const root = parsed.root as unknown as Mutable | undefined;
  const errors = jsonSyntaxProblems(parsed.syntaxErrors).map((e) => ({
    ...e,
    offset: e.offset + start,
    message: `${e.message.replace(/^JSON syntax: /, 'JSON syntax in the heredoc: ')}`,
  }));
  const result: HeredocJson = {
    offset: start,
    length: body.length,
    root: undefined,
    syntaxErrors: [],
  };
  if (errors.length > 0 && masks.length > 0) {
    // The JSON may be broken only until Terraform fills the interpolations in: nothing to say.
    return result;
  }
  // One broken bracket makes many errors: the first says what to fix.
  result.syntaxErrors = errors.slice(0, 1);
  if (!root || root.type !== 'array' || parsed.skipped) return result;
  const literalEscapes = body.includes('$${') || body.includes('%%{');
  fixUp(root, body, masks, start, literalEscapes);
  result.root = root as unknown as Node;
  return result;
}

/** The interpolations, in the body's offsets, and whether each stands inside a JSON string. */
function findMasks(body: string, interpolations: TsNode[], start: number): Mask[] {
  const masks: Mask[] = [];
  let inString = false;
  let i = 0;
  for (const part of interpolations) {
    const from = part.startIndex - start;
    const to = part.endIndex - start;
    for (; i < from; i++) {
      const ch = body.charCodeAt(i);
      if (inString && ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = !inString;
      else if (ch === 10) inString = false;
    }
    masks.push({ start: from, end: to, inString, placeholder: interpolationPlaceholder(part) });
    i = to;
  }
  return masks;
}

/** The body with each interpolation replaced by text of its length: `xxx` in a string, `"xxx"` outside. */
function maskText(body: string, masks: Mask[]): string {
  if (masks.length === 0) return body;
  let out = '';
  let at = 0;
  for (const m of masks) {
    const n = m.end - m.start;
    out += body.slice(at, m.start);
    out += m.inString ? 'x'.repeat(n) : `"${'x'.repeat(Math.max(0, n - 2))}"`.slice(0, n);
    at = m.end;
  }
  return out + body.slice(at);
}

/** Shift the tree to the file's offsets and give masked strings their placeholders back. */
function fixUp(n: Mutable, body: string, masks: Mask[], start: number, escapes: boolean): void {
  if (n.type === 'string' && (masks.length > 0 || escapes)) {
    n.value = stringValue(n, body, masks, escapes);
  }
  n.offset += start;
  if (n.colonOffset !== undefined) n.colonOffset += start;
  for (const child of n.children ?? []) fixUp(child, body, masks, start, escapes);
}

function stringValue(n: Mutable, body: string, masks: Mask[], escapes: boolean): unknown {
  const from = n.offset;
  const to = n.offset + n.length;
  const whole = masks.find((m) => !m.inString && m.start === from && m.end === to);
  if (whole) return whole.placeholder;
  const inside = masks.filter((m) => m.inString && m.start >= from && m.end <= to);
  if (inside.length === 0)
    return escapes && typeof n.value === 'string' ? decodeHeredocLiteral(n.value) : n.value;
  // Inside the quotes: decoded JSON text between the interpolations, placeholders for them.
  const closed = n.length >= 2 && body[to - 1] === '"';
  let out = '';
  let at = from + 1;
  for (const m of inside) {
    out += jsonText(body.slice(at, m.start)) + m.placeholder;
    at = m.end;
  }
  return out + jsonText(body.slice(at, closed ? to - 1 : to));
}

function jsonText(raw: string): string {
  let decoded = raw;
  try {
    decoded = JSON.parse(`"${raw}"`) as string;
  } catch {
    // An escape the interpolation cut in two: the text as written.
  }
  return decodeHeredocLiteral(decoded);
}
