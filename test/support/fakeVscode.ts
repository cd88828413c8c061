/**
 * Just enough of the `vscode` API, and of vscode-languageclient's LanguageClient, to run the client
 * code under node:test. `installFakes()` makes `require('vscode')` and
 * `require('vscode-languageclient/node')` return these; import the module under test afterwards
 * (with `await import(...)`), so that its imports see the fakes.
 */
import Module from 'node:module';

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(value: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(value);
    return m ? new Uri(m[1]!, m[2]!) : new Uri('file', value);
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
  getText(): string;
}

export function document(
  path: string,
  text: string,
  languageId = 'json',
  scheme = 'file',
): FakeDocument {
  return {
    uri: scheme === 'file' ? Uri.file(path) : Uri.parse(`${scheme}://${path}`),
    languageId,
    getText: () => text,
  };
}

/** Settings per resource path prefix ('' = workspace); keys without the `ecsInitOrder.` prefix. */
export const settings = new Map<string, Record<string, unknown>>();

export const messages: string[] = [];

/** Events a test fires to play the user's part. */
export const events = {
  openDocument: new EventEmitter<FakeDocument>(),
  changeDocument: new EventEmitter<{ document: FakeDocument; contentChanges: unknown[] }>(),
  changeActiveEditor: new EventEmitter<unknown>(),
  changeConfiguration: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
};

/** Registered command handlers, and every executeCommand call (e.g. setContext). */
export const commands = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as unknown[][],
};

/** Ids of the other extensions installed (for example Red Hat's YAML extension). */
export const installedExtensions = new Set<string>();

export const vscode = {
  EventEmitter,
  Uri,
  extensions: {
    getExtension: (id: string) => (installedExtensions.has(id) ? { id } : undefined),
  },
  commands: {
    registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
      if (commands.handlers.has(id)) throw new Error(`command '${id}' already exists`);
      commands.handlers.set(id, handler);
      return { dispose: () => commands.handlers.delete(id) };
    },
    async executeCommand(...args: unknown[]) {
      commands.executed.push(args);
    },
  },
  workspace: {
    textDocuments: [] as FakeDocument[],
    workspaceFolders: undefined as Array<{ uri: Uri; name: string; index: number }> | undefined,
    onDidOpenTextDocument: events.openDocument.event,
    onDidChangeTextDocument: events.changeDocument.event,
    onDidChangeConfiguration: events.changeConfiguration.event,
    asRelativePath: (uri: Uri) => uri.path,
    getConfiguration(section: string, scope?: Uri | null) {
      return {
        get<T>(key: string, fallback?: T): T | undefined {
          let value: unknown;
          for (const [prefix, values] of settings) {
            if (prefix === '' || (scope && scope.path.startsWith(prefix)))
              if (key in values) value = values[key];
          }
          void section;
          return (value as T) ?? fallback;
        },
      };
    },
  },
  window: {
    activeTextEditor: undefined as
      | { document: FakeDocument; selection?: { active: { line: number; character: number } } }
      | undefined,
    /** What the next quick pick answers with: the label to pick, or undefined (dismissed). */
    quickPickAnswer: undefined as string | undefined,
    quickPicks: [] as { items: { label: string; description?: string }[]; options: unknown }[],
    async showQuickPick(items: { label: string; description?: string }[], options: unknown) {
      vscode.window.quickPicks.push({ items, options });
      return items.find((i) => i.label === vscode.window.quickPickAnswer);
    },
    onDidChangeActiveTextEditor: events.changeActiveEditor.event,
    createOutputChannel: () => outputChannel(),
    async showErrorMessage(message: string) {
      messages.push(message);
      return undefined;
    },
    async showInformationMessage(message: string) {
      messages.push(message);
      return undefined;
    },
  },
};

/** What one fake LanguageClient was created with and asked to do. */
export class FakeLanguageClient {
  static instances: FakeLanguageClient[] = [];
  static failStart = false;
  static answer: (method: string, params: unknown) => unknown = () => null;
  readonly log: string[] = [];
  private readonly notificationHandlers = new Map<string, (params: unknown) => void>();
  readonly code2ProtocolConverter = { asUri: (uri: Uri) => uri.toString() };

  constructor(
    readonly id: string,
    readonly name: string,
    readonly serverOptions: any,
    readonly clientOptions: any,
  ) {
    FakeLanguageClient.instances.push(this);
  }
  /** Takes a method name or a typed NotificationType, as vscode-languageclient does. */
  onNotification(type: string | { method: string }, handler: (params: unknown) => void) {
    this.notificationHandlers.set(typeof type === 'string' ? type : type.method, handler);
    return { dispose() {} };
  }
  /** Lets a test play the server's side of a notification. */
  notify(method: string, params: unknown): void {
    this.notificationHandlers.get(method)?.(params);
  }
  async start() {
    this.log.push('start');
    await new Promise((r) => setTimeout(r, 5));
    if (FakeLanguageClient.failStart) throw new Error('spawn failed');
  }
  async stop() {
    this.log.push('stop');
  }
  async dispose() {
    this.log.push('dispose');
  }
  async sendRequest(type: string | { method: string }, params: unknown) {
    const method = typeof type === 'string' ? type : type.method;
    this.log.push(`request ${method}`);
    return FakeLanguageClient.answer(method, params);
  }
}

/** Calls of the graph panel's functions (client/src/graphPanel.ts is replaced by this fake). */
export const graphPanel = {
  calls: [] as unknown[][],
  registerStartOrderGraph(_context: unknown, source: unknown) {
    graphPanel.calls.push(['register', source]);
  },
  async showStartOrderGraph(
    _context: unknown,
    source: unknown,
    uri: Uri,
    containerId?: string,
    definition?: string,
  ) {
    graphPanel.calls.push(['show', source, uri.toString(), containerId, definition]);
  },
};

export const languageClientModule = {
  LanguageClient: FakeLanguageClient,
  TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
};

let installed = false;
export function installFakes(): void {
  if (installed) return;
  installed = true;
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  M._load = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return languageClientModule;
    if (request === './graphPanel') return graphPanel;
    return original.call(this, request, ...rest);
  };
}

/** A LogOutputChannel that keeps what it is told. */
export function outputChannel() {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return {
    lines,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    show() {},
    dispose() {},
  };
}
