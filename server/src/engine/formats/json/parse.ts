/**
 * Parsing: tolerant JSONC (comments, trailing commas, half-typed text) with jsonc-parser, plus the
 * guards that keep pathological input bounded: a size limit and a nesting-depth limit checked by a
 * linear scan before the recursive parser runs. Well-formed text takes a fast path (fastParse.ts)
 * that builds the same tree: it is what keeps a keystroke in a 64 KiB task definition or a large
 * CloudFormation JSON template cheap (bench/RESULTS.md, History).
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { DocumentKind } from '../../input';
import { fastParseTree } from './fastParse';
import { objectElements, prop } from '../../json';
import { isPlaceholder } from '../../placeholders';
import { SourceText } from '../../text';

/** Documents above this many UTF-16 code units are not analysed (an information notice says so). */
export const MAX_DOCUMENT_LENGTH = 20 * 1024 * 1024;
/** Deeper nesting than this is not analysed; real task definitions nest fewer than 10 levels. */
export const MAX_NESTING_DEPTH = 256;

export interface ParsedDocument {
  source: SourceText;
  root: Node | undefined;
  syntaxErrors: ParseError[];
  /** What the document is; undefined when it is not a task definition (no findings at all). */
  kind: DocumentKind | undefined;
  /** The object that holds the task-level fields (the root, or `taskDefinition` in describe output). */
  taskNode: Node | undefined;
  /** The array of container definitions. */
  containersNode: Node | undefined;
  /** Why analysis was skipped, when it was. */
  skipped?: { reason: string };
}

export interface ParseOptions {
  /**
   * Recognise a root array of container definitions (Terraform `container_definitions`). The CLI
   * always does (the user named the file); the language server only for files whose name says so.
   */
  allowContainerArray?: boolean;
}

export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const base: ParsedDocument = {
    source: new SourceText(text),
    root: undefined,
    syntaxErrors: [],
    kind: undefined,
    taskNode: undefined,
    containersNode: undefined,
  };
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return looksLikeTaskDefinition(text)
      ? {
          ...base,
          kind: 'task',
          skipped: { reason: `the file is larger than ${MAX_DOCUMENT_LENGTH / 1024 / 1024} MB` },
        }
      : base;
  }
  // A byte-order mark is replaced by a space of the same length, so offsets stay those of the text.
  // Bare template placeholders (`"cpu": ${cpu}` in a Terraform .json.tpl) are read as quoted ones.
  const parseText = maskBarePlaceholders(
    text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text,
  );
  const allowContainerArray = options.allowContainerArray ?? true;
  // Well-formed text (what is on disk almost always is) takes the fast path, which also enforces
  // the depth limit; anything else goes through the depth scan and jsonc-parser's error recovery.
  const fast = fastParseTree(parseText, MAX_NESTING_DEPTH);
  if (fast) return { ...base, root: fast, ...recognise(fast, allowContainerArray) };
  // jsonc-parser's parser recurses once per nesting level: deeper input is refused before it runs.
  if (maxNestingDepth(text) > MAX_NESTING_DEPTH) {
    return looksLikeTaskDefinition(text)
      ? {
          ...base,
          kind: 'task',
          skipped: { reason: `the JSON nests deeper than ${MAX_NESTING_DEPTH} levels` },
        }
      : base;
  }
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(parseText, syntaxErrors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: true,
  });
  return { ...base, root, syntaxErrors, ...recognise(root, allowContainerArray) };
}

function recognise(
  root: Node | undefined,
  allowContainerArray: boolean,
): Pick<ParsedDocument, 'kind' | 'taskNode' | 'containersNode'> {
  const none = { kind: undefined, taskNode: undefined, containersNode: undefined };
  if (!root) return none;
  if (root.type === 'object') {
    if (hasKey(root, 'containerDefinitions')) {
      return { kind: 'task', taskNode: root, containersNode: prop(root, 'containerDefinitions') };
    }
    const wrapped = prop(root, 'taskDefinition');
    if (wrapped?.type === 'object' && hasKey(wrapped, 'containerDefinitions')) {
      return {
        kind: 'describe',
        taskNode: wrapped,
        containersNode: prop(wrapped, 'containerDefinitions'),
      };
    }
    return none;
  }
  if (root.type === 'array' && allowContainerArray) {
    const objects = objectElements(root);
    // Besides container objects, the array may hold placeholders a template splices in.
    const looksLikeContainers =
      objects.length > 0 &&
      (root.children ?? []).every(
        (e) => e.type === 'object' || (e.type === 'string' && isPlaceholder(e.value)),
      ) &&
      objects.every(
        (o) =>
          hasKey(o, 'image') || (hasKey(o, 'name') && CONTAINER_KEYS.some((k) => hasKey(o, k))),
      );
    return looksLikeContainers
      ? { kind: 'container-array', taskNode: undefined, containersNode: root }
      : none;
  }
  return none;
}

const CONTAINER_KEYS = [
  'essential',
  'command',
  'entryPoint',
  'portMappings',
  'dependsOn',
  'environment',
  'logConfiguration',
  'mountPoints',
  'memory',
  'cpu',
];

function hasKey(obj: Node, key: string): boolean {
  return (obj.children ?? []).some((p) => p.children?.[0]?.value === key);
}

/**
 * Where the string or comment starting at `i` ends (its last character), or `i` itself when none
 * starts there. `stopAtLineBreak` ends a string at a line break as well as at its closing quote.
 */
function skipStringOrComment(text: string, i: number, stopAtLineBreak: boolean): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 34 /* " */) {
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d === 92 /* \ */) i++;
      else if (d === 34 || (stopAtLineBreak && d === 10)) break;
    }
    return i;
  }
  if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
    while (i < n && text.charCodeAt(i) !== 10) i++;
    return i;
  }
  if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? n : end + 1;
  }
  return i;
}

/** Deepest bracket nesting outside strings and comments, by one linear scan. */
export function maxNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const skipped = skipStringOrComment(text, i, false);
    if (skipped !== i) i = skipped;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    }
  }
  return max;
}

function looksLikeTaskDefinition(text: string): boolean {
  return text.slice(0, 1_000_000).includes('"containerDefinitions"');
}

/**
 * Templates put placeholders where a value goes without quotes (`"cpu": ${cpu}`, `"port": {{ port }}`,
 * envsubst's `"family": $NAME`), which is not JSON until the template is rendered. Each such bare
 * placeholder outside strings and comments is replaced, for parsing only, by a quoted placeholder of
 * the same length (`${app_cpu}` → `"${app_c}"`, `$APP_IMAGE` → `"$APP_IMA"`), so offsets stay those
 * of the text and the value counts as a placeholder; one too short for that becomes `null` (absent).
 * A `${…}` or `{{…}}` written right after an array element, with no comma (`}${EXTRA_CONTAINERS}]`,
 * a template splicing more elements in), becomes a comma and a placeholder element
 * (`,"${EXTRA_C}"`): the list is then open, as a list holding a placeholder is. Linear in the text
 * (bounded look-ahead).
 */
export function maskBarePlaceholders(text: string): string {
  if (!text.includes('$') && !text.includes('{{')) return text;
  let out = '';
  let last = 0;
  const n = text.length;
  // The open brackets outside strings and comments, and the last character that is not blank.
  const open: number[] = [];
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // A string ends at a line break here: a placeholder on the next line is still found after an
    // unclosed quote.
    const skipped = skipStringOrComment(text, i, true);
    if (skipped !== i) {
      if (c === 34 /* " */) previous = c;
      i = skipped;
      continue;
    }
    const masked =
      (c === 36 /* $ */ && text[i + 1] === '{') || (c === 123 /* { */ && text[i + 1] === '{')
        ? maskTemplate(text, i, open[open.length - 1] === 91 /* [ */ && endsValue(previous))
        : c === 36 && valueExpected(previous)
          ? maskEnvsubst(text, i)
          : undefined;
    if (masked) {
      out += text.slice(last, i) + masked;
      last = i + masked.length;
      i = last - 1;
      previous = 34;
      continue;
    }
    if (c === 123 || c === 91) open.push(c);
    else if ((c === 125 || c === 93) && open.length > 0) open.pop();
    if (c > 32) previous = c;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** After `:`, `,` or `[` (or at the start) a value is expected. */
function valueExpected(previous: number): boolean {
  return previous === 0 || previous === 58 /* : */ || previous === 44 /* , */ || previous === 91;
}

/** A value ends with `}`, `]`, `"` or the last letter or digit of a number or literal. */
function endsValue(previous: number): boolean {
  return (
    previous === 125 ||
    previous === 93 ||
    previous === 34 ||
    (previous >= 48 && previous <= 57) ||
    (previous >= 97 && previous <= 122)
  );
}

/** `${…}` or `{{…}}` at `i` masked (a splice after an array element gets its comma), or undefined. */
function maskTemplate(text: string, i: number, splice: boolean): string | undefined {
  const opener = text[i] === '$' ? '${' : '{{';
  const close = opener === '${' ? '}' : '}}';
  // Bounded look-ahead: a placeholder is short, and a stray `${` must not make the scan quadratic.
  const window = text.slice(i + 2, i + 2 + 256);
  const at = window.indexOf(close);
  const inner = at < 0 ? '' : window.slice(0, at);
  if (at < 0 || inner.length === 0 || /[{}"\r\n]/.test(inner)) return undefined;
  const length = 2 + at + close.length;
  const prefix = splice ? ',' : '';
  const keep = length - prefix.length - 2 - opener.length - close.length;
  if (keep > 0) return `${prefix}"${opener}${inner.slice(0, keep)}${close}"`;
  if (splice) return undefined;
  return length >= 4 ? 'null'.padEnd(length, ' ') : undefined;
}

/** envsubst's bare `$NAME` at `i` masked as `"$NA…"`, or undefined. */
function maskEnvsubst(text: string, i: number): string | undefined {
  const name = /^\$[A-Z_][A-Z0-9_]*/.exec(text.slice(i, i + 257))?.[0];
  if (!name || /[A-Za-z0-9_]/.test(text[i + name.length] ?? '')) return undefined;
  if (name.length < 4) return undefined;
  return `"${name.slice(0, name.length - 2)}"`;
}
