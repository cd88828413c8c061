/**
 * The start-order webview's script (bundled to dist/webview.js). It draws what the extension sends
 * and reports clicks back; it never reads the task definition itself. Every message is checked
 * against its schema first (messages.ts), so a forged one is dropped without touching the page.
 */
import {
  parseHostMessage,
  parseViewState,
  type ViewState,
  type WebviewMessage,
} from '../../shared/src/webviewMessages';
import { GraphView } from './view';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage) => vscode.postMessage(message);

const root = document.getElementById('app');
if (root) start(root);

function start(root: HTMLElement): void {
  const view: GraphView = new GraphView(root, {
    reveal: (uri, range) => post({ command: 'reveal', uri, range }),
    copyMermaid: (text) => post({ command: 'copyMermaid', text }),
    saveSvg: (svg) => post({ command: 'saveSvg', svg }),
    simulate: (scenario) => post({ command: 'simulate', scenario }),
    changed: () => saveState(view),
  });

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseHostMessage(event.data);
    if (!message) return;
    try {
      if (message.command === 'update') view.showGraph(message.graph, message.documentUri);
      else if (message.command === 'unavailable')
        view.showMessage(message.message, message.documentUri);
      else if (message.command === 'select') view.select(message.containerId);
      else view.showSimulation(message.documentUri, message.scenario, message.result);
    } catch (error) {
      // A graph that passed the schema but still cannot be drawn must not leave a half-built page.
      console.error('ECS Init Order: could not draw the start order', error);
      view.showMessage(
        'The start order could not be drawn. Edit the file or reopen the view to try again.',
      );
    }
  });

  // After a reload (or when the panel becomes visible again) show the last graph at once; the
  // extension sends a fresh one in answer to 'ready'.
  const state = parseViewState(vscode.getState());
  if (state) {
    view.mode = state.view ?? 'graph';
    view.scenario = state.scenario ?? view.scenario;
  }
  if (state?.graph) {
    try {
      view.documentUri = state.documentUri;
      view.selectedId = state.selectedId;
      view.showGraph(state.graph, state.documentUri);
    } catch {
      view.showMessage('Loading the start order…', state.documentUri);
    }
  }
  post({ command: 'ready' });
  // The timeline was shown: ask again for its scenario (the extension checks it against the file).
  if (view.mode === 'timeline') post({ command: 'simulate', scenario: view.scenario });
}

function saveState(view: GraphView): void {
  if (!view.documentUri) return;
  const state: ViewState = { documentUri: view.documentUri };
  if (view.graph) state.graph = view.graph;
  if (view.selectedId) state.selectedId = view.selectedId;
  state.view = view.mode;
  state.scenario = view.scenario;
  vscode.setState(state);
}
