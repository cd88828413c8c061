/**
 * From a template's tree (CloudFormation's names, intrinsic functions in their long form) to the
 * task definitions it holds: each AWS::ECS::TaskDefinition resource's Properties as a tree with
 * register-task-definition's names and CloudFormation's typing, at the template's own offsets.
 *
 * - A property's name maps by the generated table (`EFSVolumeConfiguration` → efsVolumeConfiguration);
 *   a name CloudFormation does not know (`containerName` written in camelCase) stays unknown, so no
 *   rule reads it as the field it resembles. Free-form maps (DockerLabels, Options) keep their keys.
 * - A scalar takes the property's type as CloudFormation converts it: `Essential: "true"` is true,
 *   `Cpu: 256` is the string "256", `ContainerPort: "80"` is 80. A value of another shape stays as
 *   written (cfn-lint reports those).
 * - An intrinsic function is a placeholder string (intrinsics.ts); `Ref: AWS::NoValue` is absent.
 * - Resource-level keys (DependsOn, Condition, Metadata) are not part of the task definition.
 */
import type { TaskDefinitionInput } from '../../input';
import { prop, type Node as JsonNode } from '../../json';

/** The tree is built in place: jsonc-parser's node type with its fields writable. */
type Node = { -readonly [K in keyof JsonNode]: JsonNode[K] } & { parent?: Node; children?: Node[] };
import type { Span } from '../../types';
import {
  intrinsicOf,
  isAlwaysNoValue,
  placeholderOf,
  placeholderText,
  substitute,
} from './intrinsics';
import { propertyOf, ROOT, TASK_DEFINITION_TYPE, UNKNOWN, type ValueType } from './schema';

/** The key a property CloudFormation does not know gets: never the name of an API field. */
export const UNKNOWN_KEY_PREFIX = '?';

/** CloudFormation reads these strings as booleans (cfn-lint's BOOLEAN_STRINGS). */
const BOOLEAN_STRINGS = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

export interface TemplateRead {
  /** The template has at least one AWS::ECS::TaskDefinition resource. */
  hasTaskDefinition: boolean;
  definitions: TaskDefinitionInput[];
  /** What each converted object and array is, for the editors. */
  types: WeakMap<Node, ValueType>;
  /** The template's own node each converted object came from (it may hold what the reader left out). */
  origins: WeakMap<Node, Node>;
  /** Where the text that may belong to each task definition ends: where the next resource starts. */
  extents: Map<TaskDefinitionInput, number>;
}

export interface ConvertOptions {
  text: string;
  /** Raw nodes to read as opaque values (YAML aliases, mappings with merge keys). */
  opaque?: WeakSet<Node>;
  /** The file is `cdk synth` output whatever its metadata says (it is under cdk.out). */
  cdkOutput?: boolean;
}

const ABSENT = Symbol('absent');
type Converted = Node | typeof ABSENT;

export function readTemplate(root: Node | undefined, options: ConvertOptions): TemplateRead {
  const converter = new Converter(options);
  const result: TemplateRead = {
    hasTaskDefinition: false,
    definitions: [],
    types: converter.types,
    origins: converter.origins,
    extents: new Map(),
  };
  const resources = prop(root, 'Resources');
  if (resources?.type !== 'object') return result;
  const all = resources.children ?? [];
  for (const [i, resource] of all.entries()) {
    // A body that is not a mapping, or not typed yet, has no Type.
    const [idNode, body] = resource.children ?? [];
    if (!idNode || !isTaskDefinitionType(prop(body, 'Type'))) continue;
    result.hasTaskDefinition = true;
    const properties = prop(body, 'Properties');
    if (properties?.type !== 'object' || intrinsicOf(properties)) continue;
    const task = converter.object(properties, ROOT, undefined);
    const name = String(idNode.value);
    const constructPath = cdkPath(body);
    const input: TaskDefinitionInput = {
      kind: 'task',
      root: task,
      taskNode: task,
      containersNode: prop(task, 'containerDefinitions'),
      name,
      nameSpan: { offset: idNode.offset, length: idNode.length },
      span: spanOf(resource),
      suppliedByFormat: ['family'],
    };
    if (constructPath !== undefined) input.constructPath = constructPath;
    if (constructPath !== undefined || options.cdkOutput)
      input.generated = generatedSentence(constructPath ?? name);
    result.definitions.push(input);
    result.extents.set(input, all[i + 1]?.offset ?? Infinity);
  }
  return result;
}

function isTaskDefinitionType(node: Node | undefined): boolean {
  return node?.type === 'string' && String(node.value).trim() === TASK_DEFINITION_TYPE;
}

function spanOf(node: Node): Span {
  return { offset: node.offset, length: node.length };
}

function cdkPath(resource: Node | undefined): string | undefined {
  const path = prop(prop(resource, 'Metadata'), 'aws:cdk:path');
  return path?.type === 'string' && String(path.value) !== '' ? String(path.value) : undefined;
}

/** The construct a CDK path names: `Stack/Service/TaskDef/Resource` is the construct `Stack/Service/TaskDef`. */
export function constructName(path: string): string {
  return path.replace(/\/(Resource|Default)$/, '');
}

function generatedSentence(path: string): string {
  return `This template is cdk synth output: make the change in the CDK app's code for ${constructName(path)} and synthesize again.`;
}

class Converter {
  readonly types = new WeakMap<Node, ValueType>();
  readonly origins = new WeakMap<Node, Node>();
  private readonly text: string;
  private readonly opaque: WeakSet<Node> | undefined;

  constructor(options: ConvertOptions) {
    this.text = options.text;
    this.opaque = options.opaque;
  }

  /** An object of a CloudFormation type: its properties under their API names. */
  object(raw: Node, type: ValueType & { kind: 'object' }, parent: Node | undefined): Node {
    return this.mapping(raw, parent, type, (name) => {
      const info = propertyOf(type.name, name);
      return { type: info?.type ?? UNKNOWN, key: info ? info.api : `${UNKNOWN_KEY_PREFIX}${name}` };
    });
  }

  /** A value of the given type, or ABSENT where the template leaves it out (`AWS::NoValue`). */
  value(raw: Node, type: ValueType, parent: Node): Converted {
    if (this.opaque?.has(raw)) return this.placeholder(raw, parent, opaqueText(this.text, raw));
    const f = intrinsicOf(raw);
    if (f) {
      if (isAlwaysNoValue(raw)) return ABSENT;
      if (f.name === 'Fn::Sub') {
        const text = substitute(f.argument);
        if (text !== undefined) return this.placeholder(raw, parent, text);
      }
      return this.placeholder(raw, parent, placeholderOf(raw));
    }
    switch (type.kind) {
      case 'String':
        return raw.type === 'number' || raw.type === 'boolean'
          ? this.scalar(raw, parent, 'string', this.scalarText(raw))
          : this.asWritten(raw, parent);
      case 'Integer':
        // A number that is an integer reads as itself.
        return /^\s*[-+]?\d+\s*$/.test(String(raw.value))
          ? this.scalar(raw, parent, 'number', Number(raw.value))
          : this.asWritten(raw, parent);
      case 'Boolean':
        // A boolean (not only one of these strings) reads as itself.
        return BOOLEAN_STRINGS.has(String(raw.value))
          ? this.scalar(raw, parent, 'boolean', BOOLEAN_STRINGS.get(String(raw.value)))
          : this.asWritten(raw, parent);
      case 'object':
        return raw.type === 'object' ? this.object(raw, type, parent) : this.asWritten(raw, parent);
      case 'list':
        return raw.type === 'array' ? this.list(raw, type, parent) : this.asWritten(raw, parent);
      case 'map':
        return raw.type === 'object' ? this.map(raw, parent) : this.asWritten(raw, parent);
      default:
        return this.asWritten(raw, parent);
    }
  }

  private list(raw: Node, type: ValueType & { kind: 'list' }, parent: Node): Node {
    return this.sequence(raw, parent, type, type.element);
  }

  /** A free-form map: the user's keys, string values. */
  private map(raw: Node, parent: Node): Node {
    return this.keyed(raw, parent, { kind: 'map' }, { kind: 'String' });
  }

  /** A value whose shape is not the property's: kept as written, its intrinsics still read. */
  private asWritten(raw: Node, parent: Node): Node {
    if (raw.type === 'object') return this.keyed(raw, parent, UNKNOWN, UNKNOWN);
    if (raw.type === 'array') return this.sequence(raw, parent, UNKNOWN, UNKNOWN);
    return { type: raw.type, offset: raw.offset, length: raw.length, value: raw.value, parent };
  }

  /** An array, recorded as of `type`, whose elements are read as `element`. */
  private sequence(raw: Node, parent: Node, type: ValueType, element: ValueType): Node {
    const array: Node = { type: 'array', offset: raw.offset, length: raw.length, parent };
    array.children = [];
    this.types.set(array, type);
    this.origins.set(array, raw);
    for (const item of raw.children ?? []) {
      const value = this.value(item, element, array);
      if (value !== ABSENT) array.children.push(value);
    }
    return array;
  }

  /** An object with the user's own keys, recorded as of `type`, whose values are read as `values`. */
  private keyed(raw: Node, parent: Node, type: ValueType, values: ValueType): Node {
    return this.mapping(raw, parent, type, () => ({ type: values }));
  }

  /**
   * A mapping, recorded as of `type`: each property's value read as `field(name).type`, under the
   * key `field(name).key` (the API's name), or as the template writes it when that is undefined.
   */
  private mapping(
    raw: Node,
    parent: Node | undefined,
    type: ValueType,
    field: (name: string) => { type: ValueType; key?: string },
  ): Node {
    const object: Node = { type: 'object', offset: raw.offset, length: raw.length, parent };
    object.children = [];
    this.types.set(object, type);
    this.origins.set(object, raw);
    for (const p of raw.children ?? []) {
      const [rawKey, rawValue] = p.children ?? [];
      if (!rawKey || !rawValue) continue;
      const read = field(String(rawKey.value));
      const property: Node = {
        type: 'property',
        offset: p.offset,
        length: p.length,
        parent: object,
      };
      const value = this.value(rawValue, read.type, property);
      if (value === ABSENT) continue;
      const key: Node =
        read.key === undefined
          ? { ...rawKey, parent: property, children: undefined }
          : {
              type: 'string',
              offset: rawKey.offset,
              length: rawKey.length,
              value: read.key,
              parent: property,
            };
      property.children = [key, value];
      object.children.push(property);
    }
    return object;
  }

  private scalar(raw: Node, parent: Node, type: Node['type'], value: unknown): Node {
    return { type, offset: raw.offset, length: raw.length, value, parent };
  }

  /**
   * A number or boolean as CloudFormation passes it on where a string belongs: a number as written
   * (every YAML number starts with a digit, a sign or a dot), a boolean as `true` or `false`.
   */
  private scalarText(raw: Node): string {
    const written = this.text.slice(raw.offset, raw.offset + raw.length).trim();
    return /^[-+0-9.]/.test(written) ? written : String(raw.value);
  }

  private placeholder(raw: Node, parent: Node, value: string): Node {
    return { type: 'string', offset: raw.offset, length: raw.length, value, parent };
  }
}

/** An alias or a mapping with a merge key: a placeholder naming what it is. */
function opaqueText(text: string, raw: Node): string {
  if (raw.type === 'object') return placeholderText(`YAML merge key at ${raw.offset}`);
  return placeholderText(
    `YAML alias ${text.slice(raw.offset, raw.offset + Math.min(raw.length, 60))}`,
  );
}
