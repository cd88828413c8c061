/**
 * Custom messages between the VS Code client and the language server, declared once and shared
 * by both sides (the client imports this file; it has no runtime dependency on either side).
 */
import type { StartOrderGraph } from './engine/types';

export interface StartOrderGraphParams {
  /** The document URI as the client knows it. */
  uri: string;
}

/** Result: the graph, or null when the document is not an open task definition. */
export type StartOrderGraphResult = StartOrderGraph | null;

export const StartOrderGraphRequest = {
  method: 'ecsInitOrder/startOrderGraph',
} as const;

/** Sent by the server when the graph of an open document may have changed (after diagnostics). */
export interface GraphChangedParams {
  uri: string;
  version: number;
}

export const GraphChangedNotification = {
  method: 'ecsInitOrder/graphChanged',
} as const;

/** Command ids contributed in package.json. */
export const Commands = {
  visualize: 'ecsInitOrder.visualizeStartOrder',
  /** Used by code lenses: arguments are (uri: string, containerId?: string). */
  showGraphFor: 'ecsInitOrder.showStartOrderGraph',
} as const;

export type { StartOrderGraph };
