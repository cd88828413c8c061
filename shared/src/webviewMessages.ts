/**
 * The messages between the graph panel (extension side) and its webview, both ways, and their
 * validation. A message that does not match its schema exactly is ignored by whichever side gets it:
 * the webview is a web page, so everything it posts is treated as untrusted input. Pure: no DOM,
 * no vscode.
 */
import type { Range, StartOrderGraph } from './graph';
import { isRange, isRecord, isStartOrderGraph, isText } from './graphShape';
import { parseScenario, type Scenario } from './scenarios';
import type { SimulationResult } from './simulation';
import { isSimulationResult } from './simulationShape';

/** Extension → webview. */
export type HostMessage =
  /** A new graph of `documentUri` (the panel's document, as the extension spells its URI). */
  | { command: 'update'; graph: StartOrderGraph; documentUri: string }
  /** There is no graph to show (not a task definition, turned off, server down), with the reason. */
  | { command: 'unavailable'; message: string; documentUri?: string }
  /** Highlight a container and scroll it into view (from a code lens). */
  | { command: 'select'; containerId: string }
  /**
   * The start simulation of `documentUri` in `scenario` (the one the webview asked for, or
   * everything succeeds when that no longer applies to the file); null when it could not be run.
   */
  | {
      command: 'simulation';
      documentUri: string;
      scenario: Scenario;
      result: SimulationResult | null;
    };

/** Webview → extension. */
export type WebviewMessage =
  | { command: 'ready' }
  | { command: 'reveal'; uri: string; range: Range }
  | { command: 'copyMermaid'; text: string }
  | { command: 'saveSvg'; svg: string }
  /** Show the timeline in this scenario, and keep it up to date as the file changes. */
  | { command: 'simulate'; scenario: Scenario };

/** The two ways the page shows the task: the start-order graph, or the timeline of a simulation. */
export type ViewMode = 'graph' | 'timeline';

/** What the webview keeps with getState/setState, and what the serializer gets after a reload. */
export interface ViewState {
  documentUri: string;
  graph?: StartOrderGraph;
  selectedId?: string;
  view?: ViewMode;
  scenario?: Scenario;
}

export const MAX_URI_LENGTH = 8_192;
export const MAX_MERMAID_LENGTH = 1_000_000;
export const MAX_SVG_LENGTH = 10_000_000;

function hasExactly(value: Record<string, unknown>, keys: string[]): boolean {
  const actual = Object.keys(value);
  return actual.length === keys.length && actual.every((k) => keys.includes(k));
}

/** Validates a message posted by the webview; undefined for anything else. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.command) {
    case 'ready':
      return hasExactly(data, ['command']) ? { command: 'ready' } : undefined;
    case 'reveal':
      if (
        !hasExactly(data, ['command', 'uri', 'range']) ||
        !isText(data.uri, MAX_URI_LENGTH) ||
        !isRange(data.range)
      )
        return undefined;
      return { command: 'reveal', uri: data.uri, range: copyRange(data.range) };
    case 'copyMermaid':
      if (
        !hasExactly(data, ['command', 'text']) ||
        !isText(data.text, MAX_MERMAID_LENGTH) ||
        data.text.trim() === ''
      )
        return undefined;
      return { command: 'copyMermaid', text: data.text };
    case 'saveSvg':
      if (
        !hasExactly(data, ['command', 'svg']) ||
        !isText(data.svg, MAX_SVG_LENGTH) ||
        !looksLikeSvg(data.svg)
      )
        return undefined;
      return { command: 'saveSvg', svg: data.svg };
    case 'simulate': {
      const scenario = hasExactly(data, ['command', 'scenario'])
        ? parseScenario(data.scenario)
        : undefined;
      return scenario ? { command: 'simulate', scenario } : undefined;
    }
    default:
      return undefined;
  }
}

/** Validates a message posted to the webview; undefined for anything else. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.command) {
    case 'update':
      if (!isText(data.documentUri, MAX_URI_LENGTH) || !isStartOrderGraph(data.graph))
        return undefined;
      return { command: 'update', graph: data.graph, documentUri: data.documentUri };
    case 'unavailable':
      if (
        !isText(data.message, 2_000) ||
        (data.documentUri !== undefined && !isText(data.documentUri, MAX_URI_LENGTH))
      )
        return undefined;
      return { command: 'unavailable', message: data.message, documentUri: data.documentUri };
    case 'select':
      return isText(data.containerId)
        ? { command: 'select', containerId: data.containerId }
        : undefined;
    case 'simulation': {
      const scenario = parseScenario(data.scenario);
      if (
        !scenario ||
        !isText(data.documentUri, MAX_URI_LENGTH) ||
        (data.result !== null && !isSimulationResult(data.result))
      )
        return undefined;
      return {
        command: 'simulation',
        documentUri: data.documentUri,
        scenario,
        result: data.result,
      };
    }
    default:
      return undefined;
  }
}

/** Validates the state a webview saved (it comes back through the serializer after a reload). */
export function parseViewState(state: unknown): ViewState | undefined {
  if (!isRecord(state) || !isText(state.documentUri, MAX_URI_LENGTH) || state.documentUri === '')
    return undefined;
  const result: ViewState = { documentUri: state.documentUri };
  if (isStartOrderGraph(state.graph)) result.graph = state.graph;
  if (isText(state.selectedId)) result.selectedId = state.selectedId;
  if (state.view === 'graph' || state.view === 'timeline') result.view = state.view;
  const scenario = parseScenario(state.scenario);
  if (scenario) result.scenario = scenario;
  return result;
}

/** What the extension knows about the panel's document to check a reveal against. */
export interface DocumentBounds {
  lineCount: number;
  lineLength(line: number): number;
}

/** True when the range lies inside the document (a reveal outside it is ignored, not clamped). */
export function rangeWithin(range: Range, document: DocumentBounds): boolean {
  const inside = (p: Range['start']) =>
    p.line < document.lineCount && p.character <= document.lineLength(p.line);
  return inside(range.start) && inside(range.end);
}

/** A standalone SVG document: an optional XML declaration, then the svg root in the SVG namespace. */
function looksLikeSvg(text: string): boolean {
  return (
    /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(text) &&
    text.includes('xmlns="http://www.w3.org/2000/svg"') &&
    /<\/svg>\s*$/.test(text)
  );
}

function copyRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
