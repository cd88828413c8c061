/**
 * Which task definition "ECS: Visualize Start Order" draws in a file that holds several (a
 * CloudFormation template): the one under the cursor, otherwise the one the user picks by its
 * logical ID.
 */
import * as vscode from 'vscode';
import type { Position, Range } from '../../shared/src/graph';
import type { GraphSource } from './graphSource';

/** The choice: a task definition by name, or none to name (the file has at most one). */
export interface TaskDefinitionChoice {
  definition?: string;
}

/** Resolves to undefined when the user dismisses the pick. */
export async function chooseTaskDefinition(
  source: GraphSource,
  uri: vscode.Uri,
): Promise<TaskDefinitionChoice | undefined> {
  const named = await source.taskDefinitions(uri);
  if (named.length <= 1) return { definition: named[0]?.name };
  const editor = vscode.window.activeTextEditor;
  const cursor =
    editor && editor.document.uri.toString() === uri.toString()
      ? editor.selection.active
      : undefined;
  const underCursor = cursor && named.find((d) => holds(d.range, cursor));
  if (underCursor) return { definition: underCursor.name };
  const picked = await vscode.window.showQuickPick(
    named.map((d) => ({ label: d.name, description: `line ${d.range.start.line + 1}` })),
    {
      title: 'ECS: Visualize Start Order',
      placeHolder: `${vscode.workspace.asRelativePath(uri)} holds ${named.length} task definitions: which one?`,
    },
  );
  return picked ? { definition: picked.label } : undefined;
}

function holds(range: Range, at: Position): boolean {
  return !before(at, range.start) && !before(range.end, at);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
