/**
 * How a Terraform file spells a field: task-level fields as the resource's arguments
 * (`network_mode`, `volume`), container fields as written inside `jsonencode` (`essential = false`)
 * or, where the containers are a heredoc of JSON, as JSON (`"essential": false`).
 */
import { CONTAINER_SHAPE } from '../../fields/index';
import { CONTAINER_TYPE_SHAPES } from '../../fields/containerTypes';
import type { Spelling } from '../../input';
import { terraformPath, terraformPathInBlocks } from './schema';
import { compactHcl, type HclStyle } from './write';

const STYLE: HclStyle = { unit: '  ', eol: '\n', separator: '=', quoteKeys: false };

/** Fields a container and the task both have: which one a value is for, its type says. */
const SHARED = new Set(['cpu', 'memory']);

function taskLevel(field: string, value: unknown): boolean {
  if (terraformPath(field) === undefined) return false;
  return !SHARED.has(field) || typeof value === 'string';
}

/**
 * The containers' field names, which the file writes as the API's wherever a block of the task has
 * a field of the same name (proxy_configuration's `container_name`).
 */
const CONTAINER_NAMES: ReadonlySet<string> = new Set(
  [CONTAINER_SHAPE, ...CONTAINER_TYPE_SHAPES].flatMap((s) => s.fields.map((f) => f.name)),
);

/** A field or a dotted path: an argument of the resource or of one of its blocks, else as written. */
function key(field: string): string {
  const top = terraformPath(field);
  if (top !== undefined) return top;
  if (CONTAINER_NAMES.has(field.split('.')[0]!)) return field;
  return terraformPathInBlocks(field) ?? field;
}

export function terraformSpelling(containersInHeredocs: boolean): Spelling {
  return {
    key,
    pair: (field, value) => {
      if (taskLevel(field, value)) return `${terraformPath(field)} = ${compactHcl(value, STYLE)}`;
      return containersInHeredocs
        ? `${JSON.stringify(field)}: ${JSON.stringify(value)}`
        : `${field} = ${compactHcl(value, STYLE)}`;
    },
  };
}
