/**
 * Writing values as YAML that CloudFormation reads back as the same value: a string plain where
 * that is safe, quoted where YAML (1.1, as cfn-lint and CloudFormation read it) would take it for
 * something else (`yes`, `no`, `on`, `null`, `~`, `1e3`, `0777`, `12:30`), where it starts with an
 * indicator (`*&!%@`…) or holds `: ` or ` #`.
 */
import { resolvePlain } from './yamlTree';

/** Can `text` be written as a plain scalar and read back as that very string? */
export function isSafePlain(text: string, inFlow = false): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (resolvePlain(text) !== text) return false;
  // YAML 1.2 core readers (the yaml package, js-yaml) take these for numbers or booleans too.
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return false;
  if (/^0o[0-7]+$|^[-+]?\.(inf|nan)$/i.test(text)) return false;
  // Indicators cannot start a plain scalar; `-`, `?` and `:` can when a non-space follows.
  if (/^[,[\]{}#&*!|>'"%@`]/.test(text) || /^[-?:](\s|$)/.test(text)) return false;
  // PyYAML reads these as a date, a merge key and a value key.
  if (/^\d{4}-\d\d?-\d\d?/.test(text) || text === '<<' || text === '=') return false;
  if (/:\s|\s#|:$/.test(text) || /[\r\n\t]/.test(text)) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  if (/^(---|\.\.\.)/.test(text)) return false;
  return /^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$/.test(text);
}

/** A string as a YAML scalar: plain when safe, else single-quoted, or double-quoted where it must escape. */
export function yamlString(text: string, inFlow = false, preferDouble = false): string {
  if (isSafePlain(text, inFlow)) return text;
  if (!preferDouble && /^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$/.test(text))
    return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

/** A scalar value (string, number, boolean, null) as YAML. */
export function yamlScalar(value: unknown, inFlow = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return yamlString(value, inFlow);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return yamlString(String(value), inFlow);
}

/** A value in flow style on one line: `{ContainerName: init, Condition: SUCCESS}`, `[a, b]`. */
export function yamlFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${yamlString(k, true)}: ${yamlFlow(v)}`)
      .join(', ')}}`;
  return yamlScalar(value, true);
}

export interface BlockStyle {
  /** One level of indentation (spaces). */
  unit: string;
  /** How far a sequence under a key is indented: `Key:\n  - a` (two spaces), `Key:\n- a` (none). */
  sequenceIndent: string;
  eol: string;
}

function isCollection(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Empty collections, and short lists of scalars (`[sh, -c, …]`), go on one line. */
function isInline(value: object): boolean {
  if (isEmpty(value)) return true;
  return Array.isArray(value) && !value.some(isCollection) && yamlFlow(value).length <= MAX_INLINE;
}

const MAX_INLINE = 60;

/**
 * `key: value` in block style, for a line that starts at column `indent` (the text returned has no
 * leading indentation; its further lines have theirs).
 */
export function blockEntry(key: string, value: unknown, indent: string, style: BlockStyle): string {
  const k = yamlString(key);
  if (!isCollection(value) || isInline(value)) return `${k}: ${yamlFlow(value)}`;
  if (Array.isArray(value)) {
    const inner = indent + style.sequenceIndent;
    return `${k}:${style.eol}${inner}${blockSequenceItems(value, inner, style)}`;
  }
  const inner = indent + style.unit;
  return `${k}:${style.eol}${inner}${blockMappingEntries(value as Record<string, unknown>, inner, style)}`;
}

/** A mapping's entries in block style, the first without indentation. */
export function blockMappingEntries(
  value: Record<string, unknown>,
  indent: string,
  style: BlockStyle,
): string {
  return Object.entries(value)
    .map(([k, v]) => blockEntry(k, v, indent, style))
    .join(`${style.eol}${indent}`);
}

/** A sequence's items in block style (`- a`), the first without indentation. */
export function blockSequenceItems(value: unknown[], indent: string, style: BlockStyle): string {
  return value
    .map((item) => `- ${blockItem(item, `${indent}  `, style)}`)
    .join(`${style.eol}${indent}`);
}

/** One sequence item's value after its `- `, its further lines at `indent` (the column after `- `). */
export function blockItem(value: unknown, indent: string, style: BlockStyle): string {
  if (!isCollection(value) || isInline(value)) return yamlFlow(value);
  if (Array.isArray(value)) return blockSequenceItems(value, indent, style);
  return blockMappingEntries(value as Record<string, unknown>, indent, style);
}

/**
 * A value in block style where a node starts at column `indent` (replacing a block collection),
 * its first line without indentation.
 */
export function blockValue(value: unknown, indent: string, style: BlockStyle): string {
  return blockItem(value, indent, style);
}
