/**
 * The HCL parser loads asynchronously at server start. A .tf document opened before it is ready
 * is simply not analysed yet (no findings, no crash), and gets its findings once the parser has
 * loaded; a parser that fails to load is logged, and JSON files are checked as before. The server
 * runs in this process over in-memory streams, so that the test decides when loading completes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadTerraform } from '../../server/src/node/terraform';
import { startInProcessServer } from '../support/inProcessServer';

const SEED_TF = readFileSync('test/fixtures/terraform/broken/seed-jsonencode.tf', 'utf8');
const SEED_JSON = readFileSync('examples/seed-task-definition.json', 'utf8');

// The parser is loaded once per process: the test that fails to load it runs first.
test('a parser that fails to load is logged; JSON task definitions are still checked', async () => {
  const server = await startInProcessServer({
    loadTerraform: () => Promise.reject(new Error('no wasm here')),
  });
  const tf = server.nextDiagnostics('file:///workspace/main.tf');
  await server.open('file:///workspace/main.tf', 'terraform', SEED_TF);
  assert.deepEqual((await tf).diagnostics, []);
  const json = server.nextDiagnostics('file:///workspace/seed-task-definition.json');
  await server.open('file:///workspace/seed-task-definition.json', 'json', SEED_JSON);
  assert.ok((await json).diagnostics.length > 0);
  assert.ok(
    server.logs.some((l) =>
      l.startsWith('The Terraform parser did not load; .tf files are not checked'),
    ),
    server.logs.join('\n'),
  );
  server.dispose();
});

test('a .tf file opened while the parser loads: no findings, then its findings', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const server = await startInProcessServer({
    loadTerraform: () => gate.then(loadTerraform),
  });
  const uri = 'file:///workspace/main.tf';
  const first = server.nextDiagnostics(uri);
  await server.open(uri, 'terraform', SEED_TF);
  assert.deepEqual((await first).diagnostics, []);
  const second = server.nextDiagnostics(uri);
  release();
  const codes = (await second).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('essential-init-container'), codes.join(', '));
  server.dispose();
});
