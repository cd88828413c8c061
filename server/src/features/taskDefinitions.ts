/**
 * The task definitions of a file that can hold several (a template): which one a graph or a
 * simulation request means, and the list the client offers when the cursor is in none of them.
 */
import type { Analysis, DefinitionAnalysis } from '../engine/index';
import type { NamedTaskDefinition } from '../../../shared/src/protocol';

/** The task definition named `name`; the file's first when no name is given (or not a string). */
export function definitionOf(analysis: Analysis, name: unknown): DefinitionAnalysis | undefined {
  if (typeof name !== 'string') return analysis.definitions[0];
  return analysis.definitions.find((d) => d.input.name === name);
}

/** The named task definitions, in the file's order, each with the range of its whole resource. */
export function namedTaskDefinitions(analysis: Analysis): NamedTaskDefinition[] {
  return analysis.definitions.flatMap((d) =>
    d.input.name === undefined
      ? []
      : [{ name: d.input.name, range: analysis.source.rangeOf(d.input.span) }],
  );
}
