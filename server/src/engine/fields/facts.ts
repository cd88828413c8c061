/**
 * The shape of the field table: what the engine knows about each field of a task definition, and
 * the small builders the table is written with. A shape is a JSON object type of the ECS API
 * (TaskDefinition, ContainerDefinition, PortMapping, …); each of its fields says what value it
 * takes, whether ECS requires it, a one-line description (hovers and the JSON schema show it) and
 * where AWS documents it.
 */

/** What a field's value is. `object` and `array` name the shape or item they hold, so the table can be walked. */
export type ValueFacts =
  | {
      type: 'string';
      /** The values ECS accepts, in the order our messages list them. */
      enum?: readonly string[];
      /** One sentence per enum value, in the same order. */
      enumDescriptions?: readonly string[];
      /**
       * The language server completes the value itself, in context (the likely one first): the
       * schema checks it with a pattern instead of an enum, since VS Code's JSON service would
       * offer every enum value a second time beside ours.
       */
      completedByServer?: boolean;
      /** A pattern the whole value must match (ECMAScript syntax, as JSON schema uses). */
      pattern?: string;
      /** What the pattern means, for people. */
      patternMessage?: string;
      minLength?: number;
      maxLength?: number;
    }
  | {
      type: 'integer';
      minimum?: number;
      maximum?: number;
      /** Set when the number counts seconds, so that words can say "s". */
      unit?: 'seconds';
    }
  | { type: 'boolean' }
  /** ISO 8601 text (AWS CLI v2) or epoch seconds (CLI v1): describe output prints both. */
  | { type: 'timestamp' }
  /**
   * A string in the API that people also write as a number: the task's cpu ("1024", 1024,
   * "1 vCPU") and memory ("2048", 2048, "2 GB"). `pattern` is the string form.
   */
  | { type: 'amount'; pattern: string; patternMessage: string }
  /** An object of string values (dockerLabels, log options, …). */
  | { type: 'map' }
  | { type: 'object'; shape: string }
  | { type: 'array'; items: ValueFacts; minItems?: number; maxItems?: number };

export interface FieldFacts {
  /** The key, as the ECS API (and the JSON) spells it. */
  name: string;
  /** The shape the field belongs to: where it may appear. */
  shape: string;
  value: ValueFacts;
  /** ECS rejects the object without it. */
  required: boolean;
  /** Printed by describe-task-definition, not accepted by register-task-definition. */
  readOnly: boolean;
  /** One line for people: hovers and the JSON schema show it. */
  description: string;
  /** What ECS uses when the field is absent, when that is a JSON value. */
  default?: string | number | boolean;
  /** What absence means when it is not a value (e.g. "off"). */
  whenAbsent?: string;
  /** The field's entry in the ECS API Reference. */
  link: string;
  /** The field's section of the Developer Guide's task definition parameters page, when it has one. */
  guide?: string;
}

export interface ShapeFacts {
  name: string;
  /** One line about the object as a whole (list items and the roots have one). */
  description?: string;
  /** The shape's page in the ECS API Reference. */
  link: string;
  /** The fields, in the order the API lists them. */
  fields: readonly FieldFacts[];
  /** The object must have at least (at most) this many fields: a union of the API. */
  minFields?: number;
  maxFields?: number;
}

export const API_REFERENCE = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/';
export const PARAMETERS_GUIDE =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html';

/** A link to one section of the Developer Guide's task definition parameters page. */
export function guideLink(anchor: string): string {
  return `${PARAMETERS_GUIDE}#${anchor}`;
}

/** "a, b, c or d" (or "… and d"): a list of values as our messages write it. */
export function wordList(values: readonly string[], last: 'or' | 'and' = 'or'): string {
  return values.length <= 1
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}`;
}

// ---- builders -----------------------------------------------------------------------------
// A field as written in the table: its value and words; the shape adds its name, whether it is
// required and its link.

export interface FieldSpec {
  value: ValueFacts;
  description: string;
  default?: string | number | boolean;
  whenAbsent?: string;
  readOnly?: boolean;
  guide?: string;
}

type Extra = Partial<Pick<FieldSpec, 'default' | 'whenAbsent' | 'guide'>>;

/** ECS names (containers, volumes, families): letters, digits, hyphens and underscores. */
export const NAME_PATTERN = '^[A-Za-z0-9_-]{1,255}$';
export const NAME_RULE = 'Up to 255 letters, digits, hyphens (-) and underscores (_).';

export const text = (
  description: string,
  extra: Extra & { minLength?: number; maxLength?: number } = {},
): FieldSpec => {
  const { minLength, maxLength, ...rest } = extra;
  return { description, ...rest, value: { type: 'string', minLength, maxLength } };
};
export const name = (description: string, extra: Extra = {}): FieldSpec => ({
  description,
  ...extra,
  value: { type: 'string', pattern: NAME_PATTERN, patternMessage: NAME_RULE },
});
export const int = (
  description: string,
  extra: Extra & { min?: number; max?: number; unit?: 'seconds' } = {},
): FieldSpec => {
  const { min, max, unit, ...rest } = extra;
  return { description, ...rest, value: { type: 'integer', minimum: min, maximum: max, unit } };
};
export const bool = (description: string, extra: Extra = {}): FieldSpec => ({
  description,
  ...extra,
  value: { type: 'boolean' },
});
export const enumOf = (
  values: readonly string[],
  description: string,
  extra: Extra & { enumDescriptions?: readonly string[]; completedByServer?: boolean } = {},
): FieldSpec => {
  const { enumDescriptions, completedByServer, ...rest } = extra;
  return {
    description,
    ...rest,
    value: { type: 'string', enum: values, enumDescriptions, completedByServer },
  };
};
export const strings = (
  description: string,
  extra: Extra & { minItems?: number; maxItems?: number } = {},
): FieldSpec => arrayOf({ type: 'string' }, description, extra);
export const enumList = (values: readonly string[], description: string): FieldSpec =>
  arrayOf({ type: 'string', enum: values }, description);
export const ints = (description: string, extra: { maxItems?: number } = {}): FieldSpec =>
  arrayOf({ type: 'integer' }, description, extra);
export const list = (
  shape: string,
  description: string,
  extra: Extra & { minItems?: number; maxItems?: number } = {},
): FieldSpec => arrayOf({ type: 'object', shape }, description, extra);
export const map = (description: string, extra: Extra = {}): FieldSpec => ({
  description,
  ...extra,
  value: { type: 'map' },
});
export const struct = (shape: string, description: string, extra: Extra = {}): FieldSpec => ({
  description,
  ...extra,
  value: { type: 'object', shape },
});
export const timestamp = (description: string): FieldSpec => ({
  description,
  value: { type: 'timestamp' },
});
export const readOnly = (field: FieldSpec): FieldSpec => ({ ...field, readOnly: true });

function arrayOf(
  items: ValueFacts,
  description: string,
  extra: Extra & { minItems?: number; maxItems?: number } = {},
): FieldSpec {
  const { minItems, maxItems, ...rest } = extra;
  return { description, ...rest, value: { type: 'array', items, minItems, maxItems } };
}

export interface ShapeSpec {
  description?: string;
  required?: readonly string[];
  fields: Record<string, FieldSpec>;
  minFields?: number;
  maxFields?: number;
  /** The API Reference entry of a field, when it is not on the shape's own page. */
  link?: (field: string) => string;
  /** The shape's page, when it is not API_<shape>.html. */
  page?: string;
}

/** The API Reference entry of a member of a data type. */
export function typeLink(shape: string): (field: string) => string {
  return (field) => `${API_REFERENCE}API_${shape}.html#ECS-Type-${shape}-${field}`;
}

/** A shape of the table from its spec: every field knows its shape, whether it is required and its link. */
export function shape(shapeName: string, spec: ShapeSpec): ShapeFacts {
  const required = spec.required ?? [];
  for (const r of required)
    if (!(r in spec.fields)) throw new Error(`${shapeName}: required ${r} is not a field`);
  const link = spec.link ?? typeLink(shapeName);
  const fields = Object.entries(spec.fields).map(([key, f]): FieldFacts => ({
    name: key,
    shape: shapeName,
    value: withoutUndefined(f.value),
    required: required.includes(key),
    readOnly: f.readOnly ?? false,
    description: f.description,
    ...(f.default !== undefined ? { default: f.default } : {}),
    ...(f.whenAbsent !== undefined ? { whenAbsent: f.whenAbsent } : {}),
    // describe-task-definition's fields are members of the TaskDefinition data type.
    link: f.readOnly ? typeLink('TaskDefinition')(key) : link(key),
    ...(f.guide !== undefined ? { guide: f.guide } : {}),
  }));
  return {
    name: shapeName,
    ...(spec.description ? { description: spec.description } : {}),
    link: spec.page ?? `${API_REFERENCE}API_${shapeName}.html`,
    fields,
    ...(spec.minFields ? { minFields: spec.minFields } : {}),
    ...(spec.maxFields ? { maxFields: spec.maxFields } : {}),
  };
}

/** The value without keys the builders left undefined, so the table prints and compares cleanly. */
function withoutUndefined(value: ValueFacts): ValueFacts {
  const out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  if (value.type === 'array') out.items = withoutUndefined(value.items);
  return out as ValueFacts;
}
