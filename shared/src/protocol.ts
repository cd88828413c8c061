/**
 * Custom messages between the VS Code client and the language server, declared once as typed
 * request and notification types (as vscode-eslint does) and used by both sides, so a change to a
 * message's shape fails to compile on whichever side is left behind.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range, StartOrderGraph } from './graph';
import type { ScenarioOverrides, SimulationResult } from './simulation';

export interface StartOrderGraphParams {
  /** The document URI as the client knows it. */
  uri: string;
  /**
   * In a file that holds several task definitions (a template), the one to draw, by its name (the
   * resource's logical ID); the file's first task definition when left out.
   */
  definition?: string;
}

/** Result: the graph, or null when the document is not an open task definition. */
export type StartOrderGraphResult = StartOrderGraph | null;

export const StartOrderGraphRequest = {
  method: 'ecsInitOrder/startOrderGraph',
  type: new RequestType<StartOrderGraphParams, StartOrderGraphResult, void>(
    'ecsInitOrder/startOrderGraph',
  ),
} as const;

export interface SimulateParams {
  /** The document URI as the client knows it. */
  uri: string;
  /** Per container name, what differs from the default scenario; omitted: the default scenario. */
  overrides?: ScenarioOverrides;
  /** The task definition to simulate, as in StartOrderGraphParams. */
  definition?: string;
}

/** Result: the start simulation, or null when the document is not an open task definition. */
export type SimulateResult = SimulationResult | null;

export const SimulateRequest = {
  method: 'ecsInitOrder/simulate',
  type: new RequestType<SimulateParams, SimulateResult, void>('ecsInitOrder/simulate'),
} as const;

export interface TaskDefinitionsParams {
  /** The document URI as the client knows it. */
  uri: string;
}

/** A task definition of a file that can hold several: its name and where it is written. */
export interface NamedTaskDefinition {
  /** The resource's logical ID. */
  name: string;
  /** Its whole text (the resource): the one under the cursor is the one whose range holds it. */
  range: Range;
}

/** Result: the named task definitions of the document, in its order (none for task-definition JSON). */
export type TaskDefinitionsResult = NamedTaskDefinition[];

export const TaskDefinitionsRequest = {
  method: 'ecsInitOrder/taskDefinitions',
  type: new RequestType<TaskDefinitionsParams, TaskDefinitionsResult, void>(
    'ecsInitOrder/taskDefinitions',
  ),
} as const;

/** Sent by the server when the graph of an open document may have changed (after diagnostics). */
export interface GraphChangedParams {
  uri: string;
  version: number;
}

export const GraphChangedNotification = {
  method: 'ecsInitOrder/graphChanged',
  type: new NotificationType<GraphChangedParams>('ecsInitOrder/graphChanged'),
} as const;

/** Command ids contributed in package.json. */
export const Commands = {
  visualize: 'ecsInitOrder.visualizeStartOrder',
  /** Used by code lenses: arguments are (uri: string, containerId?: string, definition?: string). */
  showGraphFor: 'ecsInitOrder.showStartOrderGraph',
} as const;

export type { StartOrderGraph, ScenarioOverrides, SimulationResult };
