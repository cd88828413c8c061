/**
 * The server keeps serving through what editors really send: broken JSON, a file emptied and
 * typed again, a 5 MB task definition, unknown requests and documents it never saw; and it exits
 * when its client goes away.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Hover, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateTaskDefinition } from '../../bench/generate';
import { fixture, SEED_PATH, TestClient, uriOf } from './client';

const SEED = readFileSync(SEED_PATH, 'utf8');
const SHOP = fixture('shop-web-task-definition.json');

describe('robustness', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  async function stillAnswers(): Promise<void> {
    const uri = uriOf(`probe-${Date.now()}-task-def.json`);
    await client.open(uri, SHOP);
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 10, character: 16 },
    });
    assert.ok(hover, 'the server still answers');
    await client.close(uri);
  }

  test('broken JSON: no syntax diagnostics, requests answer, the server keeps running', async () => {
    const uri = uriOf('broken-task-def.json');
    const text =
      '{\n  "family": "x",\n  "containerDefinitions": [\n    { "name": "init", "image": "busybox", "essential": \n    { "name": "app", "dependsOn": [{ "containerName": "in';
    const published = await client.open(uri, text);
    assert.ok(published.diagnostics.every((d) => d.source === 'ecs-init-order'));
    const end = { line: 4, character: 55 };
    for (const [method, params] of [
      ['textDocument/hover', { position: end }],
      ['textDocument/completion', { position: end }],
      ['textDocument/documentSymbol', {}],
      ['textDocument/codeLens', {}],
      ['textDocument/definition', { position: end }],
      ['textDocument/codeAction', { range: { start: end, end }, context: { diagnostics: [] } }],
    ] as const) {
      await client.request(method, { textDocument: { uri }, ...params });
    }
    await stillAnswers();
  });

  test('a file emptied and typed again ends with the diagnostics it started with', async () => {
    const uri = uriOf('retyped-task-def.json');
    const first = await client.open(uri, SEED);
    const local = TextDocument.create(uri, 'json', 1, SEED);
    const emptied = client.diagnosticsFor(uri, 2);
    const all: TextDocumentContentChangeEvent = {
      range: { start: { line: 0, character: 0 }, end: local.positionAt(SEED.length) },
      text: '',
    };
    TextDocument.update(local, [all], 2);
    await client.change(uri, 2, [all]);
    assert.deepEqual((await emptied).diagnostics, []);
    // Typed back in 60 chunks, each sent as an insertion at the end of the document.
    const chunk = Math.ceil(SEED.length / 60);
    let version = 2;
    for (let i = 0; i < SEED.length; i += chunk) {
      const end = local.positionAt(local.getText().length);
      const change = { range: { start: end, end }, text: SEED.slice(i, i + chunk) };
      TextDocument.update(local, [change], ++version);
      await client.change(uri, version, [change]);
    }
    assert.equal(local.getText(), SEED);
    const last = await client.diagnosticsFor(uri, version);
    assert.deepEqual(last.diagnostics, first.diagnostics);
  });

  test('a 5 MB task definition: diagnostics arrive, edits and hovers too', async () => {
    const text = generateTaskDefinition(5 * 1024 * 1024);
    assert.ok(text.length >= 5 * 1024 * 1024);
    const uri = uriOf('big-task-definition.json');
    let start = performance.now();
    const published = await client.open(uri, text);
    console.log(
      `5 MB task definition: open → diagnostics in ${(performance.now() - start).toFixed(0)} ms (${published.diagnostics.length} diagnostics)`,
    );
    const local = TextDocument.create(uri, 'json', 1, text);
    const at = local.positionAt(text.indexOf('"value-', text.length / 2) + 1);
    start = performance.now();
    const next = client.diagnosticsFor(uri, 2);
    await client.change(uri, 2, [{ range: { start: at, end: at }, text: 'z' }]);
    assert.equal((await next).version, 2);
    console.log(
      `5 MB task definition: one keystroke → diagnostics in ${(performance.now() - start).toFixed(0)} ms`,
    );
    start = performance.now();
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: local.positionAt(text.indexOf('"init-config"') + 2),
    });
    assert.ok(hover);
    console.log(`5 MB task definition: hover in ${(performance.now() - start).toFixed(0)} ms`);
    await client.close(uri);
    await stillAnswers();
  });

  test('an unknown request gets MethodNotFound, and the server answers afterwards', async () => {
    await assert.rejects(
      client.request('ecsInitOrder/noSuchRequest', { uri: 'x' }),
      (error: Error & { code?: number }) => error.code === -32601,
    );
    await client.connection.sendNotification('ecsInitOrder/noSuchNotification', {});
    await stillAnswers();
  });

  test('requests for an unknown or closed document answer empty or null', async () => {
    const closed = uriOf('closed-task-def.json');
    await client.open(closed, SEED);
    await client.close(closed);
    for (const uri of [uriOf('never-opened.json'), closed]) {
      const textDocument = { uri };
      const position = { line: 4, character: 16 };
      assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
      assert.equal(
        await client.request('textDocument/completion', { textDocument, position }),
        null,
      );
      assert.deepEqual(
        await client.request('textDocument/codeAction', {
          textDocument,
          range: { start: position, end: position },
          context: { diagnostics: [] },
        }),
        [],
      );
      assert.deepEqual(
        await client.request('textDocument/definition', { textDocument, position }),
        [],
      );
      assert.deepEqual(
        await client.request('textDocument/references', {
          textDocument,
          position,
          context: { includeDeclaration: true },
        }),
        [],
      );
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument }), []);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument }), []);
      assert.equal(
        await client.request('textDocument/prepareRename', { textDocument, position }),
        null,
      );
      assert.equal(
        await client.request('textDocument/rename', { textDocument, position, newName: 'x' }),
        null,
      );
      assert.equal(await client.request('ecsInitOrder/startOrderGraph', { uri }), null);
      assert.equal(await client.request('ecsInitOrder/simulate', { uri }), null);
    }
    assert.equal(await client.request('ecsInitOrder/startOrderGraph', {}), null);
    assert.equal(await client.request('ecsInitOrder/simulate', {}), null);
    assert.equal(await client.request('ecsInitOrder/simulate', null), null);
  });
});

describe('the server exits when its client goes away', () => {
  test('after shutdown and exit, with code 0', async () => {
    const client = await TestClient.start();
    assert.equal(await client.stop(), 0);
  });

  test('when the client process named in initialize dies', async () => {
    const fakeClient = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
    // Listen before anything is awaited: on a busy machine the fake client can be gone by the time
    // the server has started, and an 'exit' already emitted is never emitted again.
    const fakeClientExited = new Promise((resolve) => fakeClient.once('exit', resolve));
    const client = await TestClient.start({ processId: fakeClient.pid! });
    await fakeClientExited;
    // The server checks every 3 seconds whether the client process is alive.
    assert.notEqual(await client.waitForExit(8000), undefined);
    client.connection.dispose();
  });

  test('when stdin closes (the client died)', async () => {
    const client = await TestClient.start();
    client.child.stdin!.end();
    assert.notEqual(await client.waitForExit(5000), undefined);
    client.connection.dispose();
  });
});
