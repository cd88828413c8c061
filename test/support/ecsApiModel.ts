/**
 * The ECS API model as @aws-sdk/client-ecs ships it: structures, their members, required members,
 * member kinds and enum values, read from the package's static schemas and enum objects (the enum
 * of each member from its type declarations). The tests compare the field table and the JSON schema
 * with it, so a field or enum value AWS adds fails a test.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as ecs from '@aws-sdk/client-ecs';
import ts from 'typescript';

export type Kind =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'other'; enumName?: string }
  | { kind: 'list'; item: Kind }
  | { kind: 'map'; value: Kind }
  | { kind: 'struct'; shape: string };

export interface ApiStructure {
  shape: string;
  members: Map<string, Kind>;
  required: string[];
}

const api = ecs as unknown as Record<string, unknown>;

/** The enum type named in each member's declared type: "ContainerDefinition.networkMode" → "NetworkMode". */
export const memberEnums: Map<string, string> = (() => {
  const require = createRequire(resolve('package.json'));
  const modelsDir = join(
    dirname(require.resolve('@aws-sdk/client-ecs/package.json')),
    'dist-types',
    'models',
  );
  const isEnum = (name: string) => {
    const value = api[name];
    return (
      !!value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'string')
    );
  };
  const out = new Map<string, string>();
  for (const file of readdirSync(modelsDir).filter((f) => /^models_\d+\.d\.ts$/.test(f))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(modelsDir, file), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node, owner: string[]) => {
      if (ts.isInterfaceDeclaration(node)) {
        for (const m of node.members) {
          if (!ts.isPropertySignature(m) || !m.type) continue;
          const names = (m.type.getText(source).match(/\b[A-Z]\w*\b/g) ?? []).filter(isEnum);
          const shape = [...owner, node.name.text].join('.');
          if (names.length === 1) out.set(`${shape}.${m.name.getText(source)}`, names[0]!);
        }
      }
      if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
        for (const s of node.body.statements) visit(s, [...owner, node.name.getText(source)]);
      }
    };
    source.statements.forEach((s) => visit(s, []));
  }
  return out;
})();

/** Reads the member kinds of an API structure; nested structures are read when compared. */
export function apiStructure(shape: string): ApiStructure {
  const s = api[`${shape}$`] as
    [number, string, string, unknown, string[], unknown[], number?] | undefined;
  assert.ok(
    Array.isArray(s) && (s[0] === 3 || s[0] === 4),
    `${shape} is not a structure in the API model`,
  );
  const members = new Map<string, Kind>();
  s[4].forEach((member, i) => {
    // A union's members are declared in its namespace (SharingStrategy.NvidiaMpsMember).
    const enumName = memberEnums.get(`${shape}.${member}`);
    members.set(member, kindOf(s[5][i], enumName));
  });
  return { shape, members, required: s[4].slice(0, s[6] ?? 0) };
}

function kindOf(ref: unknown, enumName?: string): Kind {
  let r = typeof ref === 'function' ? (ref as () => unknown)() : ref;
  // [schemaRef, traits] pairs wrap members with traits (e.g. sensitive).
  if (Array.isArray(r) && r.length === 2 && typeof r[1] === 'number' && typeof r[0] !== 'number')
    r = typeof r[0] === 'function' ? r[0]() : r[0];
  if (typeof r === 'number') {
    const base = r & 63;
    const simple: Kind =
      base === 0
        ? { kind: 'string', enumName }
        : base === 1
          ? { kind: 'number' }
          : base === 2
            ? { kind: 'boolean' }
            : base >= 4 && base <= 7
              ? { kind: 'timestamp' }
              : { kind: 'other' };
    if (r & 64) return { kind: 'list', item: simple };
    if (r & 128) return { kind: 'map', value: simple };
    return simple;
  }
  const a = r as unknown[];
  if (a[0] === 0) return kindOf(a[4], enumName); // a named simple type
  if (a[0] === 1) return { kind: 'list', item: kindOf(a[4], enumName) };
  if (a[0] === 2) return { kind: 'map', value: kindOf(a[5]) };
  if (a[0] === 3 || a[0] === 4) return { kind: 'struct', shape: a[2] as string };
  return { kind: 'other' };
}

/** The values of an enum of the API, sorted. */
export function apiEnumValues(enumName: string): string[] {
  return Object.values(api[enumName] as Record<string, string>).sort();
}

/**
 * The task definition as a whole: RegisterTaskDefinition's request plus the members only describe
 * output's TaskDefinition has (a member both have must be the same in both).
 */
export function taskDefinitionStructure(): ApiStructure & { describeOnly: string[] } {
  const register = apiStructure('RegisterTaskDefinitionRequest');
  const described = apiStructure('TaskDefinition');
  for (const m of register.members.keys()) {
    if (described.members.has(m))
      assert.deepEqual(
        described.members.get(m),
        register.members.get(m),
        `TaskDefinition.${m} differs between request and describe`,
      );
  }
  return {
    shape: 'TaskDefinition',
    members: new Map([...register.members, ...described.members]),
    required: register.required,
    describeOnly: [...described.members.keys()].filter((m) => !register.members.has(m)),
  };
}

/** A structure of the API by name; the task definition is the merged one. */
export function readStructure(shape: string): ApiStructure {
  return shape === 'TaskDefinition' || shape === 'RegisterTaskDefinitionRequest'
    ? taskDefinitionStructure()
    : apiStructure(shape);
}

/** Required in the table (and the schema) but optional in the API model, each with its reason. */
export const EXTRA_REQUIRED: Record<string, string[]> = {
  // The Developer Guide lists both as required and the service rejects a container without them.
  ContainerDefinition: ['name', 'image'],
  // It is what makes describe output recognisable.
  DescribeTaskDefinitionResponse: ['taskDefinition'],
};

/** What one side of a comparison (the field table, the JSON schema) has for a structure. */
export interface Counterpart {
  /** Its members; `extra` are ours alone on purpose (the schema's `$schema`). */
  members: string[];
  extra?: string[];
  required: string[];
}

/**
 * Walks the API model from the task definition and describe output into every structure they
 * reach, and compares each with ours both ways: structures, members and required members here,
 * each member's kind through `compareMember` (which queues the structures a member holds).
 * Returns the differences as messages, and what was compared.
 */
export function compareWithApiModel(
  label: string,
  ours: (shape: string) => Counterpart | undefined,
  ourShapes: Iterable<string>,
  compareMember: (where: string, member: string, kind: Kind, queue: string[]) => string[],
): { problems: string[]; counts: { structures: number; fields: number; enums: number } } {
  const problems: string[] = [];
  const counts = { structures: 0, fields: 0, enums: 0 };
  const done = new Set<string>();
  const queue = ['TaskDefinition', 'DescribeTaskDefinitionResponse'];
  while (queue.length > 0) {
    const shape = queue.shift()!;
    if (done.has(shape)) continue;
    done.add(shape);
    counts.structures++;
    const api = readStructure(shape);
    const our = ours(shape);
    if (!our) {
      problems.push(`${shape}: in the API model, not in the ${label}`);
      continue;
    }
    for (const member of our.members)
      if (!api.members.has(member) && !(our.extra ?? []).includes(member))
        problems.push(`${shape}.${member}: in the ${label}, not in the API model`);
    for (const [member, kind] of api.members) {
      counts.fields++;
      if (enumOf(kind)) counts.enums++;
      if (!our.members.includes(member))
        problems.push(`${shape}.${member}: in the API model, not in the ${label}`);
      else problems.push(...compareMember(`${shape}.${member}`, member, kind, queue));
    }
    const required = [...api.required, ...(EXTRA_REQUIRED[shape] ?? [])].sort();
    const ourRequired = [...our.required].sort();
    if (JSON.stringify(required) !== JSON.stringify(ourRequired))
      problems.push(
        `${shape}: required ${required.join(',')} in the API (+ allow-list), ${ourRequired.join(',')} in the ${label}`,
      );
  }
  for (const shape of ourShapes)
    if (!done.has(shape)) problems.push(`${shape}: in the ${label}, not reached in the API model`);
  return { problems, counts };
}

/** The enum a member's values (or its list items) come from, if any. */
function enumOf(kind: Kind): string | undefined {
  if (kind.kind === 'string') return kind.enumName;
  if (kind.kind === 'list') return enumOf(kind.item);
  return undefined;
}

/** Does the API give this member an enum? (Our TaskDefinition stands for the request and describe's.) */
export function hasApiEnum(shape: string, member: string): boolean {
  const shapes =
    shape === 'TaskDefinition' ? ['RegisterTaskDefinitionRequest', 'TaskDefinition'] : [shape];
  return shapes.some((s) => memberEnums.has(`${s}.${member}`));
}
