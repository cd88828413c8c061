/**
 * Over the wire: the bundled server over stdio, measured as an editor meets it: spawn → initialize
 * answer, didChange → the matching publishDiagnostics, and the server's RSS with a large document open.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { round } from './engineBench';

export interface LspResults {
  startup_ms: number;
  change_to_diagnostics: {
    label: string;
    size_bytes: number;
    p50_ms: number;
    p95_ms: number;
    edits: number;
  }[];
  server_rss_mb: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

interface Session {
  connection: ReturnType<typeof createProtocolConnection>;
  pid: number;
  startup: number;
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** Spawns the server over stdio and initializes it; `startup` is spawn → initialize answer. */
async function startSession(serverPath: string, nodeArgs: string[]): Promise<Session> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  // The publish that answers a change: for this uri, of that version or later (or unversioned).
  const waiting = new Map<
    string,
    { version: number; resolve: (p: PublishDiagnosticsParams) => void }
  >();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const w = waiting.get(p.uri);
    if (w && (p.version === undefined || p.version >= w.version)) {
      waiting.delete(p.uri);
      w.resolve(p);
    }
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    workspaceFolders: null,
  });
  const startup = performance.now() - t0;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid!,
    startup,
    diagnosticsFor: (uri, version) =>
      new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(uri, { version, resolve })),
    close: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      child.kill();
    },
  };
}

export interface LspDocument {
  size: string;
  text: string;
  /** The document's name and language (a task-definition JSON file by default). */
  name?: string;
  languageId?: string;
  /** The first diagnostics that count: a Terraform file has findings once the parser has loaded. */
  ready?: (p: PublishDiagnosticsParams) => boolean;
}

export async function benchLsp(
  serverPath: string,
  docs: LspDocument[],
  rssDoc: string,
  edits = 200,
  nodeArgs: string[] = [],
): Promise<LspResults> {
  const session = await startSession(serverPath, nodeArgs);
  const { connection, diagnosticsFor } = session;
  const results: LspResults['change_to_diagnostics'] = [];
  for (const [i, doc] of docs.entries()) {
    const yaml = doc.languageId === 'yaml';
    const uri = `file:///bench/${i}/${doc.name ?? 'task-def.json'}`;
    let version = 1;
    let first = diagnosticsFor(uri, version);
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: doc.languageId ?? 'json', version, text: doc.text },
    });
    while (doc.ready && !doc.ready(await first)) first = diagnosticsFor(uri, version);
    await first;
    // Each edit types one character into a value near the middle and is answered before the next
    // (a YAML template's plain `value-…`, a JSON file's or an HCL file's quoted one).
    const anchor = yaml
      ? doc.text.indexOf(' value-', Math.floor(doc.text.length / 2)) + 1
      : doc.text.indexOf('"value-', Math.floor(doc.text.length / 2)) + 1;
    const at = doc.text.slice(0, anchor).split('\n');
    const position = { line: at.length - 1, character: at[at.length - 1]!.length };
    const times: number[] = [];
    for (let k = 0; k < edits; k++) {
      version++;
      const insert = k % 2 === 0;
      const change = insert
        ? { range: { start: position, end: position }, text: 'z' }
        : {
            range: {
              start: position,
              end: { line: position.line, character: position.character + 1 },
            },
            text: '',
          };
      first = diagnosticsFor(uri, version);
      const t = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
      await first;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({
      label: doc.size,
      size_bytes: Buffer.byteLength(doc.text),
      p50_ms: round(percentile(times, 0.5)),
      p95_ms: round(percentile(times, 0.95)),
      edits,
    });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await session.close();

  // Memory with the large document open, in a server of its own: what having that document open
  // costs, not what the garbage of the runs above happens to still occupy.
  const fresh = await startSession(serverPath, nodeArgs);
  const rssUri = 'file:///bench/rss/task-def.json';
  const opened = fresh.diagnosticsFor(rssUri, 1);
  await fresh.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: rssUri, languageId: 'json', version: 1, text: rssDoc },
  });
  await opened;
  const rss = rssMb(fresh.pid);
  await fresh.close();
  return { startup_ms: round(session.startup), change_to_diagnostics: results, server_rss_mb: rss };
}
