/**
 * activate() with a fake `vscode`, a fake LanguageClient and a fake graph panel: the server starts
 * only once a task definition is open, the commands reach the graph panel, and the editor-title
 * context key follows the active editor.
 */
import assert from 'node:assert/strict';
import { afterEach, before, beforeEach, describe, test } from 'node:test';
import { Commands } from '../../shared/src/protocol';
import {
  FakeLanguageClient,
  commands,
  document,
  events,
  graphPanel,
  installFakes,
  messages,
  settings,
  vscode,
} from '../support/fakeVscode';

type ExtensionModule = typeof import('../../client/src/extension');
let extension: ExtensionModule;

before(async () => {
  installFakes();
  extension = await import('../../client/src/extension');
});

const TASK = '{\n  "family": "web",\n  "containerDefinitions": []\n}\n';
let context: { subscriptions: Array<{ dispose(): unknown }>; asAbsolutePath(p: string): string };

const settle = () => new Promise((r) => setTimeout(r, 20));
const contextKeyValues = () =>
  commands.executed
    .filter((c) => c[0] === 'setContext' && c[1] === 'ecsInitOrder.isTaskDefinition')
    .map((c) => c[2]);

beforeEach(() => {
  FakeLanguageClient.instances = [];
  settings.clear();
  messages.length = 0;
  commands.executed.length = 0;
  graphPanel.calls.length = 0;
  vscode.workspace.textDocuments = [];
  vscode.window.activeTextEditor = undefined;
  vscode.window.quickPicks.length = 0;
  vscode.window.quickPickAnswer = undefined;
  FakeLanguageClient.answer = () => null;
  context = { subscriptions: [], asAbsolutePath: (p) => `/ext/${p}` };
});

afterEach(async () => {
  await extension.deactivate();
  for (const d of context.subscriptions) d.dispose();
});

describe('activate', () => {
  test('registers both commands and the graph source, and starts no server for plain JSON', async () => {
    vscode.workspace.textDocuments = [document('/p/package.json', '{ "name": "x" }')];
    extension.activate(context as never);
    await settle();
    assert.ok(commands.handlers.has(Commands.visualize));
    assert.ok(commands.handlers.has(Commands.showGraphFor));
    const registered = graphPanel.calls.find((c) => c[0] === 'register');
    const source = registered?.[1] as {
      getGraph?: unknown;
      simulate?: unknown;
      onDidChangeGraph?: unknown;
      isTaskDefinition?: unknown;
    };
    assert.equal(typeof source.getGraph, 'function');
    assert.equal(typeof source.simulate, 'function');
    assert.equal(typeof source.onDidChangeGraph, 'function');
    assert.equal(typeof source.isTaskDefinition, 'function');
    assert.equal(FakeLanguageClient.instances.length, 0);
    assert.deepEqual(contextKeyValues(), [false]);
  });

  test('a task definition already open starts the server at activation', async () => {
    vscode.workspace.textDocuments = [document('/p/web.json', TASK)];
    extension.activate(context as never);
    await settle();
    assert.equal(FakeLanguageClient.instances.length, 1);
  });

  test('opening a task definition later starts the server, once', async () => {
    extension.activate(context as never);
    events.openDocument.fire(document('/p/package.json', '{}'));
    await settle();
    assert.equal(FakeLanguageClient.instances.length, 0);
    events.openDocument.fire(document('/p/web-task-def.json', ''));
    events.openDocument.fire(document('/p/other.json', TASK));
    await settle();
    assert.equal(FakeLanguageClient.instances.length, 1);
  });

  test('typing containerDefinitions into an unsaved JSON document starts the server', async () => {
    extension.activate(context as never);
    const untitled = document('Untitled-1', '{ "containerDefinitions": [] }', 'json', 'untitled');
    events.changeDocument.fire({ document: untitled, contentChanges: [] });
    await settle();
    assert.equal(FakeLanguageClient.instances.length, 1);
  });

  test('turning ecsInitOrder.enable off stops the server, and on starts it again', async () => {
    vscode.workspace.textDocuments = [document('/p/web.json', TASK)];
    extension.activate(context as never);
    await settle();
    settings.set('', { enable: false });
    events.changeConfiguration.fire({
      affectsConfiguration: (s) => s === 'ecsInitOrder' || s === 'ecsInitOrder.enable',
    });
    await settle();
    assert.deepEqual(FakeLanguageClient.instances[0]!.log, ['start', 'stop', 'dispose']);
    settings.set('', { enable: true });
    events.changeConfiguration.fire({
      affectsConfiguration: (s) => s === 'ecsInitOrder' || s === 'ecsInitOrder.enable',
    });
    await settle();
    assert.equal(FakeLanguageClient.instances.length, 2);
  });

  test('an unrelated setting changes nothing', async () => {
    vscode.workspace.textDocuments = [document('/p/web.json', TASK)];
    extension.activate(context as never);
    await settle();
    events.changeConfiguration.fire({ affectsConfiguration: (s) => s === 'editor' });
    await settle();
    assert.deepEqual(FakeLanguageClient.instances[0]!.log, ['start']);
  });
});

describe('the context key and the commands', () => {
  test('ecsInitOrder.isTaskDefinition follows the active editor', async () => {
    extension.activate(context as never);
    vscode.window.activeTextEditor = { document: document('/p/web.json', TASK) };
    events.changeActiveEditor.fire(undefined);
    vscode.window.activeTextEditor = { document: document('/p/package.json', '{}') };
    events.changeActiveEditor.fire(undefined);
    events.changeActiveEditor.fire(undefined);
    assert.deepEqual(contextKeyValues(), [false, true, false], 'set only when it changes');
  });

  test('Visualize Start Order shows the graph of the active editor’s task definition', async () => {
    const doc = document('/p/web.json', TASK);
    vscode.workspace.textDocuments = [doc];
    vscode.window.activeTextEditor = { document: doc };
    extension.activate(context as never);
    await commands.handlers.get(Commands.visualize)!();
    const shown = graphPanel.calls.filter((c) => c[0] === 'show');
    assert.equal(shown.length, 1);
    assert.equal(shown[0]![2], 'file:///p/web.json');
    assert.equal(shown[0]![3], undefined);
  });

  test('Visualize Start Order on plain JSON explains instead of opening an empty graph', async () => {
    const doc = document('/p/package.json', '{}');
    vscode.workspace.textDocuments = [doc];
    vscode.window.activeTextEditor = { document: doc };
    extension.activate(context as never);
    await commands.handlers.get(Commands.visualize)!();
    assert.equal(graphPanel.calls.filter((c) => c[0] === 'show').length, 0);
    assert.match(messages.join('\n'), /not an ECS task definition/);
  });

  test('the code-lens command opens the graph at a container, of its own task definition', async () => {
    extension.activate(context as never);
    await commands.handlers.get(Commands.showGraphFor)!('file:///p/web.json', 'app');
    await commands.handlers.get(Commands.showGraphFor)!('file:///p/service.yaml', 'db', 'Api');
    await commands.handlers.get(Commands.showGraphFor)!(42);
    const shown = graphPanel.calls.filter((c) => c[0] === 'show');
    assert.deepEqual(
      shown.map((c) => [c[2], c[3], c[4]]),
      [
        ['file:///p/web.json', 'app', undefined],
        ['file:///p/service.yaml', 'db', 'Api'],
      ],
    );
  });
});

describe('Visualize Start Order on a template with several task definitions', () => {
  const TEMPLATE = [
    'Resources:',
    '  Web:',
    '    Type: AWS::ECS::TaskDefinition',
    '  Api:',
    '    Type: AWS::ECS::TaskDefinition',
    '',
  ].join('\n');
  const range = (from: number, to: number) => ({
    start: { line: from, character: 2 },
    end: { line: to, character: 0 },
  });

  async function visualize(cursorLine: number): Promise<unknown[][]> {
    const doc = document('/p/service.yaml', TEMPLATE, 'yaml');
    vscode.workspace.textDocuments = [doc];
    vscode.window.activeTextEditor = {
      document: doc,
      selection: { active: { line: cursorLine, character: 4 } },
    };
    FakeLanguageClient.answer = (method, params) =>
      method === 'ecsInitOrder/taskDefinitions' &&
      (params as { uri: string }).uri === 'file:///p/service.yaml'
        ? [
            { name: 'Web', range: range(1, 3) },
            { name: 'Api', range: range(3, 5) },
          ]
        : null;
    extension.activate(context as never);
    await commands.handlers.get(Commands.visualize)!();
    return graphPanel.calls.filter((c) => c[0] === 'show');
  }

  test('the one under the cursor, without asking', async () => {
    const shown = await visualize(4);
    assert.deepEqual(
      shown.map((c) => [c[2], c[4]]),
      [['file:///p/service.yaml', 'Api']],
    );
    assert.equal(vscode.window.quickPicks.length, 0);
  });

  test('elsewhere, a quick pick names their logical IDs', async () => {
    vscode.window.quickPickAnswer = 'Web';
    const shown = await visualize(0);
    assert.deepEqual(
      vscode.window.quickPicks[0]!.items.map((i) => [i.label, i.description]),
      [
        ['Web', 'line 2'],
        ['Api', 'line 4'],
      ],
    );
    assert.deepEqual(
      shown.map((c) => [c[2], c[4]]),
      [['file:///p/service.yaml', 'Web']],
    );
  });

  test('a dismissed pick opens nothing', async () => {
    assert.deepEqual(await visualize(0), []);
    assert.equal(vscode.window.quickPicks.length, 1);
  });

  test('YAML that declares no task definition is explained, not drawn', async () => {
    const doc = document('/p/ci.yaml', 'name: build\n', 'yaml');
    vscode.workspace.textDocuments = [doc];
    vscode.window.activeTextEditor = { document: doc };
    extension.activate(context as never);
    await commands.handlers.get(Commands.visualize)!();
    assert.equal(graphPanel.calls.filter((c) => c[0] === 'show').length, 0);
    assert.match(
      messages.join('\n'),
      /ci\.yaml is not an ECS task definition: it has no AWS::ECS::TaskDefinition resource/,
    );
  });
});
