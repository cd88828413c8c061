/**
 * The field table (server/src/engine/fields/) against the ECS API model in @aws-sdk/client-ecs:
 * every structure, field, required field, type and enum value, both ways, so a field AWS adds (or
 * one the table invents) fails here. And the table's own words: one line each, ranges and defaults
 * stated in a description agree with the field's numbers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CONDITIONS,
  CONTAINER_SHAPE,
  type FieldFacts,
  fieldOf,
  nestedShape,
  READ_ONLY_FIELDS,
  SHAPES,
  TASK_SHAPE,
  type ValueFacts,
} from '../../../server/src/engine/index';
import {
  apiEnumValues,
  compareWithApiModel,
  hasApiEnum,
  type Kind,
  taskDefinitionStructure,
} from '../../support/ecsApiModel';

const ROOTS = ['TaskDefinition', 'DescribeTaskDefinitionResponse'];

/** Differences between an API member and the table's value, as messages. */
function compareValue(where: string, kind: Kind, value: ValueFacts, queue: string[]): string[] {
  const mismatch = (api: string) => [`${where}: API ${api}, table ${value.type}`];
  switch (kind.kind) {
    case 'string': {
      if (value.type === 'amount' && !kind.enumName) return [];
      if (value.type !== 'string') return mismatch('string');
      if (!kind.enumName)
        return value.enum ? [`${where}: an enum in the table, a free string in the API`] : [];
      const api = apiEnumValues(kind.enumName);
      const ours = [...(value.enum ?? [])].sort();
      return JSON.stringify(api) === JSON.stringify(ours)
        ? []
        : [
            `${where}: enum ${kind.enumName} is ${api.join(',')} in the API, ${ours.join(',')} here`,
          ];
    }
    case 'number':
      return value.type === 'integer' ? [] : mismatch('number');
    case 'boolean':
      return value.type === 'boolean' ? [] : mismatch('boolean');
    case 'timestamp':
      return value.type === 'timestamp' ? [] : mismatch('timestamp');
    case 'map':
      return value.type === 'map' && kind.value.kind === 'string'
        ? []
        : mismatch(`map of ${kind.value.kind}`);
    case 'list':
      return value.type === 'array'
        ? compareValue(`${where}[]`, kind.item, value.items, queue)
        : mismatch('list');
    case 'struct':
      queue.push(kind.shape);
      return value.type === 'object' && value.shape === kind.shape
        ? []
        : mismatch(`struct ${kind.shape}`);
    default:
      return [`${where}: unexpected kind in the API model`];
  }
}

test('the table has every structure, field, required field, type and enum value of the API, and nothing more', () => {
  const { problems, counts } = compareWithApiModel(
    'table',
    (name) => {
      const shape = SHAPES.get(name);
      return (
        shape && {
          members: shape.fields.map((f) => f.name),
          required: shape.fields.filter((f) => f.required).map((f) => f.name),
        }
      );
    },
    SHAPES.keys(),
    (where, member, kind, queue) => {
      const field = fieldOf(where.slice(0, where.indexOf('.')), member)!;
      return compareValue(where, kind, field.value, queue);
    },
  );
  assert.deepEqual(problems, []);
  assert.ok(
    counts.structures >= 40 && counts.fields >= 177 && counts.enums >= 24,
    JSON.stringify(counts),
  );
});

test('enums only where the API has one: an enum on a free string would reject values AWS accepts', () => {
  const problems: string[] = [];
  for (const shape of SHAPES.values()) {
    for (const field of shape.fields) {
      const value = field.value.type === 'array' ? field.value.items : field.value;
      if (value.type === 'string' && value.enum && !hasApiEnum(shape.name, field.name))
        problems.push(`${shape.name}.${field.name}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the read-only fields are exactly the task fields only describe output has', () => {
  assert.deepEqual([...READ_ONLY_FIELDS].sort(), taskDefinitionStructure().describeOnly.sort());
  for (const shape of SHAPES.values())
    if (shape !== TASK_SHAPE)
      assert.ok(
        shape.fields.every((f) => !f.readOnly),
        `${shape.name} has a read-only field`,
      );
});

test('the table walks from the task to each container field and on into nested types', () => {
  const containers = fieldOf(TASK_SHAPE, 'containerDefinitions')!;
  assert.equal(nestedShape(containers.value), CONTAINER_SHAPE.name);
  const dependsOn = fieldOf(CONTAINER_SHAPE, 'dependsOn')!;
  const dependency = SHAPES.get(nestedShape(dependsOn.value)!)!;
  const condition = fieldOf(dependency, 'condition')!;
  assert.equal(condition.shape, 'ContainerDependency');
  assert.equal(condition.required, true);
  assert.deepEqual(condition.value.type === 'string' && condition.value.enum, CONDITIONS);
  assert.match(
    condition.link,
    /API_ContainerDependency\.html#ECS-Type-ContainerDependency-condition$/,
  );
  assert.match(
    fieldOf(TASK_SHAPE, 'family')!.link,
    /API_RegisterTaskDefinition\.html#ECS-RegisterTaskDefinition-request-family$/,
  );
  assert.match(
    fieldOf(TASK_SHAPE, 'revision')!.link,
    /API_TaskDefinition\.html#ECS-Type-TaskDefinition-revision$/,
  );
});

function* allFields(): Generator<FieldFacts> {
  for (const shape of SHAPES.values()) yield* shape.fields;
}

test('every field has one line of description, a sentence of at most 240 characters', () => {
  const problems = [...allFields()]
    .filter(
      (f) =>
        f.description.length === 0 ||
        f.description.length > 240 ||
        /[\r\n]/.test(f.description) ||
        !/[.)]$/.test(f.description),
    )
    .map((f) => `${f.shape}.${f.name}: ${f.description}`);
  assert.deepEqual(problems, []);
});

test('a shape that is a list item or a root says what one item is', () => {
  const items = new Set(ROOTS);
  for (const f of allFields())
    if (f.value.type === 'array' && nestedShape(f.value)) items.add(nestedShape(f.value)!);
  assert.deepEqual(
    [...items].filter((name) => !SHAPES.get(name)?.description),
    [],
  );
});

test('a range or default a description states is the field’s own', () => {
  const problems: string[] = [];
  for (const f of allFields()) {
    if (f.value.type !== 'integer') continue;
    const range = /(\d+) to (\d+)/.exec(f.description);
    if (range && (Number(range[1]) !== f.value.minimum || Number(range[2]) !== f.value.maximum))
      problems.push(
        `${f.shape}.${f.name}: says ${range[0]}, is ${f.value.minimum}–${f.value.maximum}`,
      );
    const stated = /default (\d+)/.exec(f.description);
    if (stated && Number(stated[1]) !== f.default)
      problems.push(`${f.shape}.${f.name}: says default ${stated[1]}, is ${String(f.default)}`);
  }
  assert.deepEqual(problems, []);
});
