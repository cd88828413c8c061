/**
 * Rename a container (or a volume) from its declaration or any use: the `name` and every
 * `dependsOn.containerName`, `volumesFrom.sourceContainer` and `links` entry (keeping `:alias`), or
 * a volume's `name` and every `mountPoints.sourceVolume`. Invalid or taken names are refused with
 * a message for the user.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { type Analysis, NAME_PATTERN } from '../engine/index';
import { workspaceEdit } from './codeActions';
import { nameUseAt, rangeOf, usesOf, type NameUse } from './located';

/** ECS names (containers, volumes): 1 to 255 letters, digits, hyphens and underscores. */
const VALID_NAME = new RegExp(NAME_PATTERN);

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

/** The range of the name under the cursor and the name itself, or null when nothing renamable is there. */
export function prepareRename(
  analysis: Analysis,
  position: Position,
): { range: Range; placeholder: string } | null {
  const offset = analysis.source.offsetAt(position);
  const model = analysis.definitionAt(offset)?.model;
  if (!model) return null;
  const use = nameUseAt(model, offset);
  if (!use) return null;
  return { range: rangeOf(model.source, use.start, use.end), placeholder: use.name };
}

export interface RenameOptions {
  uri: string;
  version: number;
  documentChanges: boolean;
}

export function rename(
  analysis: Analysis,
  position: Position,
  newName: string,
  options: RenameOptions,
): RenameResult | null {
  const offset = analysis.source.offsetAt(position);
  const model = analysis.definitionAt(offset)?.model;
  if (!model) return null;
  const at = nameUseAt(model, offset);
  if (!at) return null;
  const what = at.kind === 'container' ? 'Container' : 'Volume';
  if (!VALID_NAME.test(newName)) {
    return {
      error: `"${newName}" is not a valid ${what.toLowerCase()} name: use 1 to 255 letters, digits, hyphens (-) and underscores (_).`,
    };
  }
  if (newName === at.name)
    return { edit: workspaceEdit(options.uri, options.version, [], options.documentChanges) };
  const taken =
    at.kind === 'container'
      ? model.byName.has(newName)
      : model.volumes.some((v) => v.name?.value === newName);
  if (taken)
    return {
      error: `${what} names must be unique: this task definition already has a ${what.toLowerCase()} named "${newName}".`,
    };
  const edits = usesOf(model, at.kind, at.name).map((u) => renameEdit(analysis, u, newName));
  return { edit: workspaceEdit(options.uri, options.version, edits, options.documentChanges) };
}

function renameEdit(analysis: Analysis, use: NameUse, newName: string): TextEdit {
  const source = analysis.source;
  if (analysis.file.format !== 'json') {
    // A template: its editor writes the value in the file's syntax (YAML quotes a name like `yes`).
    const value = use.alias !== undefined ? `${newName}:${use.alias}` : newName;
    const [edit, ...more] = analysis.file.editor.replaceValue(use.node, value);
    if (edit && !edit.invalid && more.length === 0)
      return {
        range: rangeOf(source, edit.offset, edit.offset + edit.length),
        newText: edit.newText,
      };
  }
  if (use.escaped) {
    // The name is written with escapes: replace the whole string with the new value.
    const value = use.alias !== undefined ? `${newName}:${use.alias}` : newName;
    return {
      range: rangeOf(source, use.node.offset, use.node.offset + use.node.length),
      newText: JSON.stringify(value),
    };
  }
  return { range: rangeOf(source, use.start, use.end), newText: newName };
}
