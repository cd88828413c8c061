/**
 * A small LSP test client: spawns the bundled server (`node dist/server.js --stdio`), speaks
 * JSON-RPC over its stdio with vscode-jsonrpc's protocol connection, answers the server's own
 * requests (workspace/configuration, client/registerCapability, workspace/codeLens/refresh), and
 * collects what it publishes. Every wait has a deadline, so a broken server fails a test instead of
 * hanging it.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type ProtocolConnection,
  type Position,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = 'dist/server.js';
const SOURCES = ['server/src', 'shared/src'];
const LOCK = 'dist/.server-build.lock';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function stale(): boolean {
  return !existsSync(SERVER) || statSync(SERVER).mtimeMs < Math.max(...SOURCES.map(newestMtime));
}

/**
 * Build dist/server.js when it is missing or older than its sources. Test files run in parallel
 * processes, so one builds while the others wait for its lock to go away.
 */
export async function ensureServerBuilt(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (stale()) {
    mkdirSync('dist', { recursive: true });
    let locked = false;
    try {
      mkdirSync(LOCK);
      locked = true;
    } catch {
      // Another test file is building: wait for it.
    }
    if (locked) {
      try {
        if (stale()) {
          const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'server'], {
            encoding: 'utf8',
          });
          if (r.status !== 0)
            throw new Error(`building the server failed:\n${r.stdout}${r.stderr}`);
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`${LOCK} is held for too long: remove it`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Capabilities as VS Code declares them (the parts the server reads). */
export function vscodeLikeCapabilities(): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      codeLens: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      completion: { completionItem: { snippetSupport: true } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      codeAction: {
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] },
        },
        isPreferredSupport: true,
      },
      rename: { prepareSupport: true },
    },
  };
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** The `ecsInitOrder` section the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** The client process id sent in `initialize` (default: this process). */
  processId?: number;
  /** `initializationOptions` sent in `initialize` (VS Code's client sends schemaFileMatch). */
  initializationOptions?: Record<string, unknown>;
}

type Waiter = {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
};

export const WAIT_MS = 15_000;

function deadline<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class TestClient {
  settings: Record<string, unknown>;
  configurationRequests = 0;
  codeLensRefreshes = 0;
  readonly logs: string[] = [];
  readonly graphChanged: { uri: string; version: number }[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Waiter[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    await ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new TestClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => client.logs.push(`[stderr] ${chunk.toString()}`));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) =>
      client.onPublish(p),
    );
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    connection.onNotification(
      'ecsInitOrder/graphChanged',
      (p: { uri: string; version: number }) => {
        client.graphChanged.push(p);
      },
    );
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      client.configurationRequests++;
      return p.items.map((item) => (item.section === 'ecsInitOrder' ? client.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => {
      client.codeLensRefreshes++;
      return null;
    });
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: options.processId ?? process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: options.capabilities ?? vscodeLikeCapabilities(),
      ...(options.initializationOptions
        ? { initializationOptions: options.initializationOptions }
        : {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    const list = this.published.get(p.uri) ?? [];
    list.push(p);
    this.published.set(p.uri, list);
    const ready = this.waiters.filter((w) => w.uri === p.uri && w.accept(p));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p);
  }

  /** The first publish for `uri` from now on that `accept`s. */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    return deadline(
      new Promise((resolve) => this.waiters.push({ uri, accept, resolve })),
      `diagnostics of ${uri}`,
    );
  }

  /** The publish for `uri` at `version` (or later), already received or still to come. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const accept = (p: PublishDiagnosticsParams) => p.version === undefined || p.version >= version;
    const seen = (this.published.get(uri) ?? []).find(accept);
    return seen ? Promise.resolve(seen) : this.nextDiagnostics(uri, accept);
  }

  async open(
    uri: string,
    text: string,
    languageId = 'json',
    version = 1,
  ): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(
      uri,
      (p) => p.version === undefined || p.version >= version,
    );
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    return published;
  }

  async change(
    uri: string,
    version: number,
    contentChanges: TextDocumentContentChangeEvent[],
  ): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return deadline(this.connection.sendRequest<R>(method, params), method);
  }

  /** Change the settings the way VS Code does in pull mode: a didChangeConfiguration without values. */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      try {
        await deadline(this.connection.sendRequest('shutdown'), 'shutdown', 5000);
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
    }
    const code = await deadline(this.exited, 'the server to exit', 5000).catch(() => {
      this.child.kill('SIGKILL');
      return null;
    });
    this.connection.dispose();
    return code;
  }

  /** Polls until `predicate` holds (for notifications that follow a publish). */
  async until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Resolves when the server process exits. */
  waitForExit(ms = 5000): Promise<number | null> {
    return deadline(this.exited, 'the server to exit', ms);
  }
}

/** The seed example: the task definition users paste, as the repository keeps it. */
export const SEED_PATH = 'examples/seed-task-definition.json';

/** A file of test/fixtures/lsp. */
export function fixture(name: string): string {
  return readFileSync(`test/fixtures/lsp/${name}`, 'utf8');
}

/** A `file://` URI for a fixture name inside a fake workspace. */
export function uriOf(name: string): string {
  return `file:///workspace/${name}`;
}

/** The position `into` characters inside the first occurrence of `needle` in the text. */
export function positionIn(text: string, needle: string, into = 1): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `not in the text: ${needle}`);
  return TextDocument.create('x', 'plaintext', 1, text).positionAt(i + into);
}

/** The text edits a workspace edit makes in one document (as document changes or changes). */
export function editsOf(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges)
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : [],
    );
  return edit.changes?.[uri] ?? [];
}
