/**
 * HCL → the engine's located tree. A resource block becomes an object whose properties are the
 * register-task-definition fields its arguments and blocks set (schema.ts), each key node at the
 * user's own key text (`network_mode`) and holding the API's name (`networkMode`); the containers in
 * `jsonencode(...)` keep the names they are written with. Every value the file does not spell out
 * (a reference, a function call, a conditional, a `for` expression) becomes a placeholder string
 * spanning the expression: present, but unknown. A list that such an expression helps build
 * (`concat(...)`, a `dynamic` block) holds a placeholder element, which makes it open.
 */
import type { Node } from '../../json';
import {
  blockHead,
  blockParts,
  decodeHeredocLiteral,
  decodeQuoted,
  expressionText,
  interpolationPlaceholder,
  labelText,
  literalOf,
  namedOf,
  placeholderFor,
  unwrap,
  type TsNode,
} from './hcl';
import { readHeredocJson, type HeredocJson } from './heredoc';
import type { SyntaxProblem } from '../../input';
import type { ArgumentType, Schema } from './schema';

/** jsonc-parser's node shape, built here (its fields are read-only in jsonc-parser's type). */
interface Built {
  type: Node['type'];
  offset: number;
  length: number;
  value?: unknown;
  children?: Built[];
  parent?: Built;
  colonOffset?: number;
}

/** Where a node of the tree comes from, for the editor: anything not plain HCL or JSON text. */
export type Origin =
  /** The object of a block (the resource, `volume`, `runtime_platform`): `{` and `}` offsets. */
  | { kind: 'block'; open: number; close: number | undefined; schema: Schema }
  /** The list of a repeated block (`volume` blocks): `owner` is the block that holds them. */
  | { kind: 'blocks'; name: string; owner: Node; schema: Schema }
  /** Made from text written otherwise (`host_path`, a `properties` map, `concat(...)`): not editable. */
  | { kind: 'synthetic' };

export interface Conversion {
  text: string;
  /** How deep the value being converted nests (deeper ones are not read: see MAX_DEPTH). */
  depth: number;
  origins: Map<Node, Origin>;
  /** The heredocs read as JSON: their nodes are edited as JSON. */
  heredocs: HeredocJson[];
  syntaxErrors: SyntaxProblem[];
}

function node(
  type: Built['type'],
  offset: number,
  length: number,
  parent: Built | undefined,
  value?: unknown,
): Built {
  const n: Built = { type, offset, length, parent };
  if (value !== undefined) n.value = value;
  if (type === 'object' || type === 'array' || type === 'property') n.children = [];
  return n;
}

function spanNode(type: Built['type'], ts: TsNode, parent: Built | undefined, value?: unknown) {
  return node(type, ts.startIndex, ts.endIndex - ts.startIndex, parent, value);
}

function asNode(n: Built): Node {
  return n as unknown as Node;
}

/** A placeholder string spanning an expression the file does not spell out. */
function unknownValue(ts: TsNode, parent: Built | undefined): Built {
  return spanNode('string', ts, parent, placeholderFor(expressionText(ts)));
}

function literalNode(ts: TsNode, parent: Built | undefined, value: unknown): Built {
  const type =
    value === null
      ? 'null'
      : typeof value === 'string'
        ? 'string'
        : typeof value === 'number'
          ? 'number'
          : 'boolean';
  return spanNode(type, ts, parent, value);
}

/**
 * A quoted template (`"demo-${var.env}"`): the string with its interpolations as placeholders. A
 * template directive (`%{ if … }`) makes the whole string unknown.
 */
function templateString(template: TsNode): string | undefined {
  let out = '';
  for (const part of namedOf(template)) {
    if (part.type === 'template_literal') out += decodeQuoted(part.text);
    else if (part.type === 'template_interpolation') out += interpolationPlaceholder(part);
    else if (part.type === 'template_directive') return undefined;
  }
  return out;
}

/**
 * A heredoc as a string value (a script in a container's command): its lines without the common
 * indentation of `<<-`, interpolations as placeholders.
 */
function heredocString(text: string, heredoc: TsNode): string | undefined {
  const parts = namedOf(heredoc);
  const open = parts.find((p) => p.type === 'heredoc_identifier');
  const close = [...parts].reverse().find((p) => p.type === 'heredoc_identifier');
  if (!open || !close || open === close) return undefined;
  const bodyStart = text.indexOf('\n', open.endIndex) + 1;
  const closeLine = text.lastIndexOf('\n', close.startIndex - 1) + 1;
  if (bodyStart <= 0 || closeLine < bodyStart) return '';
  let out = '';
  let at = bodyStart;
  for (const part of parts) {
    if (part.type === 'template_directive') return undefined;
    if (part.type !== 'template_interpolation') continue;
    out += decodeHeredocLiteral(text.slice(at, part.startIndex)) + interpolationPlaceholder(part);
    at = part.endIndex;
  }
  out += decodeHeredocLiteral(text.slice(at, closeLine));
  if (text.slice(heredoc.startIndex, heredoc.startIndex + 3) === '<<-') {
    const lines = out.split('\n');
    const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
    const strip = indents.length > 0 ? Math.min(...indents) : 0;
    out = lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)![0].length))).join('\n');
  }
  return out;
}

/**
 * An HCL value as JSON would encode it (the containers inside `jsonencode`): objects, tuples and
 * literals as written, anything computed as a placeholder.
 */
export function jsonValue(ts: TsNode, parent: Built | undefined, c: Conversion): Built {
  const v = unwrap(ts);
  if (c.depth >= MAX_DEPTH) return unknownValue(v, parent);
  c.depth++;
  try {
    return valueOf(v, parent, c);
  } finally {
    c.depth--;
  }
}

/** Values nested deeper than this are read as unknown: real container definitions nest fewer than 10. */
const MAX_DEPTH = 100;

function valueOf(v: TsNode, parent: Built | undefined, c: Conversion): Built {
  switch (v.type) {
    case 'literal_value': {
      const literal = literalOf(v);
      return literal ? literalNode(v, parent, literal.value) : unknownValue(v, parent);
    }
    case 'template_expr': {
      const inner = namedOf(v)[0];
      const value =
        inner?.type === 'quoted_template'
          ? templateString(inner)
          : inner?.type === 'heredoc_template'
            ? heredocString(c.text, inner)
            : undefined;
      return value !== undefined ? spanNode('string', v, parent, value) : unknownValue(v, parent);
    }
    case 'collection_value': {
      const inner = namedOf(v)[0];
      if (inner?.type === 'tuple') return tupleNode(inner, parent, c);
      if (inner?.type === 'object') return objectNode(inner, parent, c);
      return unknownValue(v, parent);
    }
    case 'function_call':
      return listFunction(v, parent, c) ?? unknownValue(v, parent);
    default:
      return unknownValue(v, parent);
  }
}

function tupleNode(tuple: TsNode, parent: Built | undefined, c: Conversion): Built {
  const arr = spanNode('array', tuple, parent);
  for (const el of namedOf(tuple))
    if (el.type === 'expression') arr.children!.push(jsonValue(el, arr, c));
  return arr;
}

/** Where the `=` or `:` between a key and its value is (-1 when there is none). */
function separatorBetween(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text[i] === '=' || text[i] === ':') return i;
  return -1;
}

/** The key of an object element: an identifier or a string means itself; anything else is unknown. */
function objectKey(key: TsNode): string | undefined {
  const k = unwrap(key);
  if (k.type === 'variable_expr') {
    const named = namedOf(k);
    return named.length === 1 && named[0]!.type === 'identifier' ? named[0]!.text : undefined;
  }
  if (k.type === 'literal_value') {
    const literal = literalOf(k);
    return typeof literal?.value === 'string' ? literal.value : undefined;
  }
  return undefined;
}

function objectNode(obj: TsNode, parent: Built | undefined, c: Conversion): Built {
  const o = spanNode('object', obj, parent);
  for (const el of namedOf(obj)) {
    if (el.type !== 'object_elem') continue;
    // An element is its key and its value (comments aside), `=` or `:` between them.
    const [key, val] = namedOf(el);
    if (!key || !val) continue;
    const prop = spanNode('property', el, o);
    const name = objectKey(key);
    prop.children!.push(spanNode('string', key, prop, name ?? placeholderFor(key.text)));
    const separator = separatorBetween(c.text, key.endIndex, val.startIndex);
    if (separator >= 0) prop.colonOffset = separator;
    prop.children!.push(jsonValue(val, prop, c));
    o.children!.push(prop);
  }
  return o;
}

/**
 * A function that builds a list from lists: `concat(a, b)` holds the elements of each tuple
 * argument and a placeholder element for any other (a list the file does not spell out), which
 * makes the list open; `flatten(x)` splices nested tuples; `tolist`/`toset` keep their tuple.
 */
function listFunction(call: TsNode, parent: Built | undefined, c: Conversion): Built | undefined {
  const named = namedOf(call);
  const name = named[0]?.text;
  const args =
    named[1]?.type === 'function_arguments'
      ? namedOf(named[1]).filter((a) => a.type === 'expression')
      : [];
  if ((name === 'tolist' || name === 'toset') && args.length === 1) {
    const inner = jsonValue(args[0]!, parent, c);
    return inner.type === 'array' ? inner : undefined;
  }
  if (name !== 'concat' && name !== 'flatten') return undefined;
  if (name === 'flatten' && args.length !== 1) return undefined;
  const list = spanNode('array', call, parent);
  c.origins.set(asNode(list), { kind: 'synthetic' });
  for (const arg of args) {
    const value = jsonValue(arg, list, c);
    if (value.type === 'array') {
      for (const el of value.children!) {
        if (name === 'flatten' && el.type === 'array') {
          for (const nested of el.children!) {
            nested.parent = list;
            list.children!.push(nested);
          }
        } else {
          el.parent = list;
          list.children!.push(el);
        }
      }
    } else list.children!.push(value);
  }
  return list;
}

/** An argument's value, converted as the provider's schema types it (Terraform converts literals). */
function typedValue(ts: TsNode, type: ArgumentType, parent: Built, c: Conversion): Built {
  const v = unwrap(ts);
  if (type === 'json') return containerDefinitions(v, parent, c);
  const literal = v.type === 'literal_value' ? literalOf(v) : undefined;
  if (literal && literal.value !== null) {
    const value = literal.value;
    if (type === 'string' && typeof value !== 'string')
      return literalNode(v, parent, String(value));
    if (type === 'number' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))
      return literalNode(v, parent, Number(value));
    if (type === 'bool' && (value === 'true' || value === 'false'))
      return literalNode(v, parent, value === 'true');
  }
  if (type === 'strings') {
    const list = jsonValue(v, parent, c);
    if (list.type === 'array')
      for (const el of list.children!)
        if (el.type === 'number' || el.type === 'boolean') {
          el.type = 'string';
          el.value = String(el.value);
        }
    return list;
  }
  if (type === 'name-value-list' && v.type === 'collection_value') {
    const obj = jsonValue(v, parent, c);
    if (obj.type !== 'object') return obj;
    // A map of properties is sent as [{ name, value }]: the same text, read as the API's shape.
    const list = node('array', obj.offset, obj.length, parent);
    c.origins.set(asNode(list), { kind: 'synthetic' });
    for (const prop of obj.children!) {
      const [key, value] = prop.children!;
      const pair = node('object', prop.offset, prop.length, list);
      c.origins.set(asNode(pair), { kind: 'synthetic' });
      pair.children!.push(
        member('name', key!, literalCopy(key!), pair),
        member('value', key!, value!, pair),
      );
      list.children!.push(pair);
    }
    return list;
  }
  return jsonValue(v, parent, c);
}

function literalCopy(n: Built): Built {
  return { type: n.type, offset: n.offset, length: n.length, value: n.value };
}

/** A property of a synthetic object: its key at `keyAt`'s text, its value `value`. */
function member(field: string, keyAt: Built, value: Built, parent: Built): Built {
  const prop = node('property', keyAt.offset, value.offset + value.length - keyAt.offset, parent);
  const key = node('string', keyAt.offset, keyAt.length, prop, field);
  value.parent = prop;
  prop.children!.push(key, value);
  return prop;
}

/**
 * `container_definitions`: `jsonencode(...)` of HCL values, a heredoc of JSON, or something the
 * file does not spell out (`file(...)`, `templatefile(...)`, a reference): a placeholder.
 */
function containerDefinitions(v: TsNode, parent: Built, c: Conversion): Built {
  if (v.type === 'function_call') {
    const named = namedOf(v);
    if (named[0]?.text === 'jsonencode' && named[1]?.type === 'function_arguments') {
      const args = namedOf(named[1]).filter((a) => a.type === 'expression');
      if (args.length === 1) return jsonValue(args[0]!, parent, c);
    }
    return unknownValue(v, parent);
  }
  if (v.type === 'template_expr') {
    const inner = namedOf(v)[0];
    if (inner?.type === 'heredoc_template') {
      const json = readHeredocJson(c.text, inner);
      if (json) {
        c.heredocs.push(json);
        c.syntaxErrors.push(...json.syntaxErrors);
        if (json.root) {
          const root = json.root as unknown as Built;
          root.parent = parent;
          return root;
        }
      }
    }
  }
  return unknownValue(v, parent);
}

/**
 * A block (the resource, or one nested in it) as an object of the fields its arguments and blocks
 * set. Arguments and blocks the schema does not know are left out (`terraform validate` reports
 * them); a `dynamic` block adds a placeholder element to its list, or makes its object unknown.
 */
export function blockObject(
  block: TsNode,
  schema: Schema,
  parent: Built | undefined,
  c: Conversion,
): Built {
  const obj = spanNode('object', block, parent);
  const { body, open, close } = blockParts(block);
  c.origins.set(asNode(obj), {
    kind: 'block',
    open: open ? open.startIndex : block.startIndex,
    close: close?.startIndex,
    schema,
  });
  const lists = new Map<string, Built>();
  const listOf = (
    name: string,
    field: string,
    keyTs: TsNode,
    blockSchema: Schema,
    first: TsNode,
  ): Built => {
    let list = lists.get(name);
    if (!list) {
      const prop = spanNode('property', first, obj);
      prop.children!.push(spanNode('string', keyTs, prop, field));
      list = node('array', first.startIndex, 0, prop);
      c.origins.set(asNode(list), {
        kind: 'blocks',
        name,
        owner: asNode(obj),
        schema: blockSchema,
      });
      prop.children!.push(list);
      obj.children!.push(prop);
      lists.set(name, list);
    }
    return list;
  };
  for (const item of body ? namedOf(body) : []) {
    if (item.type === 'attribute') {
      const [nameTs, valueTs] = namedOf(item);
      if (!nameTs || !valueTs) continue;
      const argument = schema.arguments[nameTs.text];
      if (!argument) continue;
      const prop = spanNode('property', item, obj);
      const eq = separatorBetween(c.text, nameTs.endIndex, valueTs.startIndex);
      if (eq >= 0) prop.colonOffset = eq;
      prop.children!.push(spanNode('string', nameTs, prop, argument.field));
      if (argument.member) {
        // `host_path = "/data"` is `host: { sourcePath: "/data" }`.
        const inner = node(
          'object',
          valueTs.startIndex,
          valueTs.endIndex - valueTs.startIndex,
          prop,
        );
        c.origins.set(asNode(inner), { kind: 'synthetic' });
        const memberProp = spanNode('property', item, inner);
        memberProp.children!.push(spanNode('string', nameTs, memberProp, argument.member));
        memberProp.children!.push(typedValue(valueTs, argument.type, memberProp, c));
        inner.children!.push(memberProp);
        prop.children!.push(inner);
      } else prop.children!.push(typedValue(valueTs, argument.type, prop, c));
      obj.children!.push(prop);
    } else if (item.type === 'block') {
      const head = blockHead(item);
      const dynamic = head.type === 'dynamic' && head.labels.length === 1;
      const name = dynamic ? labelText(head.labels[0]!) : head.type;
      const type = schema.blocks[name];
      if (!type) continue;
      const keyTs = dynamic ? head.labels[0]! : namedOf(item)[0]!;
      if (type.list) {
        const list = listOf(name, type.field, keyTs, type.schema, item);
        const element = dynamic
          ? unknownValue(item, list)
          : blockObject(item, type.schema, list, c);
        list.children!.push(element);
        // The list spans its blocks (and whatever stands between them).
        list.length = item.endIndex - list.offset;
        list.parent!.length = list.offset + list.length - list.parent!.offset;
      } else {
        const prop = spanNode('property', item, obj);
        prop.children!.push(spanNode('string', keyTs, prop, type.field));
        prop.children!.push(
          dynamic ? unknownValue(item, prop) : blockObject(item, type.schema, prop, c),
        );
        obj.children!.push(prop);
      }
    }
  }
  return obj;
}
