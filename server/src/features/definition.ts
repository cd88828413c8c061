/**
 * Go to definition: from a `dependsOn.containerName`, `volumesFrom.sourceContainer` or `links`
 * value to the container of that name, and from `mountPoints.sourceVolume` to the task volume.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../engine/index';
import { declarationOf, nameUseAt, rangeOf } from './located';

export function definition(analysis: Analysis, position: Position, uri: string): Location[] {
  const offset = analysis.source.offsetAt(position);
  const model = analysis.definitionAt(offset)?.model;
  if (!model) return [];
  const use = nameUseAt(model, offset);
  if (!use) return [];
  const declaration = use.use === 'declaration' ? use : declarationOf(model, use.kind, use.name);
  return declaration
    ? [{ uri, range: rangeOf(model.source, declaration.start, declaration.end) }]
    : [];
}
