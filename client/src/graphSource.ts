/**
 * Where the graph panel gets its data: the extension's language client implements this (the graph
 * comes from the server's `ecsInitOrder/startOrderGraph` request and the timeline from its
 * `ecsInitOrder/simulate` request, never from a second parser here).
 */
import type * as vscode from 'vscode';
import type {
  NamedTaskDefinition,
  ScenarioOverrides,
  SimulationResult,
  StartOrderGraph,
} from '../../shared/src/protocol';

export interface GraphSource {
  /**
   * The start-order graph of an open document, or null when it has none (not a task definition,
   * turned off). `definition`: in a file with several task definitions, the one named so.
   */
  getGraph(uri: vscode.Uri, definition?: string): Promise<StartOrderGraph | null>;
  /** The start simulation of an open document in a scenario, or null when it has none. */
  simulate(
    uri: vscode.Uri,
    overrides: ScenarioOverrides,
    definition?: string,
  ): Promise<SimulationResult | null>;
  /** The named task definitions of an open document (a template's resources); none for task-definition JSON. */
  taskDefinitions(uri: vscode.Uri): Promise<NamedTaskDefinition[]>;
  /** Fires with a document's URI when its graph may have changed (after the server has re-analysed it). */
  onDidChangeGraph: vscode.Event<vscode.Uri>;
  /** Whether the panel should follow this document when its editor becomes active. */
  isTaskDefinition(document: vscode.TextDocument): boolean;
}
