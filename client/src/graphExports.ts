/** The graph panel's exports: Mermaid text to the clipboard, and the drawing saved as an SVG file. */
import * as vscode from 'vscode';

export async function copyMermaid(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage('Copied the start order as a Mermaid flowchart.');
}

/** Asks where to save (next to the task definition by default) and writes the SVG there. */
export async function saveSvg(svg: string, documentUri: vscode.Uri | undefined): Promise<void> {
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultSvgUri(documentUri),
    filters: { 'SVG image': ['svg'] },
    saveLabel: 'Save Start Order',
    title: 'Save the start-order graph as SVG',
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Could not save ${vscode.workspace.asRelativePath(target)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  const choice = await vscode.window.showInformationMessage(
    `Saved the start order to ${vscode.workspace.asRelativePath(target)}.`,
    'Open',
  );
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
}

/** `orders.task-def.json` → `orders.task-def.start-order.svg` beside it; untitled files go to the workspace. */
export function defaultSvgUri(documentUri: vscode.Uri | undefined): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!documentUri || documentUri.scheme === 'untitled')
    return folder ? vscode.Uri.joinPath(folder, 'start-order.svg') : undefined;
  const name = documentUri.path
    .slice(documentUri.path.lastIndexOf('/') + 1)
    .replace(/\.jsonc?$/i, '');
  return vscode.Uri.joinPath(documentUri, '..', `${name || 'task-definition'}.start-order.svg`);
}
