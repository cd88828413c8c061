/**
 * Writing plain JSON values as HCL: the text fixes insert. Objects take the separator (`=` or `:`)
 * and key quoting of the object they go into; short values stay on one line
 * (`[{ containerName = "init", condition = "SUCCESS" }]`), longer ones are laid out one element per
 * line at the given indentation. `terraform fmt`'s alignment of `=` is left to the user.
 */

export interface HclStyle {
  /** One indentation step (two spaces in `terraform fmt` style). */
  unit: string;
  eol: string;
  /** `=` (the usual) or `:` (JSON-like objects in jsonencode). */
  separator: '=' | ':';
  /** Keys in quotes (`"essential" = false`) where the surrounding object quotes its keys. */
  quoteKeys: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** An HCL string literal: quotes and backslashes escaped, `${` and `%{` kept literal. */
export function hclString(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // A function: in a replacement string `$$` stands for one `$`.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{')}"`;
}

export function hclKey(key: string, style: HclStyle): string {
  return !style.quoteKeys && IDENTIFIER.test(key) && !RESERVED.has(key) ? key : hclString(key);
}

/** Words an object key cannot be bare: they would be read as literals. */
const RESERVED = new Set(['true', 'false', 'null']);

/** The value on one line. */
export function compactHcl(value: unknown, style: HclStyle): string {
  if (Array.isArray(value)) return `[${value.map((v) => compactHcl(v, style)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${hclKey(k, style)} ${style.separator} ${compactHcl(v, style)}`).join(', ')} }`;
  }
  return typeof value === 'string' ? hclString(value) : JSON.stringify(value ?? null);
}

/** Values longer than this on one line are laid out over several lines. */
const INLINE_LIMIT = 80;

/** The value laid out from `indent`: on one line when short, else one element per line. */
export function formatHcl(value: unknown, indent: string, style: HclStyle): string {
  const compact = compactHcl(value, style);
  if (compact.length <= INLINE_LIMIT || value === null || typeof value !== 'object') return compact;
  const inner = indent + style.unit;
  if (Array.isArray(value)) {
    return `[${style.eol}${value.map((v) => `${inner}${formatHcl(v, inner, style)},`).join(style.eol)}${style.eol}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${style.eol}${entries.map(([k, v]) => `${inner}${hclKey(k, style)} ${style.separator} ${formatHcl(v, inner, style)}`).join(style.eol)}${style.eol}${indent}}`;
}
