/**
 * Entry point. Activation happens on any JSON, Terraform or YAML file, but the language server
 * starts only once a task definition (or a file named like one, or a template that declares one)
 * is open; settings apply without a reload.
 */
import * as vscode from 'vscode';
import { Commands } from '../../shared/src/protocol';
import { SettingKeys } from '../../shared/src/settings';
import { isTerraformPath } from '../../shared/src/taskDefinitionFilter';
import { affects, config } from './config';
import { registerStartOrderGraph, showStartOrderGraph, type GraphSource } from './graphPanel';
import { chooseTaskDefinition } from './taskDefinitionPick';
import {
  CLIENT_NAME,
  LanguageServerController,
  isTaskDefinitionDocument,
  needsServer,
} from './languageClient';

/** Context key for the editor-title button: the active editor shows a task definition. */
const IS_TASK_DEFINITION_KEY = 'ecsInitOrder.isTaskDefinition';

let controller: LanguageServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new LanguageServerController(context, outputChannel);
  controller = server;
  const source: GraphSource = server;
  const contextKey = new ActiveEditorContextKey();
  context.subscriptions.push(outputChannel, server, contextKey);

  registerStartOrderGraph(context, source);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.visualize, (resource?: unknown) =>
      visualize(context, source, resource),
    ),
    vscode.commands.registerCommand(
      Commands.showGraphFor,
      (uri?: unknown, containerId?: unknown, definition?: unknown) => {
        if (typeof uri !== 'string') return;
        void showStartOrderGraph(
          context,
          source,
          vscode.Uri.parse(uri),
          typeof containerId === 'string' ? containerId : undefined,
          typeof definition === 'string' ? definition : undefined,
        );
      },
    ),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (!server.isRunning && needsServer(document)) void server.start();
    }),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      // A new or untitled file becomes a task definition as the user types `containerDefinitions`.
      if (!server.isRunning && needsServer(document)) void server.start();
      if (document === vscode.window.activeTextEditor?.document) contextKey.scheduleUpdate();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => contextKey.update()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SettingKeys.enable) || affects(event, SettingKeys.filePatterns))
        void server.reconcile();
      if (affects(event, SettingKeys.filePatterns)) contextKey.update();
    }),
  );

  contextKey.update();
  void server.reconcile();
}

export function deactivate(): Promise<void> | undefined {
  return controller?.stop();
}

/** "ECS: Visualize Start Order": for the editor's resource (editor title) or the active editor. */
async function visualize(
  context: vscode.ExtensionContext,
  source: GraphSource,
  resource: unknown,
): Promise<void> {
  const uri =
    resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(
      'Open an ECS task definition (a JSON file with containerDefinitions, a template with an AWS::ECS::TaskDefinition, or a Terraform file with an aws_ecs_task_definition resource) to see its start order.',
    );
    return;
  }
  if (!config(uri).enable) {
    const choice = await vscode.window.showInformationMessage(
      'ECS Init Order is turned off for this file.',
      'Open Setting',
    );
    if (choice)
      void vscode.commands.executeCommand('workbench.action.openSettings', 'ecsInitOrder.enable');
    return;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document && !source.isTaskDefinition(document)) {
    const missing = isTerraformPath(uri.path)
      ? 'no aws_ecs_task_definition resource'
      : document.languageId === 'json' || document.languageId === 'jsonc'
        ? 'no containerDefinitions'
        : 'no AWS::ECS::TaskDefinition resource';
    void vscode.window.showInformationMessage(
      `${vscode.workspace.asRelativePath(uri)} is not an ECS task definition: it has ${missing}.`,
    );
    return;
  }
  const choice = await chooseTaskDefinition(source, uri);
  if (!choice) return;
  await showStartOrderGraph(context, source, uri, undefined, choice.definition);
}

/** Keeps `ecsInitOrder.isTaskDefinition` true exactly while the active editor shows a task definition. */
class ActiveEditorContextKey implements vscode.Disposable {
  private value: boolean | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  update(): void {
    this.cancel();
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && isTaskDefinitionDocument(document);
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', IS_TASK_DEFINITION_KEY, value);
  }

  /** While the user types, look again only after a pause (the check reads the whole text). */
  scheduleUpdate(): void {
    this.cancel();
    this.timer = setTimeout(() => this.update(), 300);
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
