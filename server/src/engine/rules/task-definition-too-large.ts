import { READ_ONLY_FIELDS } from '../fields/index';
import { keyOf, properties, propertyNode, type Node } from '../json';
import { displayName, type ContainerModel } from '../model';
import type { Rule } from './rule';

/** What RegisterTaskDefinition accepts: "Max allowed length is '65536' bytes" (see the rule page). */
export const MAX_TASK_DEFINITION_BYTES = 65_536;
/** The figure of AWS's quota table before 2021, which some tools and notes still give. */
export const OLD_TASK_DEFINITION_BYTES = 32_768;

const READ_ONLY: ReadonlySet<string> = new Set(READ_ONLY_FIELDS);

/** UTF-8 bytes of the character at `i`; undefined for a surrogate pair (four bytes, two units). */
function charBytes(text: string, i: number): number | undefined {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return undefined;
  return 3;
}

/** Printable ASCII that JSON writes as it is (no quote, no backslash): most strings are. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of a string as JSON.stringify writes it, quotes and escapes included, without writing it. */
function jsonStringBytes(text: string): number {
  if (PLAIN.test(text)) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 8 || c === 9 || c === 10 || c === 12 || c === 13)
      bytes += 2;
    else if (c < 0x20)
      bytes += 6; // \u00XX
    else bytes += charBytes(text, i) ?? (i++, 4);
  }
  return bytes;
}

/**
 * Bytes of a value as compact JSON, which is how registration sends it (no whitespace, no
 * comments), counted on the tree without building the JSON text: this runs on every keystroke.
 * `skip` leaves out an object's properties by key.
 */
function compactBytes(node: Node, skip?: ReadonlySet<string>): number {
  switch (node.type) {
    case 'object': {
      let bytes = 1; // the braces, less the comma the first property does not need
      for (const p of node.children ?? []) {
        const [key, value] = p.children ?? [];
        const name = typeof key?.value === 'string' ? key.value : '';
        if (skip?.has(name)) continue;
        bytes += 1 + jsonStringBytes(name) + 1 + (value ? compactBytes(value) : 4); // ,"key":value
      }
      return Math.max(2, bytes);
    }
    case 'array': {
      const items = node.children ?? [];
      return 2 + Math.max(0, items.length - 1) + items.reduce((n, e) => n + compactBytes(e), 0);
    }
    case 'string':
      return jsonStringBytes(typeof node.value === 'string' ? node.value : '');
    default:
      return String(node.value ?? null).length; // a number, true, false, null
  }
}

const byteCount = (n: number) => `${n.toLocaleString('en-US')} bytes`;

export const taskDefinitionTooLarge: Rule = {
  id: 'task-definition-too-large',
  severity: 'error',
  summary:
    'The task definition, as registration sends it, is over 64 KiB (ECS rejects it), or over the 32 KiB of older AWS figures.',
  check(ctx) {
    const { model } = ctx;
    // Counted on the tree of what is sent, never on the file's text: a template or a .tf file
    // writes keys without quotes and values the provider or CloudFormation converts (a number sent
    // as a string), so its text can be shorter than what registration sends.
    const sent = model.task ?? model.containersNode;
    if (!sent) return;
    // A describe output's read-only fields are not sent again (register-readonly-field says so).
    const bytes = compactBytes(sent, model.task ? READ_ONLY : undefined);
    if (bytes <= OLD_TASK_DEFINITION_BYTES) return;
    const over = bytes > MAX_TASK_DEFINITION_BYTES;
    const largest = largestContainer(model.containers);
    const share = largest
      ? ` The largest container is ${displayName(largest.container)} (${byteCount(largest.bytes)}).`
      : '';
    const what = model.task ? 'This task definition is' : 'These container definitions are';
    const at =
      (model.task && propertyNode(model.task, 'containerDefinitions')?.children?.[0]) ??
      properties(model.task).find((p) => keyOf(p) === 'family')?.children?.[0] ??
      sent;
    ctx.report({
      at,
      severity: over ? 'error' : 'warning',
      message: over
        ? `${what} ${byteCount(bytes)} as registration sends it (compact JSON, without whitespace), more than the ${byteCount(MAX_TASK_DEFINITION_BYTES)} (64 KiB) ECS accepts: registration fails with "Actual length: '${bytes}'. Max allowed length is '${MAX_TASK_DEFINITION_BYTES}' bytes."${share} Move long environment values into ${ctx.spell.key('environmentFiles')} (an S3 object) or ${ctx.spell.key('secrets')}, or split the task.`
        : `${what} ${byteCount(bytes)} as registration sends it (compact JSON, without whitespace). ECS accepts up to 64 KiB (${byteCount(MAX_TASK_DEFINITION_BYTES)}, the figure AWS's guide gives since 2021), but its quota table said 32 KiB (${byteCount(OLD_TASK_DEFINITION_BYTES)}) before, and some tools and notes still do.${share} Room is running out: long environment values fit better in ${ctx.spell.key('environmentFiles')} (an S3 object) or ${ctx.spell.key('secrets')}.`,
    });
  },
};

function largestContainer(
  containers: ContainerModel[],
): { container: ContainerModel; bytes: number } | undefined {
  let best: { container: ContainerModel; bytes: number } | undefined;
  for (const c of containers) {
    const bytes = compactBytes(c.node);
    if (!best || bytes > best.bytes) best = { container: c, bytes };
  }
  return containers.length > 1 ? best : undefined;
}
