/**
 * The language server on CloudFormation templates, over stdio: a YAML template (languageId yaml)
 * with two task definitions gets diagnostics in the template's words, quick fixes and fix-all that
 * keep it valid YAML, hovers, go to definition, references, rename, the outline and code lenses,
 * each on the task definition under the cursor; YAML syntax errors are published; a JSON template
 * is read as a template.
 */
import assert from 'node:assert/strict';
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
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { applyTextEdits, type StartOrderGraph } from '../../server/src/engine/index';
import { TestClient, uriOf } from './client';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Two services # comments stay
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: init
          Image: busybox:1.36
          Command: [sh, -c, 'cp -r /src/. /site/']
          MountPoints:
            - {SourceVolume: site, ContainerPath: /site}
        - Name: web
          Image: nginx:1.27
          MountPoints:
            - {SourceVolume: site, ContainerPath: /usr/share/nginx/html, ReadOnly: true}
      Volumes:
        - Name: site
  Api:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: db
          Image: postgres:16
          Essential: false
          HealthCheck:
            Command: [CMD-SHELL, pg_isready]
        - Name: api
          Image: api:1.0
          DependsOn:
            - ContainerName: db
              Condition: START
`;

const URI = uriOf('infra/app.yaml');
const doc = TextDocument.create(URI, 'yaml', 1, TEMPLATE);

/** The position `into` characters inside the `nth` occurrence of `needle`. */
function at(needle: string, into = 1, nth = 1): Position {
  let i = -1;
  for (let n = 0; n < nth; n++) i = TEMPLATE.indexOf(needle, i + 1);
  assert.ok(i >= 0, `not in the template: ${needle}`);
  return doc.positionAt(i + into);
}

function editsOf(edit: WorkspaceEdit | null | undefined): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges)
    return edit.documentChanges.flatMap((c) =>
      'textDocument' in c ? (c.edits as TextEdit[]) : [],
    );
  return edit.changes?.[URI] ?? [];
}

let client: TestClient;
let diagnostics: Diagnostic[] = [];

before(async () => {
  client = await TestClient.start();
  diagnostics = (await client.open(URI, TEMPLATE, 'yaml')).diagnostics;
});
after(async () => {
  await client.stop();
});

test('diagnostics: in the template’s words, at its lines, each naming its resource', () => {
  const shown = diagnostics.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`);
  const init = shown.find((s) => s.includes('essential-init-container'));
  assert.ok(init, shown.join('\n'));
  assert.match(
    init,
    /^12 essential-init-container Web: init looks like an init container \(a one-shot setup step\) but is essential \(Essential defaults to true when it is left out\)/,
  );
  const start = shown.find((s) => s.includes('start-where-healthy-available'));
  assert.match(start ?? '', /^40 start-where-healthy-available Api: api waits for db with START/);
  for (const d of diagnostics) assert.equal(d.source, 'ecs-init-order');
});

describe('quick fixes and fix-all keep the YAML', () => {
  test('the preferred fix of the init container, applied, is valid YAML and ends the finding', async () => {
    const diagnostic = diagnostics.find((d) => d.code === 'essential-init-container')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Make init non-essential and make web wait for it (SUCCESS)');
    const fixed = applyTextEdits(TEMPLATE, editsOf(preferred.edit));
    assert.deepEqual(parseDocument(fixed).errors, []);
    assert.ok(fixed.includes('# comments stay'));
    assert.ok(
      fixed.includes(`        - Name: init
          Image: busybox:1.36
          Essential: false
`),
      fixed,
    );
    assert.ok(
      fixed.includes(`          Image: nginx:1.27
          DependsOn:
            - ContainerName: init
              Condition: SUCCESS
`),
      fixed,
    );
    const published = client.nextDiagnostics(URI, (p) => p.version === 2);
    await client.change(URI, 2, [{ text: fixed }]);
    const after = (await published).diagnostics;
    assert.ok(
      !after.some((d) => d.code === 'essential-init-container' || d.code === 'init-not-awaited'),
    );
    await client.change(URI, 3, [{ text: TEMPLATE }]);
    await client.nextDiagnostics(URI, (p) => p.version === 3);
  });

  test('fix-all (source.fixAll) in one edit', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    const fixed = applyTextEdits(TEMPLATE, editsOf(actions[0]!.edit));
    assert.deepEqual(parseDocument(fixed).errors, []);
    assert.ok(fixed.includes('Essential: false'));
  });
});

describe('navigation', () => {
  test('hover on a container name tells its role in its own task definition', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: at('Name: db', 7),
    });
    const markdown = (hover!.contents as MarkupContent).value;
    assert.match(markdown, /\*\*db\*\*/);
    assert.match(markdown, /Waited for by: api \(START\)/);
    assert.deepEqual(hover!.range, {
      start: at('Name: db', 6),
      end: at('Name: db', 8),
    });
  });

  test('definition and references of a name stay in its task definition', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: URI },
      position: at('ContainerName: db', 16),
    });
    assert.deepEqual(
      definition.map((l) => l.range.start),
      [at('Name: db', 6)],
    );
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: URI },
      position: at('Name: db', 7),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((l) => l.range.start.line + 1),
      [31, 39],
    );
  });

  test('rename writes the new name, quoted where YAML would misread it', async () => {
    const plain = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: URI },
      position: at('Name: db', 7),
      newName: 'postgres',
    });
    const renamed = applyTextEdits(TEMPLATE, editsOf(plain));
    assert.ok(renamed.includes('- Name: postgres') && renamed.includes('ContainerName: postgres'));
    const misread = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: URI },
      position: at('Name: db', 7),
      newName: 'yes',
    });
    const quoted = applyTextEdits(TEMPLATE, editsOf(misread));
    assert.ok(quoted.includes("- Name: 'yes'") && quoted.includes("ContainerName: 'yes'"), quoted);
  });

  test('the outline lists each task definition by its logical ID', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: URI },
    });
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['Web', ['init', 'web', 'site']],
        ['Api', ['db', 'api']],
      ],
    );
  });

  test('code lenses above every container of every task definition', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: URI },
    });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line + 1, l.command?.title]),
      [
        [12, 'phase 1 · starts first'],
        [17, 'phase 1 · starts first'],
        [31, 'phase 1 · starts first · 1 waits for it'],
        [36, 'phase 2 · waits for db (START)'],
      ],
    );
  });
});

describe('completion', () => {
  test('ContainerName in DependsOn: the names of its own task definition, as YAML', async () => {
    const uri = uriOf('infra/completion.yaml');
    const text = TEMPLATE.replace(
      '- ContainerName: db',
      "- ContainerName: \n              Condition: START\n            - ContainerName: 'db'",
    );
    await client.open(uri, text, 'yaml');
    const typing = TextDocument.create(uri, 'yaml', 1, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: typing.positionAt(text.indexOf('ContainerName: \n') + 'ContainerName: '.length),
    });
    assert.deepEqual(
      list.items.map((i) => [i.label, i.textEdit?.newText]),
      [['db', 'db']],
    );
  });

  test('Condition: the four conditions, the likely one first', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: at('Condition: START', 12),
    });
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['HEALTHY', 'START', 'SUCCESS', 'COMPLETE'],
    );
    assert.deepEqual((list.items[0]!.textEdit as TextEdit).range, {
      start: at('Condition: START', 11),
      end: at('Condition: START', 16),
    });
  });
});

describe('the start-order graph of one task definition', () => {
  test('the named task definitions, each with its resource’s range', async () => {
    const named = await client.request<{ name: string; range: Range }[]>(
      'ecsInitOrder/taskDefinitions',
      { uri: URI },
    );
    assert.deepEqual(
      named.map((d) => [d.name, d.range.start.line + 1]),
      [
        ['Web', 4],
        ['Api', 23],
      ],
    );
  });

  test('the graph and the simulation of the one named, the first without a name', async () => {
    const graph = (definition?: string) =>
      client.request<StartOrderGraph | null>('ecsInitOrder/startOrderGraph', {
        uri: URI,
        ...(definition ? { definition } : {}),
      });
    assert.deepEqual((await graph('Api'))!.phases, [['db'], ['api']]);
    assert.deepEqual((await graph())!.phases, [['init', 'web']]);
    assert.equal(await graph('Nope'), null);
    const simulation = await client.request<{ events: unknown[] } | null>('ecsInitOrder/simulate', {
      uri: URI,
      definition: 'Api',
    });
    assert.ok(JSON.stringify(simulation).includes('"api"'));
    assert.ok(!JSON.stringify(simulation).includes('"web"'));
  });

  test('a code lens opens the graph on its own task definition', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: URI },
    });
    assert.deepEqual(
      lenses.map((l) => l.command?.arguments?.slice(1)),
      [
        ['init', 'Web'],
        ['web', 'Web'],
        ['db', 'Api'],
        ['api', 'Api'],
      ],
    );
  });
});

describe('other templates', () => {
  test('YAML syntax errors are published with plain messages', async () => {
    const uri = uriOf('infra/broken.yaml');
    const broken = TEMPLATE.replace('        - Name: web', '\t- Name: web');
    const published = await client.open(uri, broken, 'yaml');
    const syntax = published.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.deepEqual(
      [syntax[0]!.range.start.line + 1, syntax[0]!.message],
      [17, 'A tab indents this line: YAML indents with spaces only.'],
    );
    for (const d of syntax.slice(1)) assert.match(String(d.message), /^Not valid YAML: [a-z]/);
  });

  test('where another extension reports YAML syntax (yamlSyntaxReported), the server does not', async () => {
    const other = await TestClient.start({ initializationOptions: { yamlSyntaxReported: true } });
    try {
      const typing = TEMPLATE.replace('          Image: nginx:1.27', '          Imag');
      const published = await other.open(uriOf('infra/typing.yaml'), typing, 'yaml');
      assert.deepEqual(
        published.diagnostics.filter((d) => d.code === 'yaml-syntax'),
        [],
      );
      assert.ok(published.diagnostics.some((d) => d.code === 'start-where-healthy-available'));
    } finally {
      await other.stop();
    }
  });

  test('a half-typed key: that task definition waits, the other is still checked', async () => {
    const uri = uriOf('infra/typing.yaml');
    const typing = TEMPLATE.replace('          Image: nginx:1.27', '          Imag');
    const published = await client.open(uri, typing, 'yaml');
    assert.deepEqual(
      published.diagnostics
        .filter((d) => d.code === 'yaml-syntax')
        .map((d) => [d.range.start.line + 1, d.message]),
      [[18, 'Not valid YAML: implicit keys need to be on a single line.']],
    );
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code !== 'yaml-syntax').map((d) => d.code),
      ['start-where-healthy-available'],
    );
  });

  test('YAML that is no template gets nothing', async () => {
    const uri = uriOf('.github/workflows/build.yml');
    const published = await client.open(uri, 'name: build\non: [push]\njobs: {}\n', 'yaml');
    assert.deepEqual(published.diagnostics, []);
  });

  test('a JSON template opened as json is read as a template', async () => {
    const uri = uriOf('cdk.out/App.template.json');
    const json = JSON.stringify(
      {
        Resources: {
          Task: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              ContainerDefinitions: [
                { Name: 'app', Image: 'app:1', Memory: 256, Links: ['cache'] },
              ],
            },
            Metadata: { 'aws:cdk:path': 'App/Task/Resource' },
          },
        },
      },
      null,
      1,
    );
    const published = await client.open(uri, json, 'json');
    const unknown = published.diagnostics.find((d) => d.code === 'links-unknown-container');
    assert.match(String(unknown?.message), /^App\/Task\/Resource: app links to "cache"/);
    assert.match(String(unknown?.message), /change in the CDK app's code for App\/Task/);
  });
});
