/**
 * The language server in this process, over in-memory streams: for the tests that change what the
 * server runs with (a rule added to the catalog, a parser that loads when the test says so). The
 * other LSP tests run the bundled server in a process of its own (test/lsp/client.ts).
 */
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createProtocolConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { startServer, type ServerHost } from '../../server/src/server';

export interface InProcessServer {
  client: ProtocolConnection;
  /** What the server logged (window/logMessage), in order. */
  logs: string[];
  /** The next diagnostics published for `uri`: ask before the change that publishes them. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string): Promise<void>;
  dispose(): void;
}

/** Starts the server, initialized, with a client that asked for nothing in particular. */
export async function startInProcessServer(host: ServerHost = {}): Promise<InProcessServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Readers and writers, not raw streams: the server must not exit this process when they end.
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  const logs: string[] = [];
  const waiting: [string, (p: PublishDiagnosticsParams) => void][] = [];
  client.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const i = waiting.findIndex(([uri]) => uri === p.uri);
    if (i >= 0) waiting.splice(i, 1)[0]![1](p);
  });
  startServer(server, host);
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
  return {
    client,
    logs,
    nextDiagnostics: (uri) =>
      new Promise<PublishDiagnosticsParams>((resolve) => waiting.push([uri, resolve])),
    open: (uri, languageId, text) =>
      client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text },
      }),
    dispose: () => {
      client.dispose();
      server.dispose();
    },
  };
}
