/**
 * The language server on Terraform files, over stdio: diagnostics once the HCL parser has loaded
 * (by the `terraform` language id, or by the .tf name where no extension sets one), hovers, quick
 * fixes and fix-all that leave valid HCL, go to definition, references, rename, the outline, code
 * lenses, completion inside jsonencode, and a heredoc of JSON.
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
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { applyTextEdits, syntaxFindings } from '../../server/src/engine/index';
import { analyzeTf, terraformReady } from '../support/terraform';
import { editsOf, positionIn as at, TestClient, uriOf, vscodeLikeCapabilities } from './client';

const SEED = readFileSync('test/fixtures/terraform/broken/seed-jsonencode.tf', 'utf8');
const HEREDOC = readFileSync('test/fixtures/terraform/broken/seed-heredoc.tf', 'utf8');
const SEED_URI = uriOf('infra/main.tf');
const PLAIN_URI = uriOf('infra/plain.tf');
const HEREDOC_URI = uriOf('infra/legacy.tf');

/** The text is valid HCL (and the JSON in its heredocs valid JSON). */
function assertValid(text: string): void {
  assert.deepEqual(
    syntaxFindings(analyzeTf(text).file).map((f) => f.message),
    [],
  );
}

let client: TestClient;
let seedDiagnostics: Diagnostic[] = [];

/** The first diagnostics published for a document that hold findings (the parser may still load). */
async function findingsOf(uri: string): Promise<Diagnostic[]> {
  await client.until(
    () => (client.published.get(uri) ?? []).some((p) => p.diagnostics.length > 0),
    `diagnostics of ${uri}`,
    15_000,
  );
  return client.published.get(uri)!.find((p) => p.diagnostics.length > 0)!.diagnostics;
}

before(async () => {
  await terraformReady();
  client = await TestClient.start({ capabilities: vscodeLikeCapabilities() });
  await client.open(SEED_URI, SEED, 'terraform');
  seedDiagnostics = await findingsOf(SEED_URI);
});
after(async () => {
  await client.stop();
});

describe('diagnostics', () => {
  test('the seed as Terraform: the same findings as the CLI, at the HCL text', () => {
    assert.deepEqual(
      seedDiagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`),
      [
        '13 init-not-awaited',
        '14 image-latest-tag',
        '15 aws-cli-without-task-role',
        '15 entrypoint-overrides-shell',
        '15 init-output-not-shared',
        '16 essential-init-container',
        '18 awslogs-execution-role',
        '18 awslogs-missing-option',
        '37 awslogs-missing-option',
      ],
    );
    const essential = seedDiagnostics.find((d) => d.code === 'essential-init-container')!;
    assert.deepEqual(essential.range, {
      start: { line: 15, character: 18 },
      end: { line: 15, character: 22 },
    });
  });

  test('a .tf file with another language id (no Terraform extension): read by its name', async () => {
    await client.open(PLAIN_URI, SEED, 'plaintext');
    assert.equal((await findingsOf(PLAIN_URI)).length, seedDiagnostics.length);
  });

  test('a heredoc of JSON: findings inside it', async () => {
    await client.open(HEREDOC_URI, HEREDOC, 'terraform');
    const found = await findingsOf(HEREDOC_URI);
    const essential = found.find((d) => d.code === 'essential-init-container')!;
    assert.equal(HEREDOC.split('\n')[essential.range.start.line]!.trim(), '"essential": true,');
  });

  test('a heredoc whose JSON does not parse: its first syntax error, in plain words', async () => {
    const uri = uriOf('infra/broken.tf');
    await client.open(
      uri,
      readFileSync('test/fixtures/terraform/real-world/heredoc-broken-json.tf', 'utf8'),
      'terraform',
    );
    const found = await findingsOf(uri);
    const syntax = found.filter((d) => d.code === 'json-syntax');
    assert.equal(syntax.length, 1);
    assert.match(String(syntax[0]!.message), /^JSON syntax in the heredoc: /);
    assert.equal(syntax[0]!.range.start.line, 14);
  });

  test('a keystroke: diagnostics follow the edit', async () => {
    const uri = uriOf('infra/edited.tf');
    await client.open(uri, SEED, 'terraform');
    await findingsOf(uri);
    const line = SEED.split('\n').findIndex((l) => l.includes('essential = true'));
    await client.change(uri, 2, [
      {
        range: { start: { line, character: 18 }, end: { line, character: 22 } },
        text: 'false',
      },
    ]);
    const next = await client.diagnosticsFor(uri, 2);
    assert.ok(!next.diagnostics.some((d) => d.code === 'essential-init-container'));
  });
});

describe('features', () => {
  test('hover on a container name and on essential', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: SEED_URI },
      position: at(SEED, '"init-setup"', 2),
    });
    assert.match((hover!.contents as MarkupContent).value, /\*\*init-setup\*\*/);
    const key = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: SEED_URI },
      position: at(SEED, 'essential = true', 2),
    });
    assert.match((key!.contents as MarkupContent).value, /init-setup is essential/);
    // Written as the file writes it.
    assert.match((key!.contents as MarkupContent).value, /should be `essential = false`/);
  });

  test('quick fix: HCL in the file’s style that parses again', async () => {
    const diagnostic = seedDiagnostics.find((d) => d.code === 'essential-init-container')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SEED_URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const action = actions.find((a) => a.title.startsWith('Make init-setup non-essential'))!;
    const after = applyTextEdits(SEED, editsOf(action.edit, SEED_URI));
    assert.match(after, /\n {6}essential = false\n/);
    assert.match(
      after,
      /\n {6}dependsOn = \[\{ containerName = "init-setup", condition = "SUCCESS" \}\]\n/,
    );
    assertValid(after);
  });

  test('fix-all: one edit, valid HCL', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SEED_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.ecsInitOrder'] },
    });
    assert.equal(actions.length, 1);
    const after = applyTextEdits(SEED, editsOf(actions[0]!.edit, SEED_URI));
    assert.notEqual(after, SEED);
    assertValid(after);
  });

  test('definition, references and rename of a container name', async () => {
    const fixed = applyTextEdits(
      SEED,
      editsOf(
        (
          await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: SEED_URI },
            range: seedDiagnostics.find((d) => d.code === 'essential-init-container')!.range,
            context: {
              diagnostics: [seedDiagnostics.find((d) => d.code === 'essential-init-container')!],
              only: ['quickfix'],
            },
          })
        )[0]!.edit,
        SEED_URI,
      ),
    );
    const uri = uriOf('infra/fixed.tf');
    await client.open(uri, fixed, 'terraform');
    await findingsOf(uri);
    const use = at(fixed, 'containerName = "init-setup"', 18);
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: use,
    });
    assert.deepEqual(definition[0]!.range.start, at(fixed, '"init-setup"', 1));
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: use,
      context: { includeDeclaration: true },
    });
    assert.equal(references.length, 2);
    const rename = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: use,
      newName: 'init',
    });
    const renamed = applyTextEdits(fixed, editsOf(rename, uri));
    assert.ok(!renamed.includes('"init-setup"'));
    assert.match(renamed, /name {6}= "init"/);
    assert.match(renamed, /containerName = "init"/);
    assertValid(renamed);
  });

  test('the outline names the resource; code lenses sit on the containers', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: SEED_URI },
    });
    assert.equal(symbols[0]!.name, 'aws_ecs_task_definition.app');
    assert.deepEqual(
      symbols[0]!.children!.map((s) => s.name),
      ['init-setup', 'app-container'],
    );
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: SEED_URI },
    });
    assert.equal(lenses.length, 2);
    assert.equal(lenses[0]!.range.start.line, 12);
  });

  test('completion of container names and conditions inside jsonencode', async () => {
    const text = SEED.replace(
      '      essential = true\n      command   = ["python"',
      '      essential = true\n      dependsOn = [{ containerName = "", condition = "" }]\n      command   = ["python"',
    );
    const uri = uriOf('infra/typing.tf');
    await client.open(uri, text, 'terraform');
    await findingsOf(uri);
    const names = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: at(text, 'containerName = ""', 17),
    });
    assert.deepEqual(
      names.items.map((i) => i.label),
      ['init-setup'],
    );
    const conditions = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: at(text, 'condition = ""', 13),
    });
    assert.deepEqual(conditions.items.map((i) => i.label).sort(), [
      'COMPLETE',
      'HEALTHY',
      'START',
      'SUCCESS',
    ]);
  });
});

describe('the start-order graph of one resource of several', () => {
  const TWO = readFileSync('test/fixtures/terraform/two-services.tf', 'utf8');
  const uri = uriOf('infra/two.tf');
  before(() => client.open(uri, TWO, 'terraform'));

  test('the resources by their address, each with its block’s range', async () => {
    const named = await client.request<{ name: string; range: { start: { line: number } } }[]>(
      'ecsInitOrder/taskDefinitions',
      { uri },
    );
    assert.deepEqual(
      named.map((d) => [d.name, d.range.start.line + 1]),
      [
        ['aws_ecs_task_definition.web', 2],
        ['aws_ecs_task_definition.worker', 16],
      ],
    );
  });

  test('the graph of the one named, the first without a name', async () => {
    const graph = (definition?: string) =>
      client.request<{ phases: string[][] } | null>('ecsInitOrder/startOrderGraph', {
        uri,
        ...(definition ? { definition } : {}),
      });
    assert.deepEqual((await graph('aws_ecs_task_definition.worker'))!.phases, [['db', 'api']]);
    assert.deepEqual((await graph())!.phases, [['init'], ['web']]);
  });

  test('a code lens opens the graph on its own resource', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri },
    });
    assert.deepEqual(
      lenses.map((l) => l.command?.arguments?.slice(1)),
      [
        ['init', 'aws_ecs_task_definition.web'],
        ['web', 'aws_ecs_task_definition.web'],
        ['db', 'aws_ecs_task_definition.worker'],
        ['api', 'aws_ecs_task_definition.worker'],
      ],
    );
  });
});
