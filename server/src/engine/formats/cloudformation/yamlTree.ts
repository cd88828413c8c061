/**
 * A YAML template as a located tree in jsonc-parser's shape, with CloudFormation's own names: the
 * tree a JSON template parses to, so that one converter reads both. Short-form intrinsic functions
 * (`!Ref X`, `!GetAtt A.B`, `!If [...]`, any `!Tag` as cfn-lint reads it) become their long form,
 * a one-key object (`{Ref: X}`, `{Fn::If: [...]}`) spanning the tag and its value. Plain scalars
 * are typed as cfn-lint's YAML reader (PyYAML, YAML 1.1) types them: `yes`/`on` are true, `0777`
 * is octal. Anchors, aliases and merge keys (CloudFormation rejects them) are opaque values.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Scalar,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import type { SyntaxProblem } from '../../input';
import type { Node as JsonNode } from '../../json';

/** The tree is built in place: jsonc-parser's node type with its fields writable. */
type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] } & { parent?: Node; children?: Node[] };

export const YAML_SYNTAX = 'yaml-syntax';

/** YAML nests deeper than this: the tree is not built (real templates nest fewer than 20 levels). */
export const MAX_YAML_DEPTH = 256;

export interface YamlTree {
  root: Node | undefined;
  syntaxErrors: SyntaxProblem[];
  /** Why the tree could not be read at all (nested too deep). */
  tooDeep?: boolean;
  /** Raw nodes CloudFormation cannot read as values (aliases, mappings with merge keys). */
  opaque: WeakSet<Node>;
  /**
   * Each part of the tree depends on its own text only (templateReuse.ts): the YAML is valid and
   * has no directive, anchor, alias or merge key, which tie one part of the text to another.
   */
  selfContained: boolean;
}

const PARSE_OPTIONS = {
  prettyErrors: false,
  keepSourceTokens: false,
  // cfn-lint reads `<<` as a merge key; CloudFormation does not: it stays a plain key here and
  // the mapping that holds it is opaque.
  merge: false,
  uniqueKeys: true,
  strict: false,
} as const;

export function parseYamlTemplate(text: string): YamlTree {
  const document = parseDocument(text, PARSE_OPTIONS);
  const syntaxErrors = firstPerLine(
    text,
    document.errors.map((e) => problem(text, e)),
  );
  const tooDeep = document.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION');
  const builder = new TreeBuilder(text);
  let root: Node | undefined;
  if (!tooDeep && document.contents) {
    root = builder.build(document.contents as YamlNode, undefined, 0);
    if (builder.tooDeep) root = undefined;
  }
  return {
    root,
    syntaxErrors,
    tooDeep: tooDeep || builder.tooDeep || undefined,
    opaque: builder.opaque,
    selfContained:
      root !== undefined &&
      document.errors.length === 0 &&
      builder.selfContained &&
      !/^%/m.test(text),
  };
}

/**
 * The one entry `key: value` of a block mapping written in `text` from `start` to `end` (whole
 * lines, a resource of the template), read alone as it reads in the whole text: undefined unless
 * that text is valid and self-contained (see YamlTree) and holds exactly that one entry. What comes
 * before it is blanked out as one comment line of the same length, so that every offset the parser
 * gives is the whole text's.
 */
export function parseYamlEntry(
  text: string,
  start: number,
  end: number,
  depth: number,
): Node | undefined {
  if (start < 2) return undefined;
  const padded = `#${' '.repeat(start - 2)}\n${text.slice(start, end)}`;
  const document = parseDocument(padded, PARSE_OPTIONS);
  const contents = document.contents;
  if (document.errors.length > 0 || !isMap(contents) || contents.items.length !== 1)
    return undefined;
  if (localTag(contents)) return undefined;
  const builder = new TreeBuilder(text);
  const mapping = builder.build(contents, undefined, depth);
  if (builder.tooDeep || !builder.selfContained) return undefined;
  return mapping.children![0];
}

/** One error per line: a line YAML cannot read often gives two or three, the first says it best. */
function firstPerLine(text: string, problems: SyntaxProblem[]): SyntaxProblem[] {
  const lines = new Set<number>();
  return problems.filter((p) => {
    const line = text.lastIndexOf('\n', p.offset - 1);
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}

/** A YAML parse error in plain words, at the text it is about. */
function problem(text: string, e: YAMLError): SyntaxProblem {
  const [start, end] = e.pos;
  let offset = Math.max(0, Math.min(start, text.length));
  let length = Math.max(0, Math.min(end, text.length) - offset);
  if (e.code === 'DUPLICATE_KEY') {
    // The whole key, not its first character.
    const key = /^[^:\r\n]*/.exec(text.slice(offset, offset + 256))![0].trimEnd();
    length = Math.max(length, key.length);
  } else if (e.code === 'MULTIPLE_DOCS') {
    // The marker that starts the second document.
    const marker = /^(---|\.\.\.)/m.exec(text.slice(offset, Math.max(end, offset + 1) + 4));
    if (marker) offset += marker.index;
    length = 3;
  }
  return { code: YAML_SYNTAX, offset, length, message: messageOf(text, e, offset, length) };
}

function messageOf(text: string, e: YAMLError, offset: number, length: number): string {
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return 'A tab indents this line: YAML indents with spaces only.';
    case 'DUPLICATE_KEY':
      return `The key ${text.slice(offset, offset + length).trim() || 'here'} appears twice in this mapping: CloudFormation rejects a template with a duplicate key.`;
    case 'MULTIPLE_DOCS':
      return 'A second YAML document starts here (---): a CloudFormation template is one document, and only the first one is checked.';
    case 'RESOURCE_EXHAUSTION':
      return 'The YAML nests too deep to be read.';
    default: {
      const said = e.message.replace(/\s+/g, ' ').replace(/\.$/, '');
      return `Not valid YAML: ${said.charAt(0).toLowerCase()}${said.slice(1)}.`;
    }
  }
}

// PyYAML's implicit resolvers (YAML 1.1), which cfn-lint reads templates with.
const NULL = /^(?:~|null|Null|NULL|)$/;
const TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A plain (unquoted) scalar as PyYAML resolves it: null, a boolean, an int, a float or a string. */
export function resolvePlain(source: string): null | boolean | number | string {
  if (NULL.test(source)) return null;
  if (TRUE.test(source)) return true;
  if (FALSE.test(source)) return false;
  if (INT.test(source)) return readInt(source);
  if (FLOAT.test(source)) return readFloat(source);
  return source;
}

function sexagesimal(digits: string): number {
  return digits.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function readInt(source: string): number {
  const sign = source.startsWith('-') ? -1 : 1;
  const body = source.replace(/^[-+]/, '').replace(/_/g, '');
  if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2);
  if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
  if (body.includes(':')) return sign * sexagesimal(body);
  if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body, 8);
  return sign * Number(body);
}

function readFloat(source: string): number {
  const sign = source.startsWith('-') ? -1 : 1;
  const body = source.replace(/^[-+]/, '').replace(/_/g, '').toLowerCase();
  if (body === '.inf') return sign * Infinity;
  if (body === '.nan') return NaN;
  if (body.includes(':')) {
    const [whole, fraction] = body.split('.');
    return sign * (sexagesimal(whole!) + Number(`0.${fraction ?? ''}`));
  }
  return sign * Number(body);
}

/** A local tag (`!Ref`), CloudFormation's short form; not a YAML standard tag (`!!str`). */
function localTag(node: YamlNode): string | undefined {
  const tag = node.tag;
  return tag && tag.startsWith('!') && !tag.startsWith('!!') && tag.length > 1 ? tag : undefined;
}

/** The long-form key of a short-form tag, as cfn-lint writes it: `!Ref` → Ref, `!Sub` → Fn::Sub. */
export function longFormKey(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

class TreeBuilder {
  readonly opaque = new WeakSet<Node>();
  tooDeep = false;
  /** No anchor, alias or merge key seen. */
  selfContained = true;

  constructor(private readonly text: string) {}

  build(node: YamlNode | null, parent: Node | undefined, depth: number): Node {
    if (depth > MAX_YAML_DEPTH) {
      this.tooDeep = true;
      return { type: 'null', offset: 0, length: 0, value: null, parent };
    }
    if (node === null) return { type: 'null', offset: 0, length: 0, value: null, parent };
    if (isAlias(node) || node.anchor !== undefined) this.selfContained = false;
    const tag = localTag(node);
    if (tag) return this.tagged(node, tag, parent, depth);
    return this.untagged(node, parent, depth);
  }

  /** `!Fn value` as `{ "Fn::Fn": value }`: the key spans the tag, the object the tag and the value. */
  private tagged(node: YamlNode, tag: string, parent: Node | undefined, depth: number): Node {
    const valueStart = node.range?.[0] ?? 0;
    const tagStart = this.tagStart(valueStart, tag);
    const object: Node = { type: 'object', offset: tagStart, length: 0, parent, children: [] };
    const property: Node = { type: 'property', offset: tagStart, length: 0, parent: object };
    const key: Node = {
      type: 'string',
      offset: tagStart,
      length: tag.length,
      value: longFormKey(tag),
      parent: property,
    };
    const value = isScalar(node)
      ? this.tagArgument(node, property, tagStart + tag.length)
      : this.untagged(node, property, depth + 1);
    const end = Math.max(value.offset + value.length, tagStart + tag.length);
    property.children = [key, value];
    property.length = end - tagStart;
    object.children = [property];
    object.length = end - tagStart;
    return object;
  }

  /** Where the tag written before a value starts (the value's range leaves its tag out). */
  private tagStart(valueStart: number, tag: string): number {
    const text = this.text;
    let i = valueStart;
    // Step back over spaces, line breaks and an anchor (`!Ref &a X`) to the tag itself.
    for (let guard = 0; guard < 8 && i > 0; guard++) {
      while (i > 0 && /\s/.test(text[i - 1]!)) i--;
      let start = i;
      while (start > 0 && !/[\s,[{:]/.test(text[start - 1]!)) start--;
      const token = text.slice(start, i);
      if (token === tag) return start;
      if (!token.startsWith('&') && !token.startsWith('!')) break;
      i = start;
    }
    return valueStart;
  }

  private untagged(node: YamlNode, parent: Node | undefined, depth: number): Node {
    if (isScalar(node)) return this.scalar(node, parent);
    if (isAlias(node)) return this.opaqueNode(node, parent);
    if (isMap(node)) {
      const object: Node = {
        type: 'object',
        offset: node.range?.[0] ?? 0,
        length: 0,
        parent,
        children: [],
      };
      let end = object.offset;
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const property: Node = { type: 'property', offset: 0, length: 0, parent: object };
        const key = this.key(keyNode, property, end);
        const rawValue = pair.value as YamlNode | null;
        let value = this.build(rawValue, property, depth + 1);
        if (rawValue === null) {
          // `Key:` with nothing after it: null, where the colon ends.
          value = { type: 'null', offset: key.offset + key.length, length: 0, value: null };
          value.parent = property;
        }
        if (key.value === '<<' && keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN') {
          this.opaque.add(object);
          this.selfContained = false;
        }
        property.offset = key.offset;
        property.length =
          Math.max(value.offset + value.length, key.offset + key.length) - key.offset;
        property.children = [key, value];
        object.children!.push(property);
        end = property.offset + property.length;
      }
      if (node.flow) end = node.range?.[1] ?? end;
      object.length = Math.max(0, end - object.offset);
      return object;
    }
    if (isSeq(node)) {
      const array: Node = {
        type: 'array',
        offset: node.range?.[0] ?? 0,
        length: 0,
        parent,
        children: [],
      };
      let end = array.offset;
      for (const item of node.items) {
        const element = this.build(item as YamlNode | null, array, depth + 1);
        array.children!.push(element);
        end = Math.max(end, element.offset + element.length);
      }
      if (node.flow) end = node.range?.[1] ?? end;
      array.length = Math.max(0, end - array.offset);
      return array;
    }
    return { type: 'null', offset: 0, length: 0, value: null, parent };
  }

  private key(node: YamlNode | null, parent: Node, fallback: number): Node {
    // A complex key is not read, so what it holds (an alias?) is not known.
    if (node && (!isScalar(node) || node.anchor !== undefined)) this.selfContained = false;
    if (node && isScalar(node)) {
      const [start, end] = node.range ?? [fallback, fallback];
      const value = node.type === 'PLAIN' ? this.text.slice(start, end) : String(node.value ?? '');
      return { type: 'string', offset: start, length: end - start, value, parent };
    }
    // A complex key (`? [a, b]`): no property CloudFormation knows has one.
    const start = node?.range?.[0] ?? fallback;
    const end = node?.range?.[1] ?? fallback;
    return { type: 'string', offset: start, length: end - start, value: '', parent };
  }

  private scalar(node: Scalar, parent: Node | undefined): Node {
    const [start, end] = node.range ?? [0, 0];
    const base = { offset: start, length: end - start, parent };
    if (node.type === 'PLAIN' && (node.tag === undefined || localTag(node))) {
      const value = resolvePlain(this.text.slice(start, end));
      return value === null
        ? { ...base, type: 'null', value: null }
        : { ...base, type: typeof value as 'boolean' | 'number' | 'string', value };
    }
    const value: unknown = node.value;
    if (value === null || value === undefined) return { ...base, type: 'null', value: null };
    if (typeof value === 'boolean') return { ...base, type: 'boolean', value };
    if (typeof value === 'number') return { ...base, type: 'number', value };
    if (typeof value === 'bigint') return { ...base, type: 'number', value: Number(value) };
    return { ...base, type: 'string', value: String(value) };
  }

  /** The scalar after a tag: always a string, as cfn-lint reads it (`!Ref AWS::NoValue`, `!Sub 1`). */
  private tagArgument(node: Scalar, parent: Node, tagEnd: number): Node {
    const [start, end] = node.range ?? [tagEnd, tagEnd];
    // `!Ref` with nothing after it: an empty string where the tag ends.
    if (end <= start) return { type: 'string', offset: tagEnd, length: 0, value: '', parent };
    const value = node.type === 'PLAIN' ? this.text.slice(start, end) : String(node.value ?? '');
    return { type: 'string', offset: start, length: end - start, value, parent };
  }

  private opaqueNode(node: YamlNode, parent: Node | undefined): Node {
    const [start, end] = node.range ?? [0, 0];
    const result: Node = {
      type: 'string',
      offset: start,
      length: end - start,
      value: this.text.slice(start, end),
      parent,
    };
    this.opaque.add(result);
    return result;
  }
}
