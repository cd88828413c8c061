/**
 * One rule throwing does not cost the user the other rules' findings, and its stack reaches the
 * client's log. The server runs in this process over in-memory streams, so that a failing rule
 * can be added to the catalog.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import {
  createConnection,
  createProtocolConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { allRules } from '../../server/src/engine/rules/index';
import type { Rule } from '../../server/src/engine/rules/rule';
import { startServer } from '../../server/src/server';
import { fixture } from './client';

const throwing: Rule = {
  id: 'always-throws',
  severity: 'error',
  summary: 'A rule with a bug.',
  check() {
    throw new Error('a bug in a rule');
  },
};

test('a rule that throws is logged with its stack; the other rules still report', async () => {
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
  let resolvePublish: (p: PublishDiagnosticsParams) => void;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => (resolvePublish = resolve));
  client.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) =>
    resolvePublish(p),
  );
  (allRules as Rule[]).push(throwing);
  try {
    startServer(server);
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
    const uri = 'file:///workspace/broken-start-order-task-def.jsonc';
    await client.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'jsonc',
        version: 1,
        text: fixture('broken-start-order-task-def.jsonc'),
      },
    });
    const diagnostics = (await published).diagnostics;
    assert.equal(diagnostics.length, 5);
    assert.ok(!diagnostics.some((d) => d.code === 'always-throws'));
    assert.ok(
      logs.some((l) =>
        /^Rule always-throws failed on file:\/\/\/workspace\/broken-start-order-task-def\.jsonc: a bug in a rule\nError: a bug in a rule\n\s+at /.test(
          l,
        ),
      ),
      logs.join('\n'),
    );
  } finally {
    (allRules as Rule[]).pop();
    client.dispose();
    server.dispose();
  }
});
