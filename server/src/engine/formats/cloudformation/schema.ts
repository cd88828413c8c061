/**
 * CloudFormation's names and types for AWS::ECS::TaskDefinition, read from the generated table:
 * which ECS API field a property is, what type CloudFormation gives it, and back from an API name
 * to the property that writes it (for messages and fixes in the template's own spelling).
 */
import { CLOUDFORMATION_TYPES } from './properties.generated';

/** The resource type whose properties are a task definition. */
export const TASK_DEFINITION_TYPE = 'AWS::ECS::TaskDefinition';

/** The type of a property's value, as the reader and the editors need it. */
export type ValueType =
  | { kind: 'String' | 'Integer' | 'Boolean' }
  | { kind: 'object'; name: string }
  | { kind: 'list'; element: ValueType }
  /** A free-form map (DockerLabels, LogConfiguration.Options, …): its keys are the user's own. */
  | { kind: 'map' }
  /** Not a property CloudFormation knows, or a value of the wrong shape: read as written. */
  | { kind: 'unknown' };

export const UNKNOWN: ValueType = { kind: 'unknown' };
export const ROOT = { kind: 'object', name: TASK_DEFINITION_TYPE } as const;

export interface PropertyInfo {
  /** The ECS API's name of the field (`efsVolumeConfiguration`). */
  api: string;
  type: ValueType;
}

const parsedTypes = new Map<string, ValueType>();

function parseType(text: string): ValueType {
  let type = parsedTypes.get(text);
  if (type) return type;
  if (text === 'String' || text === 'Integer' || text === 'Boolean') type = { kind: text };
  else if (text.startsWith('List<') && text.endsWith('>'))
    type = { kind: 'list', element: parseType(text.slice(5, -1)) };
  else if (text.startsWith('Map<')) type = { kind: 'map' };
  else if (text in CLOUDFORMATION_TYPES) type = { kind: 'object', name: text };
  else type = UNKNOWN;
  parsedTypes.set(text, type);
  return type;
}

/** The property `cfnName` of the CloudFormation type `typeName` (names are case-sensitive, as in CloudFormation). */
export function propertyOf(typeName: string, cfnName: string): PropertyInfo | undefined {
  const entry = Object.prototype.hasOwnProperty.call(CLOUDFORMATION_TYPES[typeName] ?? {}, cfnName)
    ? CLOUDFORMATION_TYPES[typeName]![cfnName]
    : undefined;
  return entry ? { api: entry[0], type: parseType(entry[1]) } : undefined;
}

const byApiName = new Map<string, Map<string, { cfn: string; type: ValueType }>>();

function apiIndex(typeName: string): Map<string, { cfn: string; type: ValueType }> {
  let index = byApiName.get(typeName);
  if (!index) {
    index = new Map();
    for (const [cfn, [api, type]] of Object.entries(CLOUDFORMATION_TYPES[typeName] ?? {}))
      index.set(api, { cfn, type: parseType(type) });
    byApiName.set(typeName, index);
  }
  return index;
}

/** The CloudFormation property of `typeName` that holds the API field `api`, with its type. */
export function propertyForApi(
  typeName: string,
  api: string,
): { cfn: string; type: ValueType } | undefined {
  return apiIndex(typeName).get(api);
}

let anyType: Map<string, string> | undefined;

/**
 * The CloudFormation name of an API field wherever it occurs (`essential` → `Essential`), for
 * messages that name a field without its type; any other name as it is. The few API names two types spell differently
 * (`fileSystemId`: EFS `FilesystemId`, FSx `FileSystemId`) take the first type's spelling.
 */
export function cloudFormationName(api: string): string {
  if (!anyType) {
    anyType = new Map();
    for (const typeName of Object.keys(CLOUDFORMATION_TYPES))
      for (const [a, { cfn }] of apiIndex(typeName)) if (!anyType.has(a)) anyType.set(a, cfn);
  }
  // A name no CloudFormation type has is not a field: a key of a free-form map (`awslogs-group`).
  return anyType.get(api) ?? api;
}
