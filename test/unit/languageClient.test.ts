/**
 * The client's lifecycle with a fake `vscode` and a fake LanguageClient: the server starts only for
 * a task definition, once, stops when the extension is turned off, and serves the graph.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, test } from 'node:test';
import {
  GraphChangedNotification,
  SimulateRequest,
  StartOrderGraphRequest,
  TaskDefinitionsRequest,
} from '../../shared/src/protocol';
import {
  FakeLanguageClient,
  Uri,
  document,
  installedExtensions,
  installFakes,
  messages,
  outputChannel,
  settings,
  vscode,
} from '../support/fakeVscode';

type ClientModule = typeof import('../../client/src/languageClient');
let LanguageServerController: ClientModule['LanguageServerController'];
let documentSelector: ClientModule['documentSelector'];
let isTaskDefinitionDocument: ClientModule['isTaskDefinitionDocument'];
let needsServer: ClientModule['needsServer'];

before(async () => {
  // The fakes must be in place before the client code (and its `vscode` import) is loaded.
  installFakes();
  ({ LanguageServerController, documentSelector, isTaskDefinitionDocument, needsServer } =
    await import('../../client/src/languageClient'));
});

const TASK = '{\n  "family": "web",\n  "containerDefinitions": []\n}\n';
const context = { asAbsolutePath: (p: string) => `/ext/${p}` } as never;

function controller() {
  return new LanguageServerController(context, outputChannel() as never);
}

beforeEach(() => {
  FakeLanguageClient.instances = [];
  FakeLanguageClient.failStart = false;
  FakeLanguageClient.answer = () => null;
  settings.clear();
  messages.length = 0;
  vscode.workspace.textDocuments = [];
  vscode.workspace.workspaceFolders = undefined;
});

describe('which documents need the server', () => {
  test('a task definition by content, or a JSON file named like one', () => {
    assert.ok(needsServer(document('/p/anything.json', TASK) as never));
    assert.ok(needsServer(document('/p/web-task-def.json', '') as never));
    assert.ok(needsServer(document('/p/untitled-1', TASK, 'jsonc', 'untitled') as never));
    assert.ok(!needsServer(document('/p/package.json', '{ "name": "x" }') as never));
    assert.ok(!needsServer(document('/p/task-def.yaml', TASK, 'yaml') as never));
  });

  test('a Terraform file that declares (or starts typing) an aws_ecs_task_definition', () => {
    const tf = 'resource "aws_ecs_task_definition" "app" {\n}\n';
    assert.ok(needsServer(document('/p/main.tf', tf, 'terraform') as never));
    // No extension gives .tf files a language id: the name says what it is.
    assert.ok(needsServer(document('/p/main.tf', tf, 'plaintext') as never));
    assert.ok(!needsServer(document('/p/variables.tf', 'variable "x" {}\n', 'terraform') as never));
    assert.ok(isTaskDefinitionDocument(document('/p/main.tf', tf, 'terraform') as never));
    assert.ok(
      !isTaskDefinitionDocument(
        document('/p/main.tf', 'data "aws_ecs_task_definition" "x" {}', 'terraform') as never,
      ),
    );
  });

  test('YAML only as a template that declares a task definition', () => {
    const template = 'Resources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n';
    const bucket =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n";
    for (const language of ['yaml', 'cloudformation']) {
      assert.ok(needsServer(document('/p/service.yaml', template, language) as never));
      assert.ok(isTaskDefinitionDocument(document('/p/service.yaml', template, language) as never));
      assert.ok(!needsServer(document('/p/bucket.yaml', bucket, language) as never));
      assert.ok(!isTaskDefinitionDocument(document('/p/bucket.yaml', bucket, language) as never));
    }
    const workflow = 'name: build\non: [push]\n';
    assert.ok(
      !needsServer(document('/p/.github/workflows/task-def.yml', workflow, 'yaml') as never),
    );
    assert.ok(!needsServer(document('/p/ci.yaml', TASK, 'yaml') as never));
  });

  test('not while the extension is turned off for it', () => {
    settings.set('/p/off/', { enable: false });
    assert.ok(!needsServer(document('/p/off/task-def.json', TASK) as never));
    assert.ok(needsServer(document('/p/on/task-def.json', TASK) as never));
  });

  test('the graph button needs the content, not just the name', () => {
    assert.ok(isTaskDefinitionDocument(document('/p/x.json', TASK) as never));
    assert.ok(!isTaskDefinitionDocument(document('/p/task-def.json', '{}') as never));
  });

  test('the configured patterns replace the defaults', () => {
    settings.set('', { filePatterns: ['**/ecs/*.json'] });
    const array = '[{ "name": "web", "image": "nginx:1.27" }]';
    assert.ok(isTaskDefinitionDocument(document('/p/ecs/web.json', array) as never));
    assert.ok(!isTaskDefinitionDocument(document('/p/containers.json', array) as never));
  });
});

describe('documentSelector', () => {
  test('JSON, JSONC, Terraform and YAML (templates), on disk and unsaved; .tf files under any language id', () => {
    assert.deepEqual(documentSelector(), [
      { language: 'json', scheme: 'file' },
      { language: 'json', scheme: 'untitled' },
      { language: 'jsonc', scheme: 'file' },
      { language: 'jsonc', scheme: 'untitled' },
      { language: 'terraform', scheme: 'file' },
      { language: 'terraform', scheme: 'untitled' },
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'cloudformation', scheme: 'file' },
      { language: 'cloudformation', scheme: 'untitled' },
      { scheme: 'file', pattern: '**/*.tf' },
      { scheme: 'untitled', pattern: '**/*.tf' },
    ]);
  });

  test('plus the scheme of a virtual workspace', () => {
    vscode.workspace.workspaceFolders = [
      { uri: Uri.parse('vscode-vfs://github/org/repo'), name: 'repo', index: 0 },
    ];
    assert.deepEqual(
      documentSelector().filter((s) => JSON.stringify(s).includes('vscode-vfs')),
      [
        { language: 'json', scheme: 'vscode-vfs' },
        { language: 'jsonc', scheme: 'vscode-vfs' },
        { language: 'terraform', scheme: 'vscode-vfs' },
        { language: 'yaml', scheme: 'vscode-vfs' },
        { language: 'cloudformation', scheme: 'vscode-vfs' },
        { scheme: 'vscode-vfs', pattern: '**/*.tf' },
      ],
    );
  });
});

describe('LanguageServerController', () => {
  test('reconcile starts nothing while no task definition is open', async () => {
    vscode.workspace.textDocuments = [document('/p/package.json', '{}') as never];
    const c = controller();
    await c.reconcile();
    assert.equal(FakeLanguageClient.instances.length, 0);
    assert.equal(c.isRunning, false);
  });

  test('reconcile starts one client over IPC, named for the trace setting', async () => {
    vscode.workspace.textDocuments = [document('/p/task-def.json', TASK) as never];
    const c = controller();
    await Promise.all([c.reconcile(), c.start(), c.start()]);
    assert.equal(FakeLanguageClient.instances.length, 1);
    const client = FakeLanguageClient.instances[0]!;
    assert.equal(client.id, 'ecsInitOrder');
    assert.equal(client.name, 'ECS Init Order');
    assert.equal(client.serverOptions.run.module, '/ext/dist/server.js');
    assert.equal(client.serverOptions.run.transport, 1);
    assert.ok(client.serverOptions.debug.options.execArgv.includes('--inspect=6009'));
    assert.deepEqual(client.clientOptions.synchronize, { configurationSection: 'ecsInitOrder' });
    assert.equal(
      client.clientOptions.errorHandler,
      undefined,
      'the default error handler restarts a crashed server',
    );
    assert.deepEqual(client.log, ['start']);
    assert.equal(c.isRunning, true);
  });

  test('turning the extension off stops the server; turning it on starts a new one', async () => {
    vscode.workspace.textDocuments = [document('/p/task-def.json', TASK) as never];
    const c = controller();
    await c.reconcile();
    settings.set('', { enable: false });
    await c.reconcile();
    assert.equal(c.isRunning, false);
    assert.deepEqual(FakeLanguageClient.instances[0]!.log, ['start', 'stop', 'dispose']);
    settings.set('', { enable: true });
    await c.reconcile();
    assert.equal(FakeLanguageClient.instances.length, 2);
    assert.equal(c.isRunning, true);
  });

  test('off in one folder only: the server keeps running for the others', async () => {
    vscode.workspace.workspaceFolders = [
      { uri: Uri.file('/a/'), name: 'a', index: 0 },
      { uri: Uri.file('/b/'), name: 'b', index: 1 },
    ];
    vscode.workspace.textDocuments = [document('/b/task-def.json', TASK) as never];
    settings.set('', { enable: false });
    settings.set('/b/', { enable: true });
    const c = controller();
    await c.reconcile();
    assert.equal(c.isRunning, true);
  });

  test('getGraph starts the server when needed and asks it for the graph', async () => {
    const graph = {
      uri: 'file:///p/x.json',
      nodes: [],
      edges: [],
      phases: [],
      cycles: [],
      story: [],
    };
    const asked: unknown[] = [];
    FakeLanguageClient.answer = (method, params) => {
      asked.push([method, params]);
      return graph;
    };
    const c = controller();
    const result = await c.getGraph(Uri.file('/p/x.json') as never);
    assert.deepEqual(result, graph);
    assert.deepEqual(asked, [[StartOrderGraphRequest.method, { uri: 'file:///p/x.json' }]]);
  });

  test('getGraph answers null when turned off, or when the request fails', async () => {
    settings.set('', { enable: false });
    const c = controller();
    assert.equal(await c.getGraph(Uri.file('/p/x.json') as never), null);
    assert.equal(FakeLanguageClient.instances.length, 0);
    settings.set('', { enable: true });
    FakeLanguageClient.answer = () => {
      throw new Error('server crashed');
    };
    assert.equal(await c.getGraph(Uri.file('/p/x.json') as never), null);
  });

  test('simulate sends the document and the overrides; null when turned off or when the request fails', async () => {
    const result = { containers: [], task: {}, timeline: [], outcome: 'x', notes: [] };
    const asked: unknown[] = [];
    FakeLanguageClient.answer = (method, params) => {
      asked.push([method, params]);
      return result;
    };
    const c = controller();
    const overrides = { migrate: { exitCode: 1 } };
    assert.deepEqual(await c.simulate(Uri.file('/p/x.json') as never, overrides), result);
    assert.deepEqual(asked, [[SimulateRequest.method, { uri: 'file:///p/x.json', overrides }]]);
    FakeLanguageClient.answer = () => {
      throw new Error('server crashed');
    };
    assert.equal(await c.simulate(Uri.file('/p/x.json') as never, {}), null);
    settings.set('', { enable: false });
    assert.equal(await c.simulate(Uri.file('/p/x.json') as never, {}), null);
  });

  test('in a template, the graph, the simulation and the list name the task definition', async () => {
    const asked: unknown[] = [];
    FakeLanguageClient.answer = (method, params) => {
      asked.push([method, params]);
      return method === TaskDefinitionsRequest.method ? [{ name: 'Api' }] : null;
    };
    const c = controller();
    const uri = Uri.file('/p/service.yaml') as never;
    await c.getGraph(uri, 'Api');
    await c.simulate(uri, {}, 'Api');
    assert.deepEqual(await c.taskDefinitions(uri), [{ name: 'Api' }]);
    assert.deepEqual(asked, [
      [StartOrderGraphRequest.method, { uri: 'file:///p/service.yaml', definition: 'Api' }],
      [SimulateRequest.method, { uri: 'file:///p/service.yaml', overrides: {}, definition: 'Api' }],
      [TaskDefinitionsRequest.method, { uri: 'file:///p/service.yaml' }],
    ]);
    FakeLanguageClient.answer = () => {
      throw new Error('server crashed');
    };
    assert.deepEqual(await c.taskDefinitions(uri), []);
  });

  test('with Red Hat’s YAML extension validating, the server leaves YAML syntax errors to it', async () => {
    const options = async () => {
      FakeLanguageClient.instances = [];
      const c = controller();
      await c.start();
      const initializationOptions = FakeLanguageClient.instances[0]!.clientOptions
        .initializationOptions as { yamlSyntaxReported: boolean };
      await c.stop();
      return initializationOptions.yamlSyntaxReported;
    };
    assert.equal(await options(), false);
    installedExtensions.add('redhat.vscode-yaml');
    try {
      assert.equal(await options(), true);
      settings.set('', { validate: false });
      assert.equal(await options(), false, 'yaml.validate is off');
    } finally {
      installedExtensions.clear();
    }
  });

  test('a graphChanged notification fires onDidChangeGraph with the document URI', async () => {
    const c = controller();
    const seen: string[] = [];
    c.onDidChangeGraph((uri) => seen.push(uri.toString()));
    await c.start();
    FakeLanguageClient.instances[0]!.notify(GraphChangedNotification.method, {
      uri: 'file:///p/task-def.json',
      version: 3,
    });
    FakeLanguageClient.instances[0]!.notify(GraphChangedNotification.method, { nonsense: true });
    assert.deepEqual(seen, ['file:///p/task-def.json']);
  });

  test('a server that does not start is reported once, and a later start tries again', async () => {
    FakeLanguageClient.failStart = true;
    const c = controller();
    assert.equal(await c.start(), undefined);
    assert.equal(c.isRunning, false);
    assert.equal(messages.length, 1);
    FakeLanguageClient.failStart = false;
    assert.ok(await c.start());
    assert.equal(c.isRunning, true);
  });
});
