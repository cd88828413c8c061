/**
 * The extension through the VS Code API, inside VS Code desktop: activation on a task definition,
 * the diagnostics by code, the quick fix, the command, and silence on a plain JSON file.
 * Runs on a copy of examples/ (ECS_INIT_ORDER_TEST_WORKSPACE), opened as the workspace folder.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

// mocha's TDD interface, provided as globals by index.ts's mocha.
declare const suite: (name: string, body: () => void) => void;
declare const test: (name: string, body: () => Promise<void>) => void;

const EXTENSION_ID = 'ecs-init-order.ecs-init-order';
const SOURCE = 'ecs-init-order';
const workspace =
  process.env.ECS_INIT_ORDER_TEST_WORKSPACE ??
  vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ??
  '';

/** Polls until `probe` returns a value (not undefined or false), or fails at the deadline. */
async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspace, name)));
  return vscode.window.showTextDocument(document);
}

suite('ECS Init Order in VS Code desktop', () => {
  const seed = vscode.Uri.file(join(workspace, 'seed-task-definition.json'));

  test('activates when the seed task definition is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await open('seed-task-definition.json');
    await waitFor('the extension to activate', () => extension.isActive);
  });

  test('reports the seed example’s findings with their codes', async () => {
    await open('seed-task-definition.json');
    const expected = [
      'essential-init-container',
      'init-not-awaited',
      'init-output-not-shared',
      'entrypoint-overrides-shell',
      'awslogs-execution-role',
      'aws-cli-without-task-role',
    ];
    const diagnostics = await waitFor('the seed’s diagnostics', () => {
      const found = ours(seed);
      return expected.every((code) => found.some((d) => codeOf(d) === code)) && found;
    });
    const essential = diagnostics.find((d) => codeOf(d) === 'essential-init-container')!;
    assert.equal(essential.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(essential.range.start.line, 7, 'on "essential": true of init-setup (line 8)');
  });

  test('offers the essential-init-container quick fix', async () => {
    await open('seed-task-definition.json');
    const essential = await waitFor('the essential-init-container diagnostic', () =>
      ours(seed).find((d) => codeOf(d) === 'essential-init-container'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      seed,
      essential.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Make init-setup non-essential'));
    assert.ok(fix, `quick fixes: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit && fix.edit.size > 0, 'the fix carries an edit');
  });

  test('registers ECS: Visualize Start Order, which opens the graph', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('ecsInitOrder.visualizeStartOrder'));
    await open('seed-task-definition.json');
    await vscode.commands.executeCommand('ecsInitOrder.visualizeStartOrder');
    await waitFor('the start-order panel', () =>
      vscode.window.tabGroups.all.some((group) =>
        group.tabs.some(
          (tab) =>
            tab.input instanceof vscode.TabInputWebview &&
            /^Start order: seed-task-definition\.json/i.test(tab.label),
        ),
      ),
    );
  });

  test('leaves a plain package.json alone', async () => {
    const plain = join(workspace, 'package.json');
    writeFileSync(
      plain,
      '{\n  "name": "not-a-task-definition",\n  "version": "1.0.0",\n  "essential": true\n}\n',
    );
    await open('package.json');
    // Opened after package.json: once its findings arrive, package.json has been seen too.
    const broken = vscode.Uri.file(join(workspace, 'broken-start-order-task-def.json'));
    await open('broken-start-order-task-def.json');
    await waitFor('the broken example’s findings', () =>
      ours(broken).some((d) => codeOf(d) === 'dependency-cycle'),
    );
    assert.deepEqual(ours(vscode.Uri.file(plain)), []);
  });
});
