// Generates server/src/engine/formats/cloudformation/properties.generated.ts: the property names
// and types of AWS::ECS::TaskDefinition and of every type nested in it, as CloudFormation spells
// them, each with the name the ECS API (register-task-definition) gives the same field.
//
//   node scripts/generate-cloudformation-names.mjs           write the table
//   node scripts/generate-cloudformation-names.mjs --check   exit 1 when the committed table differs
//
// CloudFormation's names and types come from its resource schema as the AWS CDK ships it
// (@aws-cdk/aws-service-spec, db.json.gz); the API's names from the ECS API model in
// @aws-sdk/client-ecs (its static structure schemas). A CloudFormation property and an API member
// are the same field when their names are equal ignoring case; the one field named differently is
// renamed below. Nested types are paired by following the API member's target structure, so a
// field CloudFormation adds without an API counterpart fails the generator instead of guessing.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);

export const TABLE_PATH = fileURLToPath(
  new URL('../server/src/engine/formats/cloudformation/properties.generated.ts', import.meta.url),
);

const RESOURCE = 'AWS::ECS::TaskDefinition';

/** CloudFormation properties whose API member has another name (not only another case). */
const RENAMES = { 'ProxyConfiguration.ProxyConfigurationProperties': 'properties' };

function versionOf(pkg) {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
}

function loadSpec() {
  const dir = dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
  const db = JSON.parse(gunzipSync(readFileSync(join(dir, 'db.json.gz'))).toString('utf8'));
  const resource = db.schema.resource.entities.find((r) => r.cloudFormationType === RESOURCE);
  if (!resource) throw new Error(`${RESOURCE} is not in @aws-cdk/aws-service-spec`);
  const types = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));
  return { resource, types };
}

/** A static structure schema of @aws-sdk/client-ecs: [3, namespace, name, traits, memberNames, memberSchemas]. */
function apiStructure(schema) {
  const s = typeof schema === 'function' ? schema() : schema;
  if (!Array.isArray(s)) return undefined;
  if (s[0] === 3 || s[0] === -3) return s;
  if (s[0] === 1) return apiStructure(s[4]); // a list: its member
  if (s[0] === 2) return apiStructure(s[5]); // a map: its value
  if (typeof s[0] !== 'number') return apiStructure(s[0]); // a member with traits
  return undefined;
}

function apiMembers(structure) {
  const out = new Map();
  structure[4].forEach((name, i) => out.set(name, structure[5][i]));
  return out;
}

export function buildTable() {
  const { resource, types } = loadSpec();
  const ecs = require('@aws-sdk/client-ecs');
  const typeName = (t) => {
    switch (t.type) {
      case 'string':
        return 'String';
      case 'integer':
        return 'Integer';
      case 'boolean':
        return 'Boolean';
      case 'ref':
        return types.get(t.reference.$ref).name;
      case 'tag':
        return 'Tag';
      case 'array':
        return `List<${typeName(t.element)}>`;
      case 'map':
        return `Map<${typeName(t.element)}>`;
      default:
        throw new Error(`unexpected CloudFormation type ${JSON.stringify(t)}`);
    }
  };
  const nested = (t) =>
    t.type === 'ref'
      ? types.get(t.reference.$ref)
      : t.type === 'tag'
        ? {
            name: 'Tag',
            properties: { Key: { type: { type: 'string' } }, Value: { type: { type: 'string' } } },
          }
        : t.type === 'array' || t.type === 'map'
          ? nested(t.element)
          : undefined;
  const table = {};
  const unmatched = [];
  const queue = [[RESOURCE, resource.properties, ecs.RegisterTaskDefinitionRequest$]];
  while (queue.length > 0) {
    const [name, props, schema] = queue.shift();
    if (table[name]) continue;
    const structure = apiStructure(schema);
    const members = structure ? apiMembers(structure) : new Map();
    const byLowerCase = new Map([...members.keys()].map((m) => [m.toLowerCase(), m]));
    const owner = name === RESOURCE ? 'TaskDefinition' : name;
    table[name] = {};
    for (const [property, spec] of Object.entries(props).sort(([a], [b]) => a.localeCompare(b))) {
      const api = RENAMES[`${owner}.${property}`] ?? byLowerCase.get(property.toLowerCase());
      if (!api) {
        unmatched.push(`${owner}.${property}`);
        continue;
      }
      table[name][property] = [api, typeName(spec.type)];
      const inner = nested(spec.type);
      if (inner) queue.push([inner.name, inner.properties, members.get(api)]);
    }
  }
  if (unmatched.length > 0)
    throw new Error(`no ECS API field for CloudFormation properties: ${unmatched.join(', ')}`);
  return table;
}

export async function tableText() {
  const table = buildTable();
  const text = `// Generated by scripts/generate-cloudformation-names.mjs from @aws-cdk/aws-service-spec
// ${versionOf('@aws-cdk/aws-service-spec')} (CloudFormation's resource schema) and @aws-sdk/client-ecs ${versionOf('@aws-sdk/client-ecs')} (the ECS API model).
// Do not edit: run the script.

/**
 * The properties of ${RESOURCE} and of each type nested in it, by type name:
 * CloudFormation's property name → [the ECS API's name of the field, its CloudFormation type].
 * Types are String, Integer, Boolean, a type name of this table, List<…> or Map<String>.
 */
export const CLOUDFORMATION_TYPES: Readonly<
  Record<string, Readonly<Record<string, readonly [api: string, type: string]>>>
> = ${JSON.stringify(table)};
`;
  const config = await prettier.resolveConfig(TABLE_PATH);
  return prettier.format(text, { ...config, filepath: TABLE_PATH });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const output = await tableText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(TABLE_PATH, 'utf8');
    } catch {
      // A missing file is as stale as a different one.
    }
    if (current !== output) {
      console.error(
        `${TABLE_PATH} is out of date: run node scripts/generate-cloudformation-names.mjs`,
      );
      process.exit(1);
    }
  } else {
    writeFileSync(TABLE_PATH, output);
  }
}
