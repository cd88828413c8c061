/**
 * Every request over the wire, on real files: hovers, code actions (the text after each one),
 * fix-all, completion with and without snippet support, navigation, symbols, code lenses and the
 * start-order graph request.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  Position,
  PrepareRenameResult,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { analyze, applyTextEdits } from '../../server/src/engine/index';
import type { SimulationResult, StartOrderGraph } from '../../shared/src/protocol';
import {
  fixture,
  SEED_PATH,
  editsOf,
  positionIn as at,
  TestClient,
  uriOf,
  vscodeLikeCapabilities,
} from './client';

const SEED = readFileSync(SEED_PATH, 'utf8');
const SHOP = fixture('shop-web-task-definition.json');
const BROKEN = fixture('broken-start-order-task-def.jsonc');

const SEED_URI = uriOf('seed-task-definition.json');
const SHOP_URI = uriOf('shop-web-task-definition.json');
const BROKEN_URI = uriOf('broken-start-order-task-def.jsonc');

let client: TestClient;
const seedDiagnostics: Diagnostic[] = [];
const brokenDiagnostics: Diagnostic[] = [];

before(async () => {
  client = await TestClient.start();
  seedDiagnostics.push(...(await client.open(SEED_URI, SEED)).diagnostics);
  brokenDiagnostics.push(...(await client.open(BROKEN_URI, BROKEN, 'jsonc')).diagnostics);
  await client.open(SHOP_URI, SHOP);
});
after(async () => {
  await client.stop();
});

describe('hover', () => {
  async function hoverText(
    uri: string,
    position: Position,
  ): Promise<{ markdown: string; hover: Hover }> {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    assert.ok(hover, 'a hover');
    return { markdown: (hover.contents as MarkupContent).value, hover };
  }

  test('a container name: its role in the start order', async () => {
    const { markdown, hover } = await hoverText(SEED_URI, at(SEED, '"init-setup"', 2));
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.deepEqual(hover.range, {
      start: { line: 4, character: 14 },
      end: { line: 4, character: 26 },
    });
    assert.match(markdown, /\*\*init-setup\*\* · init container · phase 1 of 1/);
    assert.match(markdown, /essential: when it exits, the task stops/);
  });

  test('a dependsOn reference: the wait, then the target’s role', async () => {
    const { markdown } = await hoverText(SHOP_URI, at(SHOP, '"containerName": "redis"', 20));
    assert.match(markdown, /^web starts once redis is healthy \(HEALTHY\)\./);
    assert.match(markdown, /\*\*redis\*\* · phase 1 of 2/);
    assert.match(markdown, /Waited for by: web \(HEALTHY\)/);
  });

  test('a condition: its meaning and constraints', async () => {
    const { markdown } = await hoverText(SHOP_URI, at(SHOP, '"HEALTHY"', 2));
    assert.match(markdown, /^\*\*HEALTHY\*\*: web starts once redis's healthCheck passes\./);
    assert.match(markdown, /Checked only at startup/);
  });

  test('keys: essential of the seed’s init container, startTimeout with AWS’s example', async () => {
    assert.match(
      (await hoverText(SEED_URI, at(SEED, '"essential"', 3))).markdown,
      /init-setup is essential: when it exits, even with code 0, ECS stops the task/,
    );
    const timeout = (await hoverText(SHOP_URI, at(SHOP, '"startTimeout"', 3))).markdown;
    assert.match(timeout, /as in AWS's example/);
    assert.match(timeout, /task_definition_parameters\.html#container_definition_timeout/);
  });

  test('nothing to say: null', async () => {
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri: SEED_URI },
        position: at(SEED, '"my-app-with-init"', 2),
      }),
      null,
    );
  });
});

describe('code actions', () => {
  async function actionsFor(
    uri: string,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    };
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });
  }

  test('each quick fix of the seed gives the engine’s text, tied to its diagnostic, and valid JSON', async () => {
    const analysis = analyze(SEED, { uri: SEED_URI });
    let count = 0;
    for (const diagnostic of seedDiagnostics) {
      const actions = await actionsFor(SEED_URI, [diagnostic]);
      const quickFixes = actions.filter((a) => a.kind === 'quickfix');
      const finding = analysis.findings.find(
        (f) =>
          f.code === diagnostic.code &&
          JSON.stringify(f.range) === JSON.stringify(diagnostic.range),
      )!;
      assert.deepEqual(
        quickFixes.map((a) => a.title),
        finding.fixes.map((f) => f.title),
        String(diagnostic.code),
      );
      for (const [i, action] of quickFixes.entries()) {
        assert.deepEqual(action.diagnostics, [diagnostic]);
        assert.equal(action.isPreferred, finding.fixes[i]!.isPreferred);
        assert.deepEqual(
          (action.edit!.documentChanges![0] as { textDocument: unknown }).textDocument,
          { uri: SEED_URI, version: 1 },
        );
        const after = applyTextEdits(SEED, editsOf(action.edit, SEED_URI));
        assert.equal(after, applyTextEdits(SEED, finding.fixes[i]!.edits));
        JSON.parse(after);
        count++;
      }
    }
    assert.ok(count >= 6, `${count} quick fixes`);
  });

  test('the essential-init-container fix, as text', async () => {
    const diagnostic = seedDiagnostics.find((d) => d.code === 'essential-init-container')!;
    const [action] = (await actionsFor(SEED_URI, [diagnostic], ['quickfix']))!;
    assert.equal(
      action!.title,
      'Make init-setup non-essential and make app-container wait for it (SUCCESS)',
    );
    assert.equal(
      applyTextEdits(SEED, editsOf(action!.edit, SEED_URI)),
      SEED.replace(
        '"essential": true,\n      "logConfiguration"',
        '"essential": false,\n      "logConfiguration"',
      ).replace(
        '"essential": true,\n      "command": ["python"',
        '"essential": true,\n      "dependsOn": [\n        {\n          "containerName": "init-setup",\n          "condition": "SUCCESS"\n        }\n      ],\n      "command": ["python"',
      ),
    );
  });

  test('the misspelt condition of the JSONC file', async () => {
    const diagnostic = brokenDiagnostics.find((d) => d.code === 'dependency-invalid-condition')!;
    const [action] = await actionsFor(BROKEN_URI, [diagnostic], ['quickfix']);
    assert.equal(
      applyTextEdits(BROKEN, editsOf(action!.edit, BROKEN_URI)),
      BROKEN.replace('"success" }, // typed', '"SUCCESS" }, // typed'),
    );
  });

  test('source.fixAll.ecsInitOrder: one minimal edit giving the fix-all text', async () => {
    const actions = await actionsFor(SEED_URI, [], ['source.fixAll.ecsInitOrder']);
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.ecsInitOrder'],
    );
    const edits = editsOf(actions[0]!.edit, SEED_URI);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range, {
      start: { line: 6, character: 7 },
      end: { line: 33, character: 7 },
    });
    const after = applyTextEdits(SEED, edits);
    assert.equal(
      after,
      SEED.replace(
        '      "command": ["sh", "-c", "aws s3',
        '      "entryPoint": ["sh", "-c"],\n      "command": ["aws s3',
      )
        .replace(
          '"essential": true,\n      "logConfiguration"',
          '"mountPoints": [\n        {\n          "sourceVolume": "init-setup-data",\n          "containerPath": "/app"\n        }\n      ],\n      "essential": false,\n      "logConfiguration"',
        )
        .replace(
          '"essential": true,\n      "command": ["python"',
          '"essential": true,\n      "dependsOn": [\n        {\n          "containerName": "init-setup",\n          "condition": "SUCCESS"\n        }\n      ],\n      "command": ["python"',
        )
        .replace(
          '      ],\n      "logConfiguration": {\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/my-app-with-init/app-container"',
          '      ],\n      "mountPoints": [\n        {\n          "sourceVolume": "init-setup-data",\n          "containerPath": "/app"\n        }\n      ],\n      "logConfiguration": {\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/my-app-with-init/app-container"',
        )
        .replace(
          '  ],\n  "requiresCompatibilities"',
          '  ],\n  "volumes": [\n    {\n      "name": "init-setup-data"\n    }\n  ],\n  "requiresCompatibilities"',
        ),
    );
    // Applied in the editor, the document is clean of what fix-all can fix.
    const fixedUri = uriOf('fixed-task-def.json');
    const fixed = await client.open(fixedUri, after);
    assert.deepEqual(
      fixed.diagnostics.map((d) => d.code),
      analyze(after).findings.map((f) => f.code),
    );
    for (const code of [
      'essential-init-container',
      'init-not-awaited',
      'entrypoint-overrides-shell',
      'init-output-not-shared',
    ])
      assert.ok(!fixed.diagnostics.some((d) => d.code === code), code);
    assert.deepEqual(await actionsFor(fixedUri, [], ['source.fixAll']), []);
  });
});

describe('completion', () => {
  test('container names in dependsOn, with detail', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: SHOP_URI },
      position: at(SHOP, '"containerName": "redis"', 18),
    });
    assert.deepEqual(list.items.map((i) => i.label).sort(), [
      'fetch-config',
      'log-router',
      'redis',
    ]);
    assert.equal(
      list.items.find((i) => i.label === 'fetch-config')!.detail,
      'public.ecr.aws/aws-cli/aws-cli:2.17.0 · not essential · init container',
    );
  });

  test('conditions, SUCCESS first for an init container', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: SHOP_URI },
      position: at(SHOP, '"SUCCESS"', 1),
    });
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(
      sorted.map((i) => i.label),
      ['SUCCESS', 'COMPLETE', 'START', 'HEALTHY'],
    );
  });

  const EMPTY_SLOT = SEED.replace(
    '    }\n  ],\n  "requiresCompatibilities"',
    '    },\n    \n  ],\n  "requiresCompatibilities"',
  );
  const slot = () => at(EMPTY_SLOT, '    },\n    \n  ],', '    },\n    '.length);

  test('with snippet support: the init container as a snippet, wired into the app', async () => {
    const uri = uriOf('snippet-task-def.json');
    await client.open(uri, EMPTY_SLOT);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: slot(),
    });
    const item = list.items.find((i) => i.label === 'init container with shared volume')!;
    assert.equal(item.insertTextFormat, 2);
    assert.match(
      (item.textEdit as TextEdit).newText,
      /"image": "\$\{1:public\.ecr\.aws\/docker\/library\/busybox:1\.36\}"/,
    );
    assert.ok(item.additionalTextEdits && item.additionalTextEdits.length >= 2);
  });

  test('without snippet support: plain text, and the result is a valid task definition', async () => {
    const capabilities = vscodeLikeCapabilities();
    capabilities.textDocument!.completion = { completionItem: { snippetSupport: false } };
    const plain = await TestClient.start({ capabilities });
    try {
      const uri = uriOf('plain-task-def.json');
      await plain.open(uri, EMPTY_SLOT);
      const list = await plain.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: slot(),
      });
      const item = list.items.find((i) => i.label === 'init container with shared volume')!;
      assert.equal(item.insertTextFormat, 1);
      const after = applyTextEdits(EMPTY_SLOT, [
        item.textEdit as TextEdit,
        ...(item.additionalTextEdits ?? []),
      ]);
      assert.doesNotMatch(after, /\$\{|\$0/);
      const parsed = JSON.parse(after);
      assert.deepEqual(
        parsed.containerDefinitions.map((c: { name: string }) => c.name),
        ['init-setup', 'app-container', 'init'],
      );
      assert.deepEqual(parsed.containerDefinitions[1].dependsOn, [
        { containerName: 'init', condition: 'SUCCESS' },
      ]);
      assert.deepEqual(parsed.volumes, [{ name: 'shared' }]);
      const empty = uriOf('empty-task-def.json');
      await plain.open(empty, '');
      const whole = await plain.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: empty },
        position: { line: 0, character: 0 },
      });
      assert.deepEqual(
        whole.items.map((i) => i.label),
        ['task definition with an init container'],
      );
      assert.deepEqual(analyze((whole.items[0]!.textEdit as TextEdit).newText).findings, []);
    } finally {
      await plain.stop();
    }
  });
});

describe('navigation', () => {
  test('definition from a reference to the container', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: SHOP_URI },
      position: at(SHOP, '"containerName": "fetch-config"', 20),
    });
    assert.deepEqual(locations, [
      {
        uri: SHOP_URI,
        range: { start: { line: 10, character: 15 }, end: { line: 10, character: 27 } },
      },
    ]);
  });

  test('references with and without the declaration', async () => {
    const position = at(SHOP, '"name": "redis"', 10);
    const all = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: SHOP_URI },
      position,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      all.map((l) => l.range.start.line),
      [27, 44],
    );
    const uses = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: SHOP_URI },
      position,
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      uses.map((l) => l.range.start.line),
      [44],
    );
  });

  test('prepareRename and rename edit every use', async () => {
    const position = at(SHOP, '"containerName": "fetch-config"', 20);
    const prepared = await client.request<PrepareRenameResult>('textDocument/prepareRename', {
      textDocument: { uri: SHOP_URI },
      position,
    });
    assert.deepEqual(prepared, {
      range: { start: { line: 43, character: 28 }, end: { line: 43, character: 40 } },
      placeholder: 'fetch-config',
    });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: SHOP_URI },
      position,
      newName: 'config-init',
    });
    assert.equal(
      applyTextEdits(SHOP, editsOf(edit, SHOP_URI)),
      SHOP.replaceAll('"fetch-config"', '"config-init"'),
    );
  });

  test('an invalid new name is refused with a message', async () => {
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: SHOP_URI },
        position: at(SHOP, '"name": "web"', 10),
        newName: 'web app',
      }),
      (error: Error & { code?: number }) =>
        error.code === -32803 && /not a valid container name/.test(error.message),
    );
    assert.equal(
      await client.request('textDocument/prepareRename', {
        textDocument: { uri: SHOP_URI },
        position: at(SHOP, '"family"', 2),
      }),
      null,
    );
  });

  test('document symbols: the task, its containers with their images', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: SEED_URI },
    });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.name, 'my-app-with-init');
    assert.deepEqual(
      symbols[0]!.children!.map((c) => [c.name, c.detail]),
      [
        ['init-setup', 'amazon/aws-cli:latest'],
        ['app-container', 'my-docker-repo/my-app:v1.2.0'],
      ],
    );
  });

  test('flat symbols for a client without hierarchical support', async () => {
    const capabilities = vscodeLikeCapabilities();
    capabilities.textDocument!.documentSymbol = {};
    const flat = await TestClient.start({ capabilities });
    try {
      await flat.open(SEED_URI, SEED);
      const symbols = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', {
        textDocument: { uri: SEED_URI },
      });
      assert.deepEqual(
        symbols.map((s) => `${s.name}/${s.containerName ?? ''}`),
        ['my-app-with-init/', 'init-setup/my-app-with-init', 'app-container/my-app-with-init'],
      );
    } finally {
      await flat.stop();
    }
  });
});

describe('code lenses and the graph', () => {
  test('a lens above each container, opening the graph on it', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: SHOP_URI },
    });
    assert.deepEqual(
      lenses.map((l) => l.command!.title),
      [
        'phase 1 · starts first · 1 waits for it',
        'phase 1 · starts first · 1 waits for it',
        'phase 1 · starts first · 1 waits for it',
        'phase 2 · waits for fetch-config (SUCCESS), redis (HEALTHY), log-router (START, FireLens)',
      ],
    );
    assert.deepEqual(lenses[0]!.command!.arguments, [SHOP_URI, 'fetch-config']);
    assert.equal(lenses[0]!.command!.command, 'ecsInitOrder.showStartOrderGraph');
    const cycle = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: BROKEN_URI },
    });
    assert.equal(cycle[1]!.command!.title, 'in a dependency cycle · 1 waits for it');
  });

  test('ecsInitOrder/startOrderGraph', async () => {
    const graph = await client.request<StartOrderGraph>('ecsInitOrder/startOrderGraph', {
      uri: SHOP_URI,
    });
    assert.equal(graph.uri, SHOP_URI);
    assert.equal(graph.family, 'shop-web');
    assert.deepEqual(graph.phases, [['fetch-config', 'log-router', 'redis'], ['web']]);
    assert.deepEqual(
      graph.edges.map((e) => `${e.from}->${e.to}:${e.condition}:${e.reason}`),
      [
        'fetch-config->web:SUCCESS:dependsOn',
        'redis->web:HEALTHY:dependsOn',
        'log-router->web:START:firelens',
      ],
    );
    assert.ok(graph.story.length > 0);
    const cycles = await client.request<StartOrderGraph>('ecsInitOrder/startOrderGraph', {
      uri: BROKEN_URI,
    });
    assert.deepEqual(cycles.cycles, [['api', 'worker']]);
    assert.equal(
      await client.request('ecsInitOrder/startOrderGraph', { uri: uriOf('not-open.json') }),
      null,
    );
  });

  test('ecsInitOrder/simulate: the default scenario, a scenario, and what a bad one leaves', async () => {
    const simulation = (params: unknown) =>
      client.request<SimulationResult | null>('ecsInitOrder/simulate', params);
    const seed = await simulation({ uri: SEED_URI });
    assert.ok(seed);
    assert.equal(seed.task.stops, true);
    assert.equal(seed.task.stoppedBy, 'init-setup');

    const shop = await simulation({ uri: SHOP_URI });
    assert.equal(shop?.outcome, 'Every container starts and the task keeps running.');
    assert.deepEqual(
      shop.containers.map((c) => [c.name, c.startedAt]),
      [
        ['fetch-config', 0],
        ['log-router', 0],
        ['redis', 0],
        ['web', 10],
      ],
    );
    const failing = await simulation({
      uri: SHOP_URI,
      overrides: { 'fetch-config': { exitCode: 1 } },
    });
    assert.equal(failing?.containers.find((c) => c.name === 'web')?.started, false);
    assert.match(failing.outcome, /^web never starts: fetch-config exited with code 1/);

    // Malformed parts of a scenario are dropped, never an error; a name no container has is noted.
    const malformed = await simulation({
      uri: SHOP_URI,
      overrides: JSON.parse(
        '{ "fetch-config": { "exitCode": "one", "runtime": -3 }, "web": "fail", "__proto__": { "exitCode": 1 } }',
      ) as unknown,
    });
    assert.deepEqual(malformed?.timeline, shop.timeline);
    assert.deepEqual(malformed.notes, [
      'No container is named "__proto__": its scenario is ignored.',
    ]);
    assert.equal(await simulation({ uri: uriOf('not-open.json') }), null);
  });
});
