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

  test('the code-lens command opens the graph at a container', async () => {
    extension.activate(context as never);
    await commands.handlers.get(Commands.showGraphFor)!('file:///p/web.json', 'app');
    await commands.handlers.get(Commands.showGraphFor)!(42);
    const shown = graphPanel.calls.filter((c) => c[0] === 'show');
    assert.deepEqual(
      shown.map((c) => [c[2], c[3]]),
      [['file:///p/web.json', 'app']],
    );
  });
});
