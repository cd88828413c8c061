/**
 * Find references: every place a container (or volume) name is used: `dependsOn`, `volumesFrom`,
 * `links` (`name:alias`) and `mountPoints`, plus its declaration when the client asks for it.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../engine/index';
import { nameUseAt, rangeOf, usesOf } from './located';

export function references(
  analysis: Analysis,
  position: Position,
  uri: string,
  includeDeclaration: boolean,
): Location[] {
  const offset = analysis.source.offsetAt(position);
  const model = analysis.definitionAt(offset)?.model;
  if (!model) return [];
  const at = nameUseAt(model, offset);
  if (!at) return [];
  return usesOf(model, at.kind, at.name)
    .filter((u) => includeDeclaration || u.use !== 'declaration')
    .map((u) => ({ uri, range: rangeOf(model.source, u.start, u.end) }));
}
