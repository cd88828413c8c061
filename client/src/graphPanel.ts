/**
 * The "ECS: Visualize Start Order" panel: one webview beside the editor that draws the start-order
 * graph of a task definition and the timeline of its start, follows edits and the active
 * task-definition editor, and turns clicks in the graph into selections in the editor. The data
 * comes from the GraphSource (the language server's graph and simulate requests); the webview only
 * draws it. Everything the webview posts is validated.
 */
import * as vscode from 'vscode';
import type { Range, StartOrderGraph } from '../../shared/src/graph';
import {
  SUCCEEDS,
  sameScenario,
  scenarioApplies,
  scenarioOverrides,
  type Scenario,
} from '../../shared/src/scenarios';
import type { GraphSource } from './graphSource';
import { createNonce, renderWebviewHtml } from './graphHtml';
import { copyMermaid, saveSvg } from './graphExports';
import {
  parseViewState,
  parseWebviewMessage,
  rangeWithin,
  type HostMessage,
  type WebviewMessage,
} from '../../shared/src/webviewMessages';

export type { GraphSource } from './graphSource';

export const VIEW_TYPE = 'ecsInitOrder.startOrderGraph';

/**
 * The workspace-state key under which the panel remembers the task definition it shows: the
 * webview's saved state names only the document, and after a reload the panel shows the same
 * task definition of a template again.
 */
export const SHOWN_KEY = 'ecsInitOrder.startOrderGraph.shown';

interface Shown {
  documentUri: string;
  definition?: string;
}

export class StartOrderGraphPanel {
  /** The one panel (there is at most one; it switches documents). */
  static current: StartOrderGraphPanel | undefined;
  /** Where the panel remembers what it shows (the workspace state), once registered. */
  static memory: vscode.Memento | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private requestId = 0;
  private simulationId = 0;
  private pendingSelection: string | undefined;
  private disposed = false;
  /** The graph last sent: what a scenario from the webview is checked against. */
  private graph: StartOrderGraph | undefined;
  /** The refresh under way; a scenario waits for it, so that it meets the newest graph. */
  private refreshing: Promise<void> = Promise.resolve();
  /**
   * The scenario the timeline shows, once the webview has asked for one: from then on every new
   * graph comes with a new simulation.
   */
  private scenario: Scenario | undefined;

  /**
   * Shows the panel for `documentUri` (for its task definition named `definition`, in a file with
   * several), creating it beside the editor when there is none.
   */
  static createOrShow(
    extensionUri: vscode.Uri,
    source: GraphSource,
    documentUri: vscode.Uri,
    definition?: string,
  ): StartOrderGraphPanel {
    const existing = StartOrderGraphPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.setDocument(documentUri, definition);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      panelTitle(documentUri, definition),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new StartOrderGraphPanel(panel, extensionUri, source, documentUri, definition);
  }

  /** Restores a panel after a window reload from the state its webview saved. */
  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    source: GraphSource,
    state: unknown,
  ): StartOrderGraphPanel {
    StartOrderGraphPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    const saved = parseViewState(state);
    const active = vscode.window.activeTextEditor?.document;
    const documentUri = saved
      ? vscode.Uri.parse(saved.documentUri)
      : active && source.isTaskDefinition(active)
        ? active.uri
        : undefined;
    const shown = StartOrderGraphPanel.memory?.get<Shown>(SHOWN_KEY);
    const definition =
      documentUri &&
      shown?.documentUri === documentUri.toString() &&
      typeof shown.definition === 'string'
        ? shown.definition
        : undefined;
    return new StartOrderGraphPanel(panel, extensionUri, source, documentUri, definition);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: GraphSource,
    private documentUri: vscode.Uri | undefined,
    /** The task definition shown, by name, in a file that holds several (a template). */
    private definition?: string,
  ) {
    const webview = panel.webview;
    webview.html = renderWebviewHtml({
      scriptUri: webview
        .asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'))
        .toString(),
      styleUri: webview
        .asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'graph.css'))
        .toString(),
      cspSource: webview.cspSource,
      nonce: createNonce(),
    });
    if (documentUri) {
      panel.title = panelTitle(documentUri, definition);
      this.remember();
    }
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((data: unknown) => this.receive(parseWebviewMessage(data))),
      source.onDidChangeGraph((uri) => {
        if (uri.toString() === this.documentUri?.toString()) void this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Follow the user to another task definition; any other editor (or none) leaves the graph as is.
        if (
          editor &&
          editor.document.uri.toString() !== this.documentUri?.toString() &&
          source.isTaskDefinition(editor.document)
        ) {
          this.setDocument(editor.document.uri);
        }
      }),
    );
    // The panel on screen from here until dispose(), the one place that unsets it.
    StartOrderGraphPanel.current = this;
  }

  /** Shows another document's graph, or another task definition's (or the same one again, fresh). */
  setDocument(documentUri: vscode.Uri, definition?: string): void {
    // Another task definition's containers have other names: its timeline starts from everything
    // succeeding.
    if (
      this.scenario &&
      (documentUri.toString() !== this.documentUri?.toString() || definition !== this.definition)
    )
      this.scenario = SUCCEEDS;
    this.documentUri = documentUri;
    this.definition = definition;
    this.panel.title = panelTitle(documentUri, definition);
    this.remember();
    void this.refresh();
  }

  private remember(): void {
    if (!this.documentUri) return;
    const shown: Shown = { documentUri: this.documentUri.toString() };
    if (this.definition !== undefined) shown.definition = this.definition;
    void StartOrderGraphPanel.memory?.update(SHOWN_KEY, shown);
  }

  /** Highlights a container once the graph is there (code lens "show in graph"). */
  select(containerId: string): void {
    this.pendingSelection = containerId;
    void this.post({ command: 'select', containerId });
  }

  /**
   * Asks the source for the graph and sends it, then the simulation when the timeline has been
   * asked for; an answer that a newer request overtook is dropped.
   */
  refresh(): Promise<void> {
    const run = this.load();
    this.refreshing = run;
    return run;
  }

  private async load(): Promise<void> {
    const uri = this.documentUri;
    const id = ++this.requestId;
    if (!uri) {
      this.graph = undefined;
      await this.post({
        command: 'unavailable',
        message: 'Open an ECS task definition to see how its containers start.',
      });
      return;
    }
    let graph;
    try {
      // After a reload the document may not be open yet: opening it lets the server analyse it.
      if (uri.scheme !== 'untitled') await vscode.workspace.openTextDocument(uri);
      graph = await this.source.getGraph(uri, this.definition);
    } catch {
      graph = null;
    }
    if (this.disposed || id !== this.requestId) return;
    this.graph = graph ?? undefined;
    if (!graph) {
      const name =
        vscode.workspace.asRelativePath(uri) +
        (this.definition === undefined ? '' : ` (${this.definition})`);
      await this.post({
        command: 'unavailable',
        documentUri: uri.toString(),
        message: `No start order for ${name}: it is not an ECS task definition, or ECS Init Order is turned off for it.`,
      });
      return;
    }
    await this.post({ command: 'update', graph, documentUri: uri.toString() });
    if (
      this.pendingSelection !== undefined &&
      graph.nodes.some((n) => n.id === this.pendingSelection)
    ) {
      await this.post({ command: 'select', containerId: this.pendingSelection });
    }
    this.pendingSelection = undefined;
    if (this.scenario) {
      // Keep the chosen scenario while the file still has its container, and it still makes sense.
      if (!scenarioApplies(graph, this.scenario)) this.scenario = SUCCEEDS;
      await this.simulate(this.scenario);
    }
  }

  /**
   * The webview asks for a scenario. It is run only when it applies to the newest graph (its
   * container exists and the scenario makes sense for it); otherwise the webview gets the scenario
   * shown now once more, so that its controls show what is simulated.
   */
  private async choose(scenario: Scenario): Promise<void> {
    await this.refreshing;
    const graph = this.graph;
    if (this.disposed || !graph) return;
    if (scenarioApplies(graph, scenario)) this.scenario = scenario;
    else this.scenario ??= SUCCEEDS;
    await this.simulate(this.scenario);
  }

  /** Runs the simulation of the current graph in `scenario` and sends it, unless overtaken. */
  private async simulate(scenario: Scenario): Promise<void> {
    const uri = this.documentUri;
    const definition = this.definition;
    const graph = this.graph;
    if (!uri || !graph) return;
    const id = ++this.simulationId;
    let result;
    try {
      result = await this.source.simulate(uri, scenarioOverrides(graph, scenario), definition);
    } catch {
      result = null;
    }
    if (
      this.disposed ||
      id !== this.simulationId ||
      uri.toString() !== this.documentUri?.toString() ||
      definition !== this.definition ||
      !this.scenario ||
      !sameScenario(scenario, this.scenario)
    )
      return;
    await this.post({ command: 'simulation', documentUri: uri.toString(), scenario, result });
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  private receive(message: WebviewMessage | undefined): void {
    if (!message) return;
    switch (message.command) {
      case 'ready':
        void this.refresh();
        return;
      case 'reveal':
        void this.reveal(message.uri, message.range);
        return;
      case 'copyMermaid':
        void copyMermaid(message.text);
        return;
      case 'saveSvg':
        void saveSvg(message.svg, this.documentUri);
        return;
      case 'simulate':
        void this.choose(message.scenario);
        return;
    }
  }

  /** Selects a container or dependsOn entry in the editor, if the range belongs to the panel's document. */
  private async reveal(uri: string, range: Range): Promise<void> {
    const documentUri = this.documentUri;
    if (!documentUri || !sameUri(uri, documentUri)) return;
    const document = await vscode.workspace.openTextDocument(documentUri);
    if (
      !rangeWithin(range, {
        lineCount: document.lineCount,
        lineLength: (line) => document.lineAt(line).text.length,
      })
    )
      return;
    const selection = new vscode.Selection(
      range.start.line,
      range.start.character,
      range.end.line,
      range.end.character,
    );
    const visible = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === documentUri.toString(),
    );
    const column =
      visible?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One
        ? vscode.ViewColumn.Two
        : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: column,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (StartOrderGraphPanel.current === this) StartOrderGraphPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * Opens the panel on `uri` (default: the active editor's document), on its task definition named
 * `definition` in a file with several, and optionally selects a container.
 */
export async function showStartOrderGraph(
  context: { extensionUri: vscode.Uri },
  source: GraphSource,
  uri?: vscode.Uri,
  containerId?: string,
  definition?: string,
): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(
      'Open an ECS task definition to see how its containers start.',
    );
    return;
  }
  const panel = StartOrderGraphPanel.createOrShow(context.extensionUri, source, target, definition);
  if (containerId !== undefined) panel.select(containerId);
}

/** Registers the serializer that restores the panel after a reload, and disposes the panel on deactivation. */
export function registerStartOrderGraph(
  context: vscode.ExtensionContext,
  source: GraphSource,
): void {
  StartOrderGraphPanel.memory = context.workspaceState;
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        StartOrderGraphPanel.revive(panel, context.extensionUri, source, state);
      },
    }),
    {
      dispose: () => {
        StartOrderGraphPanel.current?.dispose();
        StartOrderGraphPanel.memory = undefined;
      },
    },
  );
}

function webviewOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // The page loads only the bundle and the stylesheet: nothing else of the extension is reachable.
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

function panelTitle(uri: vscode.Uri, definition?: string): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
  return `Start Order: ${name}${definition === undefined ? '' : ` · ${definition}`}`;
}

function sameUri(value: string, uri: vscode.Uri): boolean {
  try {
    return vscode.Uri.parse(value, true).toString() === uri.toString();
  } catch {
    return false;
  }
}
