/**
 * The language server: wiring only. Documents are synced incrementally; each change schedules a
 * re-analysis whose findings are published as diagnostics; every request reads the cached analysis
 * of the document's current version and calls one pure feature function inside `runSafe`.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type RenameParams,
  type WorkspaceEdit,
  type TextDocumentIdentifier,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './documents';
import { forgetDocument, simulate, type Analysis } from './engine/index';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { documentSymbols, flattenSymbols } from './features/documentSymbols';
import { definitionOf, namedTaskDefinitions } from './features/taskDefinitions';
import { hover } from './features/hover';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import {
  GraphChangedNotification,
  SimulateRequest,
  StartOrderGraphRequest,
  TaskDefinitionsRequest,
  type GraphChangedParams,
  type SimulateParams,
  type SimulateResult,
  type StartOrderGraphParams,
  type StartOrderGraphResult,
  type TaskDefinitionsParams,
  type TaskDefinitionsResult,
} from '../../shared/src/protocol';
import { parseScenarioOverrides } from '../../shared/src/simulation';
import { formatError, guard, runSafe } from './runSafe';
import {
  analysisOptions,
  documentFormat,
  namedLikeTaskDefinition,
  SETTINGS_SECTION,
  SettingsStore,
  uriPath,
  type Settings,
} from './settings';
import { matchesAnyPattern } from '../../shared/src/glob';

interface Client {
  configuration: boolean;
  dynamicConfiguration: boolean;
  snippets: boolean;
  documentChanges: boolean;
  hierarchicalSymbols: boolean;
  codeLensRefresh: boolean;
}

function readCapabilities(c: ClientCapabilities): Client {
  return {
    configuration: c.workspace?.configuration === true,
    dynamicConfiguration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    codeLensRefresh: c.workspace?.codeLens?.refreshSupport === true,
  };
}

interface DocumentState {
  document: TextDocument;
  analysis: Analysis;
  settings: Settings;
}

/**
 * How long a change waits before the analysis: changes that arrived with it (a burst sent
 * together) are applied first, as a timer runs only after the messages already received, so a
 * millisecond is enough for them. Bigger documents wait a little longer, so that fast typing in a
 * large file is analysed once (a 1 MB file 21 ms).
 */
function validationDelay(document: TextDocument): number {
  return Math.min(200, 1 + Math.floor(document.getText().length / 50_000));
}

/** What the host (Node, a browser) provides. */
export interface ServerHost {
  /**
   * Load the Terraform parser (WebAssembly, asynchronous). Until it is loaded, .tf documents are
   * not analysed; once it is, they are checked again.
   */
  loadTerraform?: () => Promise<void>;
}

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settings = new SettingsStore();
  const logger = { error: (message: string) => connection.console.error(message) };
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const loggedFailures = new Set<string>();
  let client: Client = readCapabilities({});
  /**
   * File patterns the editor validates against our JSON schema (VS Code: the jsonValidation
   * contribution), sent by the client as initializationOptions.schemaFileMatch. Other editors send
   * none, and so see every finding.
   */
  let schemaFileMatch: readonly string[] = [];
  const schemaValidated = (uri: string) =>
    schemaFileMatch.length > 0 && matchesAnyPattern(uriPath(uri), schemaFileMatch);
  /**
   * Another extension checks YAML syntax in this editor (VS Code with Red Hat's YAML extension),
   * sent by the client as initializationOptions.yamlSyntaxReported: the server then publishes no
   * YAML syntax error of its own, so none is shown twice.
   */
  let yamlSyntaxReported = false;

  /** The analysis of an open, enabled document (synchronous: call it after the settings are known). */
  function stateOf(uri: string, s: Settings): DocumentState | undefined {
    const document = documents.get(uri);
    if (!document || !s.enable) return undefined;
    const analysis = cache.get(document, analysisOptions(uri, s, document));
    for (const failure of analysis.ruleFailures) {
      const message = formatError(`Rule ${failure.rule} failed on ${uri}`, failure.error);
      if (loggedFailures.size < 1000 && !loggedFailures.has(message)) {
        loggedFailures.add(message);
        connection.console.error(message);
      }
    }
    return { document, analysis, settings: s };
  }

  /** A request handler for a document: unknown or closed documents get `fallback`, never an error. */
  function onDocument<P extends { textDocument: TextDocumentIdentifier }, R>(
    what: string,
    fallback: R,
    work: (state: DocumentState, params: P) => R,
  ) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      const uri = params.textDocument.uri;
      if (!documents.get(uri)) return fallback;
      const s = await settings.forDocument(uri);
      return runSafe(
        logger,
        () => {
          const state = stateOf(uri, s);
          return state ? work(state, params) : fallback;
        },
        fallback,
        `${what} failed on ${uri}`,
        token,
      );
    };
  }

  async function validate(uri: string): Promise<void> {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const s = await settings.forDocument(uri);
    const current = documents.get(uri);
    // Closed meanwhile, or changed again (that change scheduled its own validation).
    if (!current || current.version !== document.version || pending.has(uri)) return;
    guard(
      logger,
      () => {
        const state = stateOf(uri, s);
        const published = state
          ? diagnostics(state.analysis, uri, schemaValidated(uri), yamlSyntaxReported)
          : [];
        void connection.sendDiagnostics({ uri, version: current.version, diagnostics: published });
        const changed: GraphChangedParams = { uri, version: current.version };
        void connection.sendNotification(GraphChangedNotification.type, changed);
      },
      `Checking ${uri} failed`,
    );
  }

  function scheduleValidation(document: TextDocument): void {
    const uri = document.uri;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(
        () =>
          void validate(uri).catch((error) =>
            logger.error(formatError(`Checking ${uri} failed`, error)),
          ),
        validationDelay(document),
      ),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    client = readCapabilities(params.capabilities);
    const options: unknown = params.initializationOptions;
    const fileMatch =
      typeof options === 'object' && options !== null
        ? (options as { schemaFileMatch?: unknown }).schemaFileMatch
        : undefined;
    schemaFileMatch = Array.isArray(fileMatch)
      ? fileMatch.filter((p): p is string => typeof p === 'string' && p.length > 0)
      : [];
    yamlSyntaxReported =
      typeof options === 'object' &&
      options !== null &&
      (options as { yamlSyntaxReported?: unknown }).yamlSyntaxReported === true;
    if (client.configuration) {
      settings.setPull((uri) =>
        connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
      );
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'ECS task definition' },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'ecs-init-order-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (client.configuration && client.dynamicConfiguration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    guard(
      logger,
      () => {
        settings.changed(params.settings);
        cache.clear();
        for (const document of documents.all()) scheduleValidation(document);
        if (client.codeLensRefresh)
          void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      },
      'Applying the settings failed',
    );
  });

  documents.onDidOpen((e) => scheduleValidation(e.document));
  documents.onDidChangeContent((e) => scheduleValidation(e.document));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    cache.evict(uri);
    forgetDocument(uri);
    settings.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(onDocument('Hover', null, ({ analysis }, p) => hover(analysis, p.position)));

  connection.onCompletion(
    onDocument('Completion', null, ({ analysis, settings: s }, p) =>
      completion(analysis, p.position, {
        snippetSupport: client.snippets,
        namedLikeTaskDefinition: namedLikeTaskDefinition(p.textDocument.uri, s),
      }),
    ),
  );

  connection.onCodeAction(
    onDocument('Code actions', [], ({ analysis, document, settings: s }, p) =>
      codeActions(analysis, p.context, {
        uri: document.uri,
        version: document.version,
        documentChanges: client.documentChanges,
        analysisOptions: analysisOptions(document.uri, s, document),
        schemaValidated: schemaValidated(document.uri),
        range: p.range,
      }),
    ),
  );

  connection.onDefinition(
    onDocument('Go to definition', [], ({ analysis }, p) =>
      definition(analysis, p.position, p.textDocument.uri),
    ),
  );
  connection.onReferences(
    onDocument('Find references', [], ({ analysis }, p) =>
      references(analysis, p.position, p.textDocument.uri, p.context.includeDeclaration),
    ),
  );
  connection.onPrepareRename(
    onDocument('Prepare rename', null, ({ analysis }, p) => prepareRename(analysis, p.position)),
  );
  connection.onRenameRequest(
    onDocument<RenameParams, WorkspaceEdit | ResponseError<void> | null>(
      'Rename',
      null,
      ({ analysis, document }, p) => {
        const result = rename(analysis, p.position, p.newName, {
          uri: document.uri,
          version: document.version,
          documentChanges: client.documentChanges,
        });
        if (result && 'error' in result)
          return new ResponseError(LSPErrorCodes.RequestFailed, result.error);
        return result?.edit ?? null;
      },
    ),
  );

  connection.onDocumentSymbol(
    onDocument('Document symbols', [], ({ analysis }, p) => {
      const symbols = documentSymbols(analysis);
      return client.hierarchicalSymbols ? symbols : flattenSymbols(symbols, p.textDocument.uri);
    }),
  );

  connection.onCodeLens(
    onDocument('Code lenses', [], ({ analysis, settings: s }, p) =>
      s.codeLensEnable ? codeLenses(analysis, p.textDocument.uri) : [],
    ),
  );

  connection.onRequest(
    StartOrderGraphRequest.type,
    (params: StartOrderGraphParams, token: CancellationToken) => {
      const uri = typeof params?.uri === 'string' ? params.uri : '';
      return onDocument<{ textDocument: TextDocumentIdentifier }, StartOrderGraphResult>(
        'Start-order graph',
        null,
        ({ analysis }) => definitionOf(analysis, params?.definition)?.graph() ?? null,
      )({ textDocument: { uri } }, token);
    },
  );

  connection.onRequest(SimulateRequest.type, (params: SimulateParams, token: CancellationToken) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    // The scenario comes from the client as it is: only its well-formed part is used.
    const overrides = parseScenarioOverrides(params?.overrides);
    return onDocument<{ textDocument: TextDocumentIdentifier }, SimulateResult>(
      'Start simulation',
      null,
      ({ analysis }) => {
        const model = definitionOf(analysis, params?.definition)?.model;
        return model ? simulate(model, overrides) : null;
      },
    )({ textDocument: { uri } }, token);
  });

  connection.onRequest(
    TaskDefinitionsRequest.type,
    (params: TaskDefinitionsParams, token: CancellationToken) => {
      const uri = typeof params?.uri === 'string' ? params.uri : '';
      return onDocument<{ textDocument: TextDocumentIdentifier }, TaskDefinitionsResult>(
        'Task definitions',
        [],
        ({ analysis }) => namedTaskDefinitions(analysis),
      )({ textDocument: { uri } }, token);
    },
  );

  documents.listen(connection);
  connection.listen();

  // The Terraform parser loads while the first requests are answered; then the Terraform
  // documents opened meanwhile (read as not yet analysable) are checked.
  host.loadTerraform?.().then(
    () => {
      for (const document of documents.all()) {
        if (documentFormat(document.uri, document) !== 'terraform') continue;
        cache.evict(document.uri);
        scheduleValidation(document);
      }
    },
    (error: unknown) =>
      logger.error(
        formatError('The Terraform parser did not load; .tf files are not checked', error),
      ),
  );
}
