/**
 * Owns the language client: creates it over IPC, starts it only when a task definition is open,
 * stops and restarts it when `ecsInitOrder.enable` changes, and serves the start-order graph to the
 * webview (it is the webview's `GraphSource`). Start and stop are queued one after the other, so a
 * setting toggled twice quickly never leaves two servers running.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  GraphChangedNotification,
  SimulateRequest,
  StartOrderGraphRequest,
  TaskDefinitionsRequest,
  type GraphChangedParams,
  type NamedTaskDefinition,
  type ScenarioOverrides,
  type SimulateParams,
  type SimulationResult,
  type StartOrderGraph,
  type StartOrderGraphParams,
  type TaskDefinitionsParams,
} from '../../shared/src/protocol';
import { CONFIG_SECTION, config, enabledAnywhere } from './config';
import {
  declaresTaskDefinitionResource,
  isTaskDefinition,
  isTerraformPath,
  mayBecomeTaskDefinition,
} from '../../shared/src/taskDefinitionFilter';

/** The client id: VS Code's `ecsInitOrder.trace.server` setting is found through it. */
export const CLIENT_ID = 'ecsInitOrder';
export const CLIENT_NAME = 'ECS Init Order';

const RED_HAT_YAML = 'redhat.vscode-yaml';

/**
 * CloudFormation templates in YAML: VS Code's and Red Hat's `yaml`, and `cloudformation` where an
 * extension gives templates a language of their own. Such a document is ours only when it declares
 * an AWS::ECS::TaskDefinition: every other YAML file gets nothing.
 */
const TEMPLATE_LANGUAGES = ['yaml', 'cloudformation'];

/**
 * JSON; Terraform: `terraform` is the language id HashiCorp's extension gives .tf files, and ours
 * too (package.json contributes it, so that a .tf file has it without any other extension); YAML
 * templates.
 */
const LANGUAGES = ['json', 'jsonc', 'terraform', ...TEMPLATE_LANGUAGES];

/** A document the extension reads: one of its languages, or a .tf file under another language id. */
function readable(document: vscode.TextDocument): boolean {
  return LANGUAGES.includes(document.languageId) || isTerraformPath(document.uri.path);
}

/** A YAML document: the extension's only when it is a template that declares a task definition. */
function isYaml(document: vscode.TextDocument): boolean {
  return TEMPLATE_LANGUAGES.includes(document.languageId) && !isTerraformPath(document.uri.path);
}

/** True for a document that is (by its content, or its name and shape) a task definition or a template of one. */
export function isTaskDefinitionDocument(document: vscode.TextDocument): boolean {
  if (!readable(document)) return false;
  if (isYaml(document)) return declaresTaskDefinitionResource(document.getText());
  return isTaskDefinition(document.uri.path, document.getText(), config(document.uri).filePatterns);
}

/** True for a document for which the server should run: a task definition or a file named like one. */
export function needsServer(document: vscode.TextDocument): boolean {
  if (!readable(document) || !config(document.uri).enable) return false;
  if (isYaml(document)) return declaresTaskDefinitionResource(document.getText());
  return mayBecomeTaskDefinition(
    document.uri.path,
    document.getText(),
    config(document.uri).filePatterns,
  );
}

/**
 * JSON, JSONC, Terraform and YAML documents on disk and unsaved ones, plus those of the
 * workspace's own file system when it is a virtual one (the server reads documents only through
 * the protocol, never from disk); and .tf files whatever language id they have (an association to
 * another language).
 */
export function documentSelector(): DocumentSelector {
  const schemes = new Set(['file', 'untitled']);
  for (const folder of vscode.workspace.workspaceFolders ?? []) schemes.add(folder.uri.scheme);
  return [
    ...LANGUAGES.flatMap((language) => [...schemes].map((scheme) => ({ language, scheme }))),
    ...[...schemes].map((scheme) => ({ scheme, pattern: '**/*.tf' })),
  ];
}

export class LanguageServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly graphChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a document's URI when the server says its start-order graph may have changed. */
  readonly onDidChangeGraph: vscode.Event<vscode.Uri> = this.graphChanged.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly outputChannel: vscode.LogOutputChannel,
  ) {}

  get isRunning(): boolean {
    return this.client !== undefined;
  }

  /** Starts the server unless it runs already; resolves once it has answered `initialize`. */
  start(): Promise<LanguageClient | undefined> {
    return this.enqueue(async () => {
      if (this.client) return this.client;
      const client = this.createClient();
      client.onNotification(GraphChangedNotification.type, (params: GraphChangedParams) => {
        if (typeof params?.uri === 'string') this.graphChanged.fire(vscode.Uri.parse(params.uri));
      });
      try {
        await client.start();
      } catch (error) {
        this.outputChannel.error(
          `The ECS Init Order language server did not start: ${String(error)}`,
        );
        void client.dispose().catch(() => undefined);
        void vscode.window
          .showErrorMessage('The ECS Init Order language server did not start.', 'Show Output')
          .then((choice) => {
            if (choice) this.outputChannel.show(true);
          });
        return undefined;
      }
      this.client = client;
      return client;
    });
  }

  /** Stops the server (its diagnostics and code lenses go away with it). */
  stop(): Promise<void> {
    return this.enqueue(async () => {
      const client = this.client;
      this.client = undefined;
      if (!client) return;
      try {
        await client.stop();
      } catch (error) {
        this.outputChannel.warn(`Stopping the language server failed: ${String(error)}`);
      } finally {
        await client.dispose().catch(() => undefined);
      }
    });
  }

  /** Starts the server when enabled and an open document needs it; stops it when disabled everywhere. */
  async reconcile(): Promise<void> {
    if (!enabledAnywhere()) return this.stop();
    if (!this.client && vscode.workspace.textDocuments.some(needsServer)) await this.start();
  }

  /** GraphSource: the start-order graph of an open document, or null (not a task definition, disabled). */
  async getGraph(uri: vscode.Uri, definition?: string): Promise<StartOrderGraph | null> {
    if (!config(uri).enable) return null;
    const client = this.client ?? (await this.start());
    if (!client) return null;
    const params: StartOrderGraphParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    if (definition !== undefined) params.definition = definition;
    try {
      return await client.sendRequest(StartOrderGraphRequest.type, params);
    } catch (error) {
      this.outputChannel.warn(
        `The start-order graph of ${uri.toString(true)} could not be computed: ${String(error)}`,
      );
      return null;
    }
  }

  /** GraphSource: the start simulation of an open document in a scenario, or null. */
  async simulate(
    uri: vscode.Uri,
    overrides: ScenarioOverrides,
    definition?: string,
  ): Promise<SimulationResult | null> {
    if (!config(uri).enable) return null;
    const client = this.client ?? (await this.start());
    if (!client) return null;
    const params: SimulateParams = { uri: client.code2ProtocolConverter.asUri(uri), overrides };
    if (definition !== undefined) params.definition = definition;
    try {
      return await client.sendRequest(SimulateRequest.type, params);
    } catch (error) {
      this.outputChannel.warn(
        `The start of ${uri.toString(true)} could not be simulated: ${String(error)}`,
      );
      return null;
    }
  }

  /** GraphSource: the named task definitions of an open document (a template's resources), or none. */
  async taskDefinitions(uri: vscode.Uri): Promise<NamedTaskDefinition[]> {
    if (!config(uri).enable) return [];
    const client = this.client ?? (await this.start());
    if (!client) return [];
    const params: TaskDefinitionsParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    try {
      return (await client.sendRequest(TaskDefinitionsRequest.type, params)) ?? [];
    } catch (error) {
      this.outputChannel.warn(
        `The task definitions of ${uri.toString(true)} could not be listed: ${String(error)}`,
      );
      return [];
    }
  }

  /** GraphSource: whether the graph button and command apply to this document. */
  isTaskDefinition(document: vscode.TextDocument): boolean {
    return isTaskDefinitionDocument(document);
  }

  dispose(): void {
    this.graphChanged.dispose();
    void this.stop();
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private createClient(): LanguageClient {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      // `--inspect=6009` lets a debugger attach to the server when the extension runs in debug mode.
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=6009'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      // The server decides by content and `filePatterns` which of these documents are task
      // definitions; it publishes nothing for any other JSON.
      documentSelector: documentSelector(),
      // Settings reach the server both ways: pushed on change, and pulled with workspace/configuration.
      synchronize: { configurationSection: CONFIG_SECTION },
      outputChannel: this.outputChannel,
      diagnosticCollectionName: CLIENT_ID,
      // VS Code validates these files against our JSON schema (contributes.jsonValidation): the
      // server leaves out the findings the schema reports too, so nothing is shown twice.
      initializationOptions: {
        schemaFileMatch: schemaFileMatch(this.context),
        // Red Hat's YAML extension reports YAML syntax errors: the server leaves them to it.
        yamlSyntaxReported: yamlSyntaxReported(),
      },
      // The default error handler restarts a crashed server (up to 4 times in 3 minutes).
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  }
}

/** The jsonValidation file patterns of this extension, while VS Code's JSON validation is on. */
function schemaFileMatch(context: vscode.ExtensionContext): string[] {
  if (vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true) === false)
    return [];
  const manifest = context.extension?.packageJSON as
    { contributes?: { jsonValidation?: { fileMatch?: string | string[] }[] } } | undefined;
  return (manifest?.contributes?.jsonValidation ?? []).flatMap((v) =>
    Array.isArray(v.fileMatch) ? v.fileMatch : v.fileMatch ? [v.fileMatch] : [],
  );
}

/** Red Hat's YAML extension is installed and validates YAML (its `yaml.validate`, on by default). */
function yamlSyntaxReported(): boolean {
  if (!vscode.extensions.getExtension(RED_HAT_YAML)) return false;
  return vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
}
