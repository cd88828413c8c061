/**
 * Diagnostics over the wire: the published list for real files, which files count as task
 * definitions, settings applied without a restart, and incremental sync under a burst of edits.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type {
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { parseTree, type Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/index';
import {
  ensureServerBuilt,
  fixture,
  SEED_PATH,
  TestClient,
  uriOf,
  vscodeLikeCapabilities,
} from './client';

const SEED = readFileSync(SEED_PATH, 'utf8');
const BROKEN = fixture('broken-start-order-task-def.jsonc');
const SHOP = fixture('shop-web-task-definition.json');
const ARRAY = fixture('containers.json');

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const SEED_CODES: (string | number | undefined)[] = analyze(SEED).findings.map((f) => f.code);

describe('diagnostics', () => {
  let client: TestClient;
  before(async () => {
    await ensureServerBuilt();
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('the seed: every finding with its code, source, severity, rule link and version', async () => {
    const uri = uriOf('seed-task-definition.json');
    const published = await client.open(uri, SEED);
    assert.equal(published.version, 1);
    // What the engine finds, in its order; at least the seed's known problems.
    assert.deepEqual(
      codes(published),
      analyze(SEED).findings.map((f) => f.code),
    );
    for (const code of [
      'init-not-awaited',
      'aws-cli-without-task-role',
      'entrypoint-overrides-shell',
      'init-output-not-shared',
      'essential-init-container',
      'awslogs-execution-role',
    ]) {
      assert.ok(codes(published).includes(code), code);
    }
    const essential = published.diagnostics.find((d) => d.code === 'essential-init-container')!;
    assert.equal(essential.source, 'ecs-init-order');
    assert.equal(essential.severity, 2);
    assert.deepEqual(essential.range, {
      start: { line: 7, character: 19 },
      end: { line: 7, character: 23 },
    });
    assert.equal(
      essential.codeDescription?.href,
      'https://github.com/ecs-init-order/ecs-init-order/blob/main/docs/rules/essential-init-container.md',
    );
    assert.match(
      String(essential.message),
      /when it exits, even with code 0, ECS stops the whole task/,
    );
    const entry = published.diagnostics.find((d) => d.code === 'entrypoint-overrides-shell')!;
    assert.deepEqual(entry.relatedInformation, [
      {
        location: {
          uri,
          range: { start: { line: 5, character: 15 }, end: { line: 5, character: 38 } },
        },
        message: 'amazon/aws-cli:latest: ENTRYPOINT is `aws`',
      },
    ]);
    await client.until(
      () => client.graphChanged.some((g) => g.uri === uri && g.version === 1),
      'graphChanged after the publish',
    );
  });

  test('JSONC with comments and trailing commas; syntax errors are not reported', async () => {
    const published = await client.open(
      uriOf('broken-start-order-task-def.jsonc'),
      BROKEN,
      'jsonc',
    );
    assert.deepEqual(codes(published), [
      'dependency-invalid-condition',
      'dependency-cycle',
      'dependency-cycle',
      'healthy-without-healthcheck',
      'dependency-unknown-container',
    ]);
    assert.ok(published.diagnostics.every((d: Diagnostic) => d.source === 'ecs-init-order'));
  });

  test('a correct task definition, and JSON that is not one, get an empty list', async () => {
    assert.deepEqual(
      (await client.open(uriOf('shop-web-task-definition.json'), SHOP)).diagnostics,
      [],
    );
    assert.deepEqual(
      (await client.open(uriOf('tsconfig.json'), '{ "compilerOptions": { "strict": true } }'))
        .diagnostics,
      [],
    );
  });

  test('a root array is linted only when the file name matches filePatterns', async () => {
    assert.deepEqual(codes(await client.open(uriOf('infra/web-containers.json'), ARRAY)), [
      'essential-init-container',
    ]);
    assert.deepEqual((await client.open(uriOf('infra/list.json'), ARRAY)).diagnostics, []);
  });

  test('diagnostics are cleared when a file stops being a task definition, and on close', async () => {
    const uri = uriOf('becomes-plain.json');
    assert.ok((await client.open(uri, SEED)).diagnostics.length > 0);
    const cleared = client.diagnosticsFor(uri, 2);
    await client.change(uri, 2, [{ text: '{"name": "just json"}' }]);
    assert.deepEqual((await cleared).diagnostics, []);
    const closed = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await closed).diagnostics, []);
  });
});

describe('settings apply without a restart', () => {
  let client: TestClient;
  const uri = uriOf('settings-task-def.json');
  before(async () => {
    client = await TestClient.start({ settings: {} });
    await client.open(uri, SEED);
  });
  after(async () => {
    await client.stop();
  });

  async function republished(settings: Record<string, unknown>): Promise<PublishDiagnosticsParams> {
    const next = client.nextDiagnostics(uri);
    await client.setSettings(settings);
    return next;
  }

  test('pulled with workspace/configuration for the document', () => {
    assert.ok(client.configurationRequests >= 1);
  });

  test('a rule severity override, then "off", then back', async () => {
    const overridden = await republished({
      rules: { 'essential-init-container': 'error', 'aws-cli-without-task-role': 'hint' },
    });
    const severity = (code: string) =>
      overridden.diagnostics.find((d) => d.code === code)?.severity;
    assert.equal(severity('essential-init-container'), 1);
    assert.equal(severity('aws-cli-without-task-role'), 4);
    assert.equal(severity('init-not-awaited'), 2);
    const off = await republished({
      rules: { 'essential-init-container': 'off', 'awslogs-execution-role': 'off' },
    });
    assert.deepEqual(
      codes(off),
      SEED_CODES.filter((c) => c !== 'essential-init-container' && c !== 'awslogs-execution-role'),
    );
    assert.ok(codes(off).includes('init-not-awaited'));
    assert.deepEqual(codes(await republished({})), SEED_CODES);
  });

  test('enable: false clears the diagnostics; code lenses follow codeLens.enable', async () => {
    assert.deepEqual((await republished({ enable: false })).diagnostics, []);
    assert.deepEqual(codes(await republished({ codeLens: { enable: false } })), SEED_CODES);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.ok(client.codeLensRefreshes >= 1, 'the client is asked to refresh its code lenses');
    await republished({});
    assert.equal(
      (await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } })).length,
      2,
    );
  });

  test('filePatterns decide which root arrays are container definitions', async () => {
    const arrayUri = uriOf('infra/web.ecs.json');
    assert.deepEqual((await client.open(arrayUri, ARRAY)).diagnostics, []);
    const next = client.nextDiagnostics(arrayUri);
    await client.setSettings({ filePatterns: ['**/*.ecs.json'] });
    assert.deepEqual(codes(await next), ['essential-init-container']);
    await client.setSettings({});
  });
});

test('settings pushed with didChangeConfiguration, for clients without workspace/configuration', async () => {
  const capabilities = vscodeLikeCapabilities();
  capabilities.workspace!.configuration = false;
  const client = await TestClient.start({ capabilities });
  try {
    const uri = uriOf('pushed-task-def.json');
    assert.deepEqual(codes(await client.open(uri, SEED)), SEED_CODES);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { ecsInitOrder: { rules: { 'init-not-awaited': 'off' } } },
    });
    assert.ok(!codes(await next).includes('init-not-awaited'));
    assert.equal(client.configurationRequests, 0);
  } finally {
    await client.stop();
  }
});

/** A small seeded generator (mulberry32), so the burst is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The string values (not keys) of a JSON text. */
function stringValues(text: string): Node[] {
  const out: Node[] = [];
  const walk = (node: Node | undefined): void => {
    if (!node) return;
    if (
      node.type === 'string' &&
      !(node.parent?.type === 'property' && node.parent.children?.[0] === node)
    )
      out.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(parseTree(text, [], { allowTrailingComma: true }));
  return out;
}

test('a burst of 200 incremental edits ends in the diagnostics of a fresh open of the final text', async () => {
  const client = await TestClient.start();
  try {
    const uri = uriOf('burst-task-def.json');
    const local = TextDocument.create(uri, 'json', 1, BROKEN);
    await client.open(uri, BROKEN, 'jsonc');
    const next = random(20251125);
    for (let version = 2; version <= 201; version++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      const count = next() < 0.2 ? 2 : 1;
      for (let k = 0; k < count; k++) {
        // Typing inside string values (names, conditions, images) and line breaks between lines:
        // the document stays a task definition, so its findings change instead of vanishing.
        const current = local.getText();
        const values = stringValues(current);
        let start: number;
        let end: number;
        let text: string;
        if (next() < 0.85 && values.length > 0) {
          const value = values[Math.floor(next() * values.length)]!;
          start = value.offset + 1 + Math.floor(next() * (value.length - 1));
          const deleting = next() < 0.45 && start < value.offset + value.length - 1;
          end = deleting ? start + 1 : start;
          text = deleting ? '' : 'abcdefghijklmnopqrstuvwxyz-'[Math.floor(next() * 27)]!;
        } else {
          const lineEnds = [...current.matchAll(/\n/g)].map((m) => m.index!);
          start = lineEnds[Math.floor(next() * lineEnds.length)] ?? 0;
          end = start;
          text = next() < 0.5 ? '\n' : ' ';
        }
        const change = {
          range: { start: local.positionAt(start), end: local.positionAt(end) },
          text,
        };
        // Each change applies to the text left by the previous one, as in LSP.
        TextDocument.update(local, [change], local.version);
        changes.push(change);
      }
      TextDocument.update(local, [], version);
      await client.change(uri, version, changes);
    }
    const final = await client.diagnosticsFor(uri, 201);
    assert.equal(final.version, 201);
    const fresh = await client.open(uriOf('fresh-task-def.json'), local.getText(), 'jsonc');
    const normalise = (p: PublishDiagnosticsParams) =>
      JSON.stringify(p.diagnostics).replaceAll(p.uri, 'URI');
    assert.equal(normalise(final), normalise(fresh));
    console.log(
      `burst: ${client.published.get(uri)!.length} publishes for 200 edits; final version has ${final.diagnostics.length} diagnostics`,
    );
    // The server stayed with the client: it still answers.
    assert.ok(
      Array.isArray(await client.request('textDocument/documentSymbol', { textDocument: { uri } })),
    );
  } finally {
    await client.stop();
  }
});
