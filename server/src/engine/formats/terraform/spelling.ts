/**
 * How a Terraform file spells a field: task-level fields as the resource's arguments
 * (`network_mode`, `volume`), container fields as written inside `jsonencode` (`essential = false`)
 * or, where the containers are a heredoc of JSON, as JSON (`"essential": false`).
 */
import type { Spelling } from '../../input';
import { terraformPath } from './schema';
import { compactHcl, type HclStyle } from './write';

const STYLE: HclStyle = { unit: '  ', eol: '\n', separator: '=', quoteKeys: false };

/** Fields a container and the task both have: which one a value is for, its type says. */
const SHARED = new Set(['cpu', 'memory']);

function taskLevel(field: string, value: unknown): boolean {
  if (terraformPath(field) === undefined) return false;
  return !SHARED.has(field) || typeof value === 'string';
}

export function terraformSpelling(containersInHeredocs: boolean): Spelling {
  return {
    key: (field) => terraformPath(field) ?? field,
    pair: (field, value) => {
      if (taskLevel(field, value)) return `${terraformPath(field)} = ${compactHcl(value, STYLE)}`;
      return containersInHeredocs
        ? `${JSON.stringify(field)}: ${JSON.stringify(value)}`
        : `${field} = ${compactHcl(value, STYLE)}`;
    },
  };
}
