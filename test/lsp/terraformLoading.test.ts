/**
 * The HCL parser loads asynchronously at server start. A .tf document opened before it is ready
 * is simply not analysed yet (no findings, no crash), and gets its findings once the parser has
 * loaded; a parser that fails to load is logged, and JSON files are checked as before. The server
 * runs in this process over in-memory streams, so that the test decides when loading completes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import {
  createConnection,
  createProtocolConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { loadTerraform } from '../../server/src/node/terraform';
import { startServer, type ServerHost } from '../../server/src/server';

const SEED_TF = readFileSync('test/fixtures/terraform/broken/seed-jsonencode.tf', 'utf8');
const SEED_JSON = readFileSync('examples/seed-task-definition.json', 'utf8');

async function serverWith(host: ServerHost): Promise<{
  client: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  logs: string[];
  next: (uri: string) => Promise<PublishDiagnosticsParams>;
}> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiting: [string, (p: PublishDiagnosticsParams) => void][] = [];
  client.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    const i = waiting.findIndex(([uri]) => uri === p.uri);
    if (i >= 0) waiting.splice(i, 1)[0]![1](p);
  });
  startServer(server, host);
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
  const next = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiting.push([uri, resolve]));
  return { client, published, logs, next };
}

function open(client: ProtocolConnection, uri: string, languageId: string, text: string) {
  return client.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text },
  });
}

// The parser is loaded once per process: the test that fails to load it runs first.
test('a parser that fails to load is logged; JSON task definitions are still checked', async () => {
  const { client, next, logs } = await serverWith({
    loadTerraform: () => Promise.reject(new Error('no wasm here')),
  });
  const tf = next('file:///workspace/main.tf');
  await open(client, 'file:///workspace/main.tf', 'terraform', SEED_TF);
  assert.deepEqual((await tf).diagnostics, []);
  const json = next('file:///workspace/seed-task-definition.json');
  await open(client, 'file:///workspace/seed-task-definition.json', 'json', SEED_JSON);
  assert.ok((await json).diagnostics.length > 0);
  assert.ok(
    logs.some((l) => l.startsWith('The Terraform parser did not load; .tf files are not checked')),
    logs.join('\n'),
  );
  client.dispose();
});

test('a .tf file opened while the parser loads: no findings, then its findings', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const { client, next } = await serverWith({
    loadTerraform: () => gate.then(loadTerraform),
  });
  const uri = 'file:///workspace/main.tf';
  const first = next(uri);
  await open(client, uri, 'terraform', SEED_TF);
  assert.deepEqual((await first).diagnostics, []);
  const second = next(uri);
  release();
  const codes = (await second).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('essential-init-container'), codes.join(', '));
  client.dispose();
});
