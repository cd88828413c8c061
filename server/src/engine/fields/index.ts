/**
 * The field table: every field of a task definition that ECS accepts (RegisterTaskDefinition, its
 * ContainerDefinition and their nested types), plus the read-only fields of describe output and
 * describe output's wrapper. Per shape its fields; per field its value (a nested shape by name),
 * whether it is required, a description and its AWS links. The rules, the hovers, completion and
 * the JSON schema (scripts/generate-schema.ts) read it; a test compares it with the ECS API model.
 */
import { CONTAINER_DEFINITION } from './container';
import { CONTAINER_TYPE_SHAPES } from './containerTypes';
import type { FieldFacts, ShapeFacts, ValueFacts } from './facts';
import { DESCRIBE_TASK_DEFINITION_RESPONSE, TASK_DEFINITION } from './task';
import { TASK_TYPE_SHAPES } from './taskTypes';
import { VOLUME_SHAPES } from './volumes';

export * from './conditions';
export * from './enums';
export {
  API_REFERENCE,
  guideLink,
  NAME_PATTERN,
  NAME_RULE,
  PARAMETERS_GUIDE,
  wordList,
  type FieldFacts,
  type ShapeFacts,
  type ValueFacts,
} from './facts';
export { MAX_CONTAINERS } from './task';

/** Every shape by name, the roots first. */
export const SHAPES: ReadonlyMap<string, ShapeFacts> = new Map(
  [
    TASK_DEFINITION,
    DESCRIBE_TASK_DEFINITION_RESPONSE,
    CONTAINER_DEFINITION,
    ...CONTAINER_TYPE_SHAPES,
    ...VOLUME_SHAPES,
    ...TASK_TYPE_SHAPES,
  ].map((s) => [s.name, s]),
);

export const TASK_SHAPE = TASK_DEFINITION;
export const CONTAINER_SHAPE = CONTAINER_DEFINITION;

/** The field `key` of a shape, if ECS has one by that name there. */
export function fieldOf(shape: ShapeFacts | string, key: string): FieldFacts | undefined {
  const facts = typeof shape === 'string' ? SHAPES.get(shape) : shape;
  return facts?.fields.find((f) => f.name === key);
}

/** A field the table is known to have (a typo in the engine's own code fails at once). */
export function knownField(shape: ShapeFacts | string, key: string): FieldFacts {
  const field = fieldOf(shape, key);
  if (!field)
    throw new Error(`no field ${key} in ${typeof shape === 'string' ? shape : shape.name}`);
  return field;
}

/** The shape a value holds, directly or as the items of an array. */
export function nestedShape(value: ValueFacts): string | undefined {
  if (value.type === 'object') return value.shape;
  if (value.type === 'array') return nestedShape(value.items);
  return undefined;
}

/** The fields of the task that describe output prints and register-task-definition rejects. */
export const READ_ONLY_FIELDS: readonly string[] = TASK_DEFINITION.fields
  .filter((f) => f.readOnly)
  .map((f) => f.name);

/** "5–300 s", "1–10": a number field's range for short texts. */
export function rangeText(field: FieldFacts): string {
  const v = field.value;
  if (v.type !== 'integer') return '';
  return `${v.minimum ?? 0}–${v.maximum ?? '∞'}${v.unit === 'seconds' ? ' s' : ''}`;
}

/** The number fields of a shape (HealthCheck: interval, timeout, retries, startPeriod). */
export function numberFields(shape: string): FieldFacts[] {
  return (SHAPES.get(shape)?.fields ?? []).filter((f) => f.value.type === 'integer');
}

/**
 * The ranges of a shape's number fields in one line: "interval 5–300 s (default 30), …,
 * startPeriod 0–300 s (off by default)", or without names or defaults.
 */
export function rangesText(shape: string, options: { names: boolean; defaults: boolean }): string {
  return numberFields(shape)
    .map((f) => {
      const absent =
        f.default !== undefined ? `default ${String(f.default)}` : `${f.whenAbsent} by default`;
      return `${options.names ? `${f.name} ` : ''}${rangeText(f)}${options.defaults ? ` (${absent})` : ''}`;
    })
    .join(', ');
}
