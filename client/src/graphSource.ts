/**
 * Where the graph panel gets its data: the extension's language client implements this (the graph
 * comes from the server's `ecsInitOrder/startOrderGraph` request, never from a second parser here).
 */
import type * as vscode from 'vscode';
import type { StartOrderGraph } from '../../shared/src/protocol';

export interface GraphSource {
  /** The start-order graph of an open document, or null when it has none (not a task definition, turned off). */
  getGraph(uri: vscode.Uri): Promise<StartOrderGraph | null>;
  /** Fires with a document's URI when its graph may have changed (after the server has re-analysed it). */
  onDidChangeGraph: vscode.Event<vscode.Uri>;
  /** Whether the panel should follow this document when its editor becomes active. */
  isTaskDefinition(document: vscode.TextDocument): boolean;
}
