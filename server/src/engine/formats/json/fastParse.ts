/**
 * The fast path of parsing: a direct recursive-descent reader for well-formed JSONC (comments and
 * trailing commas allowed) that builds exactly the tree jsonc-parser's `parseTree` builds (same
 * node shapes, offsets, lengths, values, colon offsets and parent links), two to six times as
 * fast (bench/RESULTS.md), with no visitor callbacks and no line tracking.
 *
 * It gives up, returning undefined, at the first thing it does not handle: any syntax error,
 * an unusual whitespace character, a number outside JSON's grammar, nesting deeper than the
 * limit. The caller then runs jsonc-parser, which reports errors and recovers from them. So the
 * fast path never decides anything about broken text; test/unit/engine/fastParse.test.ts checks the two
 * trees are identical on every fixture and on generated documents.
 */
import type { Node as JsonNode } from 'jsonc-parser';

/** jsonc-parser's node with writable fields, while the tree is being built. */
type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] } & { parent?: Node; children?: Node[] };

/** Thrown internally to leave the recursion; never escapes this module. */
const GIVE_UP = Symbol('give up');

// The parser's state lives at module level: no closures to create per call, which matters for
// small documents parsed on every keystroke. Parsing is synchronous and never re-entered.
let text = '';
let n = 0;
let i = 0;
let maxDepth = 0;

/** Skips whitespace and comments; gives up on characters jsonc-parser would treat specially. */
function skip(): void {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
    } else if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        // Line comment: ends before \n or \r, as in jsonc-parser.
        i += 2;
        while (i < n) {
          const e = text.charCodeAt(i);
          if (e === 10 || e === 13) break;
          i++;
        }
      } else if (d === 42) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) throw GIVE_UP; // unterminated comment: an error
        i = end + 2;
      } else {
        throw GIVE_UP;
      }
    } else {
      return;
    }
  }
}

/** A string token starting at `i` (a quote); returns its value and moves past it. */
function readString(): string {
  const start = i + 1;
  const end = plainStringEnd(start);
  if (end < 0) return readEscapedString(start);
  i = end + 1;
  return text.slice(start, end);
}

/** Where the string whose text starts at `start` ends (its closing quote), or -1 if it has escapes. */
function plainStringEnd(start: number): number {
  for (let j = start; ; j++) {
    if (j >= n) throw GIVE_UP;
    const c = text.charCodeAt(j);
    if (c === 34) return j;
    if (c === 92 || c < 32) return -1;
  }
}

/**
 * Keys of task definitions, by length. A key found here is not copied out of the text: every
 * environment entry repeats "name" and "value", and a large file has tens of thousands of them.
 */
const KNOWN_KEYS: string[][] = [];
for (const key of [
  'name',
  'value',
  'valueFrom',
  'containerName',
  'condition',
  'sourceVolume',
  'containerPath',
  'readOnly',
  'containerPort',
  'hostPort',
  'protocol',
  'image',
  'essential',
  'command',
  'entryPoint',
  'environment',
  'secrets',
  'mountPoints',
  'portMappings',
  'dependsOn',
  'logConfiguration',
  'logDriver',
  'options',
  'cpu',
  'memory',
  'memoryReservation',
  'healthCheck',
  'interval',
  'timeout',
  'retries',
  'startPeriod',
  'links',
  'volumesFrom',
  'sourceContainer',
  'ulimits',
  'softLimit',
  'hardLimit',
  'key',
  'family',
  'volumes',
  'containerDefinitions',
  'networkMode',
  'requiresCompatibilities',
  'taskRoleArn',
  'executionRoleArn',
]) {
  (KNOWN_KEYS[key.length] ??= []).push(key);
}

/** A property key: the known spelling when it is one, so no copy is made. */
function readKey(): string {
  const start = i + 1;
  const end = plainStringEnd(start);
  if (end < 0) return readEscapedString(start);
  i = end + 1;
  const known = KNOWN_KEYS[end - start];
  if (known) {
    for (const k of known) if (text.startsWith(k, start)) return k;
  }
  return text.slice(start, end);
}

function readEscapedString(start: number): string {
  let out = '';
  let from = start;
  let j = start;
  for (;;) {
    if (j >= n) throw GIVE_UP;
    const c = text.charCodeAt(j);
    if (c === 34) break;
    if (c < 32) throw GIVE_UP; // a control character or line break inside a string: an error
    if (c !== 92) {
      j++;
      continue;
    }
    out += text.slice(from, j);
    const e = text.charCodeAt(j + 1);
    switch (e) {
      case 34:
        out += '"';
        break;
      case 92:
        out += '\\';
        break;
      case 47:
        out += '/';
        break;
      case 98:
        out += '\b';
        break;
      case 102:
        out += '\f';
        break;
      case 110:
        out += '\n';
        break;
      case 114:
        out += '\r';
        break;
      case 116:
        out += '\t';
        break;
      case 117: {
        const hex = text.slice(j + 2, j + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw GIVE_UP;
        out += String.fromCharCode(parseInt(hex, 16));
        j += 4;
        break;
      }
      default:
        throw GIVE_UP;
    }
    j += 2;
    from = j;
  }
  i = j + 1;
  return out + text.slice(from, j);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A number in JSON's grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
function readNumber(parent: Node | undefined): Node {
  const start = i;
  let j = i;
  if (text.charCodeAt(j) === 45) j++;
  const first = text.charCodeAt(j);
  if (first === 48) j++;
  else if (first >= 49 && first <= 57) while (isDigit(text.charCodeAt(j))) j++;
  else throw GIVE_UP;
  if (text.charCodeAt(j) === 46) {
    j++;
    if (!isDigit(text.charCodeAt(j))) throw GIVE_UP;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    j++;
    const s = text.charCodeAt(j);
    if (s === 43 || s === 45) j++;
    if (!isDigit(text.charCodeAt(j))) throw GIVE_UP;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  if (isWordChar(text.charCodeAt(j))) throw GIVE_UP; // `12ab`: jsonc-parser scans that differently
  i = j;
  return {
    type: 'number',
    value: Number(text.slice(start, j)),
    offset: start,
    length: j - start,
    parent,
  };
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 36 ||
    c === 46 ||
    c > 127
  );
}

function readWord(word: string, parent: Node | undefined): Node {
  if (!text.startsWith(word, i) || isWordChar(text.charCodeAt(i + word.length))) throw GIVE_UP;
  const offset = i;
  i += word.length;
  const value = word === 'true' ? true : word === 'false' ? false : null;
  return { type: value === null ? 'null' : 'boolean', value, offset, length: word.length, parent };
}

function readValue(parent: Node | undefined, depth: number): Node {
  const c = text.charCodeAt(i);
  if (c === 34) {
    const offset = i;
    const value = readString();
    return { type: 'string', value, offset, length: i - offset, parent };
  }
  if (c === 123) return readObject(parent, depth + 1);
  if (c === 91) return readArray(parent, depth + 1);
  if (c === 116) return readWord('true', parent);
  if (c === 102) return readWord('false', parent);
  if (c === 110) return readWord('null', parent);
  return readNumber(parent);
}

// Children are gathered on one shared stack and copied out at the exact size: an array grown by
// push keeps room for 17 elements, which for the two children of every property was most of
// the tree's memory.
const stack: Node[] = [];
const EMPTY: Node[] = [];

function readObject(parent: Node | undefined, depth: number): Node {
  if (depth > maxDepth) throw GIVE_UP;
  const node: Node = { type: 'object', offset: i, length: -1, parent, children: EMPTY };
  const base = stack.length;
  i++;
  skip();
  while (text.charCodeAt(i) !== 125) {
    if (text.charCodeAt(i) !== 34) throw GIVE_UP;
    const keyOffset = i;
    const property: Node = {
      type: 'property',
      offset: keyOffset,
      length: -1,
      parent: node,
      children: EMPTY,
      colonOffset: -1,
    };
    const key = readKey();
    const keyNode: Node = {
      type: 'string',
      value: key,
      offset: keyOffset,
      length: i - keyOffset,
      parent: property,
    };
    skip();
    if (text.charCodeAt(i) !== 58) throw GIVE_UP;
    property.colonOffset = i;
    i++;
    skip();
    if (i >= n) throw GIVE_UP;
    const value = readValue(property, depth);
    property.children = [keyNode, value];
    property.length = value.offset + value.length - keyOffset;
    stack.push(property);
    separator(125);
  }
  return close(node, base);
}

function readArray(parent: Node | undefined, depth: number): Node {
  if (depth > maxDepth) throw GIVE_UP;
  const node: Node = { type: 'array', offset: i, length: -1, parent, children: EMPTY };
  const base = stack.length;
  i++;
  skip();
  while (text.charCodeAt(i) !== 93) {
    if (i >= n) throw GIVE_UP;
    stack.push(readValue(node, depth));
    separator(93);
  }
  return close(node, base);
}

/** After an item: a comma (a trailing one is allowed) or the closing bracket `closing`. */
function separator(closing: number): void {
  skip();
  const sep = text.charCodeAt(i);
  if (sep === 44) {
    i++;
    skip();
  } else if (sep !== closing) {
    throw GIVE_UP;
  }
}

/** Past the closing bracket: the node's length, and its children taken off the shared stack. */
function close(node: Node, base: number): Node {
  i++;
  node.length = i - node.offset;
  node.children = stack.slice(base);
  stack.length = base;
  return node;
}

export function fastParseTree(source: string, depthLimit: number): JsonNode | undefined {
  text = source;
  n = source.length;
  i = 0;
  maxDepth = depthLimit;
  stack.length = 0;
  try {
    skip();
    if (i >= n) return undefined; // empty content: let jsonc-parser decide what that is
    const value = readValue(undefined, 0);
    skip();
    if (i < n) return undefined; // text after the value: an error
    delete (value as Node).parent;
    return value;
  } catch (e) {
    if (e === GIVE_UP || e instanceof RangeError) return undefined; // RangeError: stack exhausted
    throw e;
  } finally {
    text = ''; // do not keep the document alive
    stack.length = 0;
  }
}
