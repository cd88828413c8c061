/**
 * Generates schemas/task-definition.schema.json, the JSON schema of an Amazon ECS task definition,
 * from the engine's field table (server/src/engine/fields/).
 *
 *   npx tsx scripts/generate-schema.ts           write the schema
 *   npx tsx scripts/generate-schema.ts --check   exit 1 when the committed schema is not what this generates
 *
 * The committed JSON is the artefact VS Code (and other editors) load; the table is where its
 * fields, types, enums, ranges and words are maintained (test/unit/engine/fields.test.ts compares
 * the table with the ECS API model). What is the schema's own lives here: template placeholders
 * wherever a number, boolean, enum or name is expected, null for optional fields (console exports
 * and describe output print it), the `$schema` property and VS Code's snippets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  EMBEDDED_PLACEHOLDER_PATTERN,
  type FieldFacts,
  MAX_CONTAINERS,
  nestedShape,
  SHAPES,
  type ShapeFacts,
  type ValueFacts,
  WHOLE_PLACEHOLDER_PATTERN,
} from '../server/src/engine/index';
import { SNIPPETS } from './schemaSnippets';

export const SCHEMA_PATH = resolve(__dirname, '..', 'schemas', 'task-definition.schema.json');
export const SCHEMA_ID =
  'https://raw.githubusercontent.com/ecs-init-order/ecs-init-order/main/schemas/task-definition.schema.json';

type Schema = Record<string, unknown>;

const PLACEHOLDER_REF = { $ref: '#/definitions/placeholder' };
const TEMPLATED_REF = { $ref: '#/definitions/templatedString' };

/** Structures that are the roots of a document. */
const ROOTS = ['TaskDefinition', 'DescribeTaskDefinitionResponse'];

/** The schema of a value. A placeholder may stand where a number, boolean, enum value or name is expected. */
function valueSchema(value: ValueFacts): Schema {
  switch (value.type) {
    case 'string': {
      const {
        enum: values,
        enumDescriptions,
        completedByServer,
        pattern,
        patternMessage,
        minLength,
        maxLength,
      } = value;
      if (values && completedByServer)
        return {
          anyOf: [
            {
              type: 'string',
              pattern: `^(${values.join('|')})$`,
              patternErrorMessage: `Must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}.`,
            },
            PLACEHOLDER_REF,
          ],
        };
      if (values)
        return {
          anyOf: [
            {
              type: 'string',
              enum: values,
              ...(enumDescriptions ? { markdownEnumDescriptions: enumDescriptions } : {}),
            },
            PLACEHOLDER_REF,
          ],
        };
      if (pattern)
        return {
          anyOf: [
            {
              type: 'string',
              pattern,
              ...(patternMessage ? { patternErrorMessage: patternMessage } : {}),
            },
            TEMPLATED_REF,
          ],
        };
      return { type: 'string', ...defined({ minLength, maxLength }) };
    }
    case 'integer':
      return {
        anyOf: [
          { type: 'integer', ...defined({ minimum: value.minimum, maximum: value.maximum }) },
          PLACEHOLDER_REF,
        ],
      };
    case 'boolean':
      return { anyOf: [{ type: 'boolean' }, PLACEHOLDER_REF] };
    case 'timestamp':
      return { anyOf: [{ type: 'string' }, { type: 'number' }] };
    case 'amount':
      return {
        anyOf: [
          { type: 'string', pattern: value.pattern, patternErrorMessage: value.patternMessage },
          { type: 'integer', minimum: 0 },
          TEMPLATED_REF,
        ],
      };
    case 'map':
      return { type: 'object', additionalProperties: { type: 'string' } };
    case 'object':
      return { $ref: `#/definitions/${value.shape}` };
    case 'array':
      return {
        type: 'array',
        items: valueSchema(value.items),
        ...defined({ minItems: value.minItems, maxItems: value.maxItems }),
      };
  }
}

function defined(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<
    string,
    number
  >;
}

function property(field: FieldFacts): Schema {
  const out: Schema = {
    description: field.description,
    markdownDescription: `${field.description}\n\n[AWS reference](${field.link})`,
  };
  if (field.default !== undefined) out.default = field.default;
  if (field.readOnly) out.readOnly = true;
  const value = valueSchema(field.value);
  if (field.required) return { ...out, ...value };
  // Optional: also accept null, as console exports and describe output print it.
  const alternatives =
    Array.isArray(value.anyOf) && Object.keys(value).length === 1 ? value.anyOf : [value];
  return { ...out, anyOf: [...alternatives, { type: 'null' }] };
}

/**
 * Structures used as list items or at the root keep their own description (shown when hovering an
 * item); a structure only ever used as the value of one property leaves it to that property, since
 * VS Code's hover would show the structure's description instead of the property's.
 */
function describedShapes(): Set<string> {
  const described = new Set(ROOTS);
  for (const shape of SHAPES.values())
    for (const field of shape.fields)
      if (field.value.type === 'array') {
        const item = nestedShape(field.value);
        if (item) described.add(item);
      }
  return described;
}

const SCHEMA_PROPERTY = {
  type: 'string',
  description: 'URL of the JSON schema this file follows (ignored by AWS).',
  markdownDescription: 'URL of the JSON schema this file follows (ignored by AWS).',
};

function structure(shape: ShapeFacts, described: boolean): Schema {
  if (described && !shape.description)
    throw new Error(`${shape.name}: a list item or root needs a description in the field table`);
  const properties: Schema = ROOTS.includes(shape.name) ? { $schema: SCHEMA_PROPERTY } : {};
  for (const field of shape.fields) properties[field.name] = property(field);
  const required = shape.fields.filter((f) => f.required).map((f) => f.name);
  const snippets = SNIPPETS[shape.name];
  return {
    type: 'object',
    ...(described
      ? {
          description: shape.description,
          markdownDescription: `${shape.description}\n\n[AWS reference](${shape.link})`,
        }
      : {}),
    ...(required.length > 0 ? { required } : {}),
    ...(shape.minFields ? { minProperties: shape.minFields } : {}),
    ...(shape.maxFields ? { maxProperties: shape.maxFields } : {}),
    properties,
    additionalProperties: false,
    ...(snippets ? { defaultSnippets: snippets } : {}),
  };
}

export function buildSchema(): Schema {
  const definitions: Schema = {
    placeholder: {
      type: 'string',
      description:
        'A template placeholder standing for the whole value: ${VAR}, {{var}}, <VAR>, $$$VAR$$$, #{var} or $VAR.',
      pattern: WHOLE_PLACEHOLDER_PATTERN,
    },
    templatedString: {
      type: 'string',
      description: 'A string that is or contains a template placeholder, e.g. "app-${ENV}".',
      pattern: `${EMBEDDED_PLACEHOLDER_PATTERN}|${WHOLE_PLACEHOLDER_PATTERN}`,
    },
  };
  const described = describedShapes();
  for (const shape of SHAPES.values())
    definitions[shape.name] = structure(shape, described.has(shape.name));
  for (const name of Object.keys(SNIPPETS))
    if (!SHAPES.has(name)) throw new Error(`snippets for ${name}, which is not a shape`);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Amazon ECS task definition',
    description:
      'An Amazon ECS task definition (register-task-definition input), the output of describe-task-definition, or a JSON array of container definitions (Terraform container_definitions).',
    oneOf: [
      { $ref: '#/definitions/TaskDefinition' },
      { $ref: '#/definitions/DescribeTaskDefinitionResponse' },
      {
        type: 'array',
        description: 'Container definitions, as in Terraform `container_definitions`.',
        items: { $ref: '#/definitions/ContainerDefinition' },
        minItems: 1,
        maxItems: MAX_CONTAINERS,
      },
    ],
    definitions,
  };
}

export function schemaText(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

if (process.argv[1] && /generate-schema\.ts$/.test(process.argv[1])) {
  const output = schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // A missing file is as stale as a different one.
    }
    if (current !== output) {
      console.error(
        'schemas/task-definition.schema.json is out of date: run npx tsx scripts/generate-schema.ts',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, output);
  }
}
