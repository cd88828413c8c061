/**
 * End to end in a real VS Code: the packaged VSIX installed into code-server exactly as a user
 * installs it (`--install-extension`), driven in headless Chromium with the keyboard and the mouse.
 * Each step saves a screenshot to test-artifacts/e2e/ (and NN-…-failed.png when it fails); the
 * tested VSIX and code-server's log land there too.
 *
 * The steps share one window and run in order; each one opens the file it works on, so a failing
 * step does not hide the ones after it. Files are edited in a copy of examples/ in a temp folder.
 */
import assert from 'node:assert/strict';
import { chmodSync, cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../scripts/code-server.mjs';
import { E2ESession } from './session';
import { terraformLanguageStub } from './terraformStub';
import { waitFor, type Workbench } from './workbench';

const SEED = 'seed-task-definition.json';
/** The seed as Terraform writes it: containers in jsonencode, in a .tf file. */
const MAIN_TF = 'main.tf';
const SEED_TF = 'test/fixtures/terraform/broken/seed-jsonencode.tf';
/** Two task definitions in one .tf file: the graph draws one at a time. */
const SERVICES_TF = 'services.tf';
const TWO_SERVICES = 'test/fixtures/terraform/two-services.tf';

/** A task definition for the completion step: an init container nobody waits for yet. */
const WEB_TASK_DEFINITION = `{
  "family": "web",
  "taskRoleArn": "arn:aws:iam::123456789012:role/web",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {
      "name": "db-migrate",
      "image": "flyway/flyway:10",
      "essential": false,
      "command": ["migrate"]
    },
    {
      "name": "api",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0.0",
      "essential": true,
      "dependsOn": []
    },
    {
      "name": "proxy",
      "image": "envoyproxy/envoy:v1.31.0",
      "essential": true
    }
  ]
}
`;

/** An ordinary package.json: JSON, so the extension is active, but not a task definition. */
const PLAIN_PACKAGE_JSON = `{
  "name": "not-a-task-definition",
  "version": "1.0.0",
  "essential": true,
  "scripts": { "start": "node server.js" }
}
`;

interface Container {
  name: string;
  essential?: boolean;
  dependsOn?: Array<{ containerName: string; condition: string }>;
}

describe(
  'ECS Init Order in a real VS Code (code-server + headless Chromium)',
  { timeout: 9 * 60_000 },
  () => {
    const session = new E2ESession('e2e');
    let page: Page;
    let wb: Workbench;
    const containers = (name: string): Container[] =>
      JSON.parse(session.read(name)).containerDefinitions;

    before(
      async () => {
        await session.start({
          folderName: 'examples',
          // A copy of examples/ (the steps edit and save files) plus the files of later steps.
          fill: (folder) => {
            cpSync(join(repoRoot, 'examples'), folder, { recursive: true });
            writeFileSync(join(folder, 'web-task-definition.json'), WEB_TASK_DEFINITION);
            writeFileSync(join(folder, 'package.json'), PLAIN_PACKAGE_JSON);
            cpSync(join(repoRoot, SEED_TF), join(folder, MAIN_TF));
            cpSync(join(repoRoot, TWO_SERVICES), join(folder, SERVICES_TF));
            for (const name of readdirSync(folder)) chmodSync(join(folder, name), 0o644);
          },
          readyFile: SEED,
        });
        ({ page, wb } = session);
      },
      { timeout: 5 * 60_000 },
    );

    after(() => session.close());

    test('1. the seed example shows its findings in the Problems panel, by text and code', async (t) => {
      await session.step(t, '01-problems', async () => {
        await wb.openFile(SEED);
        await wb.runCommand('Problems: Focus on Problems View');
        const expected = [
          'essential-init-container',
          'init-not-awaited',
          'init-output-not-shared',
          'entrypoint-overrides-shell',
          'awslogs-execution-role',
          'aws-cli-without-task-role',
        ];
        const problems = await wb.findingsWith(SEED, expected);
        const essential = problems.find((p) => p.code === 'essential-init-container')!;
        assert.equal(essential.severity, 'Warning');
        assert.match(
          essential.message,
          /^init-setup looks like an init container .* "essential": true: when it exits, even with code 0, ECS stops the whole task/,
        );
        assert.deepEqual(
          [essential.line, essential.column],
          [session.lineOf(SEED, '"essential": true'), 20],
        );
        const logs = problems.find((p) => p.code === 'awslogs-execution-role')!;
        assert.equal(logs.severity, 'Error');
        assert.match(logs.message, /no executionRoleArn/);
        await wb.screenshot('01-problems');
      });
    });

    test('2. hovering `essential` on the init container explains what its exit does', async (t) => {
      await session.step(t, '02-hover', async () => {
        await wb.openFile(SEED);
        const at = await wb.positionOf('"essential"'); // The first one: init-setup's.
        await page.mouse.move(at.x - 10, at.y);
        await page.mouse.move(at.x, at.y);
        const text = await waitFor('the hover of "essential"', async () => {
          const hovers = await page.locator('.monaco-hover').allInnerTexts();
          return hovers.find((h) => h.includes('even with code 0, ECS stops the task'));
        });
        assert.match(
          text,
          /init-setup is essential: when it exits, even with code 0, ECS stops the task/,
        );
        assert.match(text, /SUCCESS/);
        await wb.screenshot('02-hover');
        await wb.parkMouse();
        await page.keyboard.press('Escape');
      });
    });

    test('3. the quick fix for essential-init-container, from the Quick Fix menu, edits the file', async (t) => {
      await session.step(t, '03-quick-fix', async () => {
        await wb.openFile(SEED);
        const line = session.lineOf(SEED, '"essential": true');
        await wb.goTo(line, session.read(SEED).split('\n')[line - 1]!.indexOf('true') + 1);
        await wb.quickFix(/Make init-setup non-essential/, '03-quick-fix-menu');
        await wb.save();

        const [init, app] = containers(SEED);
        assert.equal(init?.essential, false);
        assert.deepEqual(app?.dependsOn, [{ containerName: 'init-setup', condition: 'SUCCESS' }]);
        // The fix edits in place: the value changes on its own line, the rest keeps its formatting.
        assert.equal(session.read(SEED).split('\n')[line - 1], '      "essential": false,');
        await wb.runCommand('Problems: Focus on Problems View');
        await waitFor(
          'essential-init-container and init-not-awaited to leave the Problems panel',
          async () => {
            const codes = (await wb.findings(SEED)).map((p) => p.code);
            return (
              codes.includes('entrypoint-overrides-shell') &&
              !codes.includes('essential-init-container') &&
              !codes.includes('init-not-awaited')
            );
          },
        );
        await wb.screenshot('03-quick-fix-applied');
      });
    });

    test('4. completion offers the other containers inside dependsOn, and a snippet inserts a dependsOn', async (t) => {
      await session.step(t, '04-completion', async () => {
        const name = 'web-task-definition.json';
        await wb.openFile(name);
        // Inside api's empty dependsOn: type an entry, then ask for the container name.
        const line = session.lineOf(name, '"dependsOn": []');
        await wb.goTo(line, session.read(name).split('\n')[line - 1]!.indexOf('[]') + 2);
        const after = '", "condition": "SUCCESS" }';
        await page.keyboard.type(`{ "containerName": "${after}`);
        for (let i = 0; i < after.length; i++) await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+Space');
        const row = await wb.suggestion('db-migrate');
        await wb.suggestion('proxy');
        const labels = await page
          .locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name')
          .allInnerTexts();
        assert.ok(
          !labels.includes('api'),
          `a container is not offered in its own dependsOn: ${labels.join(', ')}`,
        );
        await wb.screenshot('04-completion');
        await row.click();

        // In the condition's value: each condition once (the schema leaves them to the server),
        // SUCCESS first since db-migrate is an init container.
        const entry = '{ "containerName": "db-migrate", "condition": "';
        await wb.goTo(
          line,
          session.read(name).split('\n')[line - 1]!.indexOf('[]') + 2 + entry.length,
        );
        await page.keyboard.press('Control+Space');
        await wb.suggestion('SUCCESS');
        const conditions = await page
          .locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name')
          .allInnerTexts();
        assert.deepEqual(
          conditions.filter((l) => /^"?(START|COMPLETE|SUCCESS|HEALTHY)"?$/.test(l)),
          ['SUCCESS', 'COMPLETE', 'START', 'HEALTHY'],
          `the condition list: ${conditions.join(', ')}`,
        );
        await wb.screenshot('04-completion-conditions');
        await page.keyboard.press('Escape');

        // In proxy: the ecs-depends-on snippet, its placeholder, then its condition choice.
        const proxyEssential = session.lineOf(name, '"essential": true', 1);
        await wb.goTo(
          proxyEssential,
          session.read(name).split('\n')[proxyEssential - 1]!.length + 1,
        );
        await page.keyboard.type(',');
        await page.keyboard.press('Enter');
        await page.keyboard.type('ecs-depends-on');
        await page.keyboard.press('Control+Space');
        await (await wb.suggestion('ecs-depends-on')).click();
        await page.keyboard.type('api');
        await page.keyboard.press('Tab');
        await (await wb.suggestion('START')).click();
        await page.keyboard.press('Escape');
        await wb.save();
        await wb.screenshot('04-snippet');

        const [, api, proxy] = containers(name);
        assert.deepEqual(api?.dependsOn, [{ containerName: 'db-migrate', condition: 'SUCCESS' }]);
        assert.deepEqual(proxy?.dependsOn, [{ containerName: 'api', condition: 'START' }]);
      });
    });

    test('5. "ECS: Visualize Start Order" draws the graph; clicking a node selects the container', async (t) => {
      await session.step(t, '05-graph', async () => {
        await wb.openFile(SEED);
        await wb.goTo(1, 1);
        await wb.runCommand('ECS: Visualize Start Order');
        await waitFor('the "Start order: seed-task-definition.json" tab', async () => {
          const tabs = await page
            .locator('.tab')
            .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
          return tabs.some((label) =>
            new RegExp(`^Start order: ${SEED.replace(/\./g, '\\.')}`, 'i').test(label),
          );
        });
        const graph = wb.webview();
        // Container nodes carry their name (data-node-id; the legend's sample nodes carry none).
        const NODES = '.node[data-node-id], .node[data-id]';
        const nodeOf = (name: string) =>
          graph.locator(`.node[data-node-id="${name}"], .node[data-id="${name}"]`).first();
        await nodeOf('app-container').waitFor({ timeout: 30_000 });
        const nodes = await graph.locator(NODES).evaluateAll((els) =>
          els.map((e) => ({
            id: e.getAttribute('data-node-id') ?? e.getAttribute('data-id'),
            label: e.getAttribute('aria-label') ?? '',
            text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
          })),
        );
        assert.deepEqual(nodes.map((n) => n.id).sort(), ['app-container', 'init-setup']);
        const init = nodes.find((n) => n.id === 'init-setup')!;
        assert.match(init.text, /init-setup/);
        t.diagnostic(`graph nodes: ${nodes.map((n) => n.label.split('\n')[0]).join(' | ')}`);
        await wb.screenshot('05-graph');

        await nodeOf('app-container').click();
        // The container's object spans these lines (after step 3's fix, wherever that left it).
        const lines = session.read(SEED).split('\n');
        const nameLine = session.lineOf(SEED, '"name": "app-container"');
        let last = nameLine;
        while (last < lines.length && !/^ {4}\}/.test(lines[last - 1]!)) last++;
        const cursor = await waitFor('the editor selection to move to app-container', async () => {
          const c = await wb.cursor();
          return c && c.line >= nameLine - 1 && c.line <= last ? c : undefined;
        });
        t.diagnostic(
          `selection after the click: Ln ${cursor.line}, Col ${cursor.column}, ${cursor.selected} selected`,
        );
        await wb.screenshot('05-graph-node-clicked');
      });
    });

    test('6. only task definitions are checked: a plain package.json gets no findings and no graph button', async (t) => {
      await session.step(t, '06-plain-json', async () => {
        const button = page.locator(
          '.editor-group-container.active .editor-actions [aria-label*="Visualize Start Order"]',
        );
        await wb.runCommand('View: Close All Editors');
        await wb.openFile(SEED);
        await waitFor(
          'the Visualize Start Order button on a task definition',
          async () => (await button.count()) > 0,
        );
        await wb.openFile('package.json');
        await waitFor(
          'no Visualize Start Order button on package.json',
          async () => (await button.count()) === 0,
        );
        // Opened after package.json: once its findings are listed, package.json has been seen too.
        await wb.openFile('broken-start-order-task-def.json');
        await wb.runCommand('Problems: Focus on Problems View');
        await wb.filterProblems('**/broken-start-order-task-def.json');
        await waitFor(
          'the broken example’s findings',
          async () => (await wb.problems()).some((p) => p.code === 'dependency-cycle'),
          60_000,
        );
        await wb.filterProblems('**/package.json');
        const ours = await waitFor('the Problems panel filtered to package.json', async () => {
          const rows = await wb.problems();
          return rows.every((p) => p.file === 'package.json') &&
            !rows.some((p) => p.code === 'dependency-cycle')
            ? rows.filter((p) => p.source === 'ecs-init-order')
            : undefined;
        });
        assert.deepEqual(ours, [], 'package.json has no ECS Init Order findings');
        await wb.openFile('package.json');
        await wb.screenshot('06-plain-json');
        await wb.filterProblems('');
      });
    });
    test('7. a Terraform file (no HashiCorp extension): findings, a hover and the quick fix in HCL', async (t) => {
      await session.step(t, '07-terraform', async () => {
        await wb.openFile(MAIN_TF);
        await wb.runCommand('Problems: Focus on Problems View');
        const problems = await wb.findingsWith(MAIN_TF, ['essential-init-container']);
        const essential = problems.find((p) => p.code === 'essential-init-container')!;
        const line = session.lineOf(MAIN_TF, 'essential = true');
        const column = session.read(MAIN_TF).split('\n')[line - 1]!.indexOf('true') + 1;
        assert.deepEqual([essential.line, essential.column], [line, column]);
        assert.ok(problems.some((p) => p.code === 'init-output-not-shared'));
        await wb.filterProblems('**/main.tf');
        await wb.screenshot('07-terraform-problems');
        await wb.filterProblems('');

        // The first "essential" on screen is in the file's comment; the second is init-setup's key.
        const at = await wb.positionOf('essential', 1);
        await page.mouse.move(at.x - 10, at.y);
        await page.mouse.move(at.x, at.y);
        await waitFor('the hover of essential in HCL', async () => {
          const hovers = await page.locator('.monaco-hover:visible').allInnerTexts();
          return hovers.some((h) => h.includes('init-setup is essential'));
        });
        await wb.screenshot('07-terraform-hover');
        await wb.parkMouse();
        await page.keyboard.press('Escape');

        await wb.goTo(line, column);
        await wb.quickFix(/Make init-setup non-essential/);
        // The fix's edit reaches the editor a moment after the click: save once it has.
        await waitFor(
          'the quick fix to edit main.tf',
          async () =>
            (await page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0,
        );
        await wb.save();
        const text = session.read(MAIN_TF);
        assert.equal(text.split('\n')[line - 1], '      essential = false');
        assert.match(
          text,
          /\n {6}dependsOn = \[\{ containerName = "init-setup", condition = "SUCCESS" \}\]\n/,
        );
        await waitFor('essential-init-container to leave the Problems panel', async () => {
          const codes = (await wb.problems()).filter((p) => p.file === MAIN_TF).map((p) => p.code);
          return (
            codes.includes('init-output-not-shared') && !codes.includes('essential-init-container')
          );
        });
        await wb.screenshot('07-terraform-fixed');
      });
    });

    test('8. the start-order graph of a Terraform resource, of the one under the cursor or picked of several', async (t) => {
      await session.step(t, '08-terraform-graph', async () => {
        await wb.openFile(MAIN_TF);
        await wb.goTo(1, 1);
        await wb.runCommand('ECS: Visualize Start Order');
        const graph = wb.webview();
        const nodeOf = (name: string) =>
          graph.locator(`.node[data-node-id="${name}"], .node[data-id="${name}"]`).first();
        await waitFor('the graph of main.tf', async () => {
          const tabs = await page
            .locator('.tab')
            .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
          return tabs.some((label) => /^Start order: main\.tf/i.test(label));
        });
        await nodeOf('app-container').waitFor({ timeout: 30_000 });
        await nodeOf('init-setup').waitFor({ timeout: 30_000 });
        await wb.screenshot('08-terraform-graph');

        // Two resources: the one under the cursor; outside both, the one picked.
        const panelShows = (resource: string) =>
          waitFor(`the graph of ${resource}`, async () => {
            const tabs = await page
              .locator('.tab')
              .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
            return tabs.some((label) => label.includes(`services.tf · ${resource}`));
          });
        await wb.openFile(SERVICES_TF);
        await wb.goTo(session.lineOf(SERVICES_TF, 'name = "db"'), 5);
        await wb.runCommand('ECS: Visualize Start Order');
        await panelShows('aws_ecs_task_definition.worker');
        await nodeOf('api').waitFor({ timeout: 30_000 });
        await wb.openFile(SERVICES_TF);
        await wb.goTo(1, 1);
        await wb.runCommand('ECS: Visualize Start Order');
        const choices = await wb.pick('aws_ecs_task_definition.web');
        assert.deepEqual(
          choices.map((c) => c.split(',')[0]),
          ['aws_ecs_task_definition.web', 'aws_ecs_task_definition.worker'],
        );
        await panelShows('aws_ecs_task_definition.web');
        await nodeOf('init').waitFor({ timeout: 30_000 });
        await wb.screenshot('08-terraform-graph-picked');
      });
    });

    test('9. beside another extension that gives .tf files the terraform language id', async (t) => {
      await session.step(t, '09-terraform-beside', async () => {
        // A code-server of its own, with a stand-in for HashiCorp's extension installed too.
        const stub = terraformLanguageStub(join(session.artifacts, 'terraform-stub'));
        const other = await session.openWindow([session.vsix, stub], MAIN_TF);
        const { page: otherPage, wb: otherWb } = other;
        try {
          await otherWb.openFile(MAIN_TF);
          await waitFor('the terraform language mode in the status bar', async () =>
            /Terraform/.test(
              (await otherPage.locator('[id="status.editor.mode"]').allInnerTexts()).join(' '),
            ),
          );
          await otherWb.runCommand('Problems: Focus on Problems View');
          await waitFor(
            'our findings on main.tf',
            async () =>
              (await otherWb.problems()).some(
                (p) => p.file === MAIN_TF && p.code === 'init-output-not-shared',
              ),
            90_000,
          );
          await otherWb.screenshot('09-terraform-beside');
        } finally {
          await otherPage.close().catch(() => undefined);
          await other.server.stop();
        }
      });
    });
  },
);
