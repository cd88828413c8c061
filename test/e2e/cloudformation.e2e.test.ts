/**
 * End to end in a real VS Code, on a CloudFormation template in YAML: the packaged VSIX installed
 * into code-server, driven in headless Chromium. The template's findings reach the Problems panel
 * in its own words, a hover explains a condition, the quick fix keeps the file valid YAML with its
 * comments, and "ECS: Visualize Start Order" asks which of the template's two task definitions to
 * draw (or takes the one under the cursor) and follows the edits. A YAML file that declares no task
 * definition gets nothing. Screenshots go to test-artifacts/e2e-cloudformation/.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { E2ESession } from './session';
import { waitFor, type Workbench } from './workbench';

const TEMPLATE = 'service.yaml';
const WORKFLOW = 'ci.yml';

/**
 * Two task definitions: Web's init container is essential and nobody waits for it; Api waits for
 * db to be HEALTHY, but db has no health check.
 */
const SERVICE_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Web and API services # comments stay when a fix edits the file
Parameters:
  AppImage:
    Type: String
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        # Renders the config into the shared volume, then exits.
        - Name: init-config
          Image: public.ecr.aws/docker/library/busybox:1.36
          Command: [sh, -c, 'echo "port: 8080" > /config/app.yaml']
          MountPoints:
            - {SourceVolume: config, ContainerPath: /config}
        - Name: app
          Image: !Ref AppImage
          MountPoints:
            - {SourceVolume: config, ContainerPath: /config, ReadOnly: true}
      Volumes:
        - Name: config
  Api:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: db
          Image: public.ecr.aws/docker/library/postgres:16
        - Name: api
          Image: !Ref AppImage
          DependsOn:
            - ContainerName: db
              Condition: HEALTHY
`;

/** A GitHub workflow: YAML, so the extension is active, but no template. */
const CI_WORKFLOW = `name: build
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`;

describe(
  'ECS Init Order on a CloudFormation template in a real VS Code (code-server + headless Chromium)',
  { timeout: 6 * 60_000 },
  () => {
    const session = new E2ESession('e2e-cloudformation');
    let page: Page;
    let wb: Workbench;

    /** The ids of the container nodes the graph webview draws. */
    async function graphNodes(): Promise<string[]> {
      const ids = await wb
        .webview()
        .locator('.node[data-node-id], .node[data-id]')
        .evaluateAll((els) =>
          els.map((e) => e.getAttribute('data-node-id') ?? e.getAttribute('data-id') ?? ''),
        );
      return [...new Set(ids)].sort();
    }

    async function graphTab(title: string): Promise<void> {
      await waitFor(`the "${title}" tab`, async () => {
        const tabs = await page
          .locator('.tab')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        return tabs.some((label) => label.startsWith(title));
      });
    }

    before(
      async () => {
        await session.start({
          folderName: 'infra',
          fill: (folder) => {
            writeFileSync(join(folder, TEMPLATE), SERVICE_TEMPLATE);
            writeFileSync(join(folder, WORKFLOW), CI_WORKFLOW);
          },
          readyFile: TEMPLATE,
        });
        ({ page, wb } = session);
      },
      { timeout: 5 * 60_000 },
    );

    after(() => session.close());

    test('1. the template’s findings are in the Problems panel, in its words, naming the resource', async (t) => {
      await session.step(t, '01-template-problems', async () => {
        await wb.openFile(TEMPLATE);
        await wb.runCommand('Problems: Focus on Problems View');
        const expected = [
          'essential-init-container',
          'healthy-without-healthcheck',
          'init-not-awaited',
        ];
        const problems = await wb.findingsWith(TEMPLATE, expected);
        assert.deepEqual(problems.map((p) => p.code).sort(), [...expected].sort());
        const essential = problems.find((p) => p.code === 'essential-init-container')!;
        assert.equal(essential.severity, 'Warning');
        assert.match(
          essential.message,
          /^Web: init-config looks like an init container \(a one-shot setup step\) but is essential \(Essential defaults to true when it is left out\)/,
        );
        assert.deepEqual(
          [essential.line, essential.column],
          [session.lineOf(TEMPLATE, 'init-config'), 17],
        );
        const healthy = problems.find((p) => p.code === 'healthy-without-healthcheck')!;
        assert.equal(healthy.severity, 'Error');
        assert.match(
          healthy.message,
          /^Api: api waits for db to be HEALTHY, but db has no HealthCheck/,
        );
        assert.deepEqual([healthy.line, healthy.column], [session.lineOf(TEMPLATE, 'HEALTHY'), 26]);
        await wb.focusEditor();
        await wb.goTo(session.lineOf(TEMPLATE, 'init-config'), 17);
        await wb.screenshot('01-template-problems');
      });
    });

    test('2. hovering a Condition explains it for the containers it joins', async (t) => {
      await session.step(t, '02-template-hover', async () => {
        await wb.openFile(TEMPLATE);
        await wb.goTo(session.lineOf(TEMPLATE, 'HEALTHY'), 1);
        const at = await wb.positionOf('HEALTHY');
        await page.mouse.move(at.x - 10, at.y);
        await page.mouse.move(at.x, at.y);
        const text = await waitFor('the hover of HEALTHY', async () => {
          const hovers = await page.locator('.monaco-hover').allInnerTexts();
          return hovers.find((h) => h.includes('api starts once db'));
        });
        // In the template's names: HealthCheck, not the API's healthCheck.
        assert.match(text, /db has no HealthCheck, so it never becomes healthy/);
        await wb.screenshot('02-template-hover');
        await wb.parkMouse();
        await page.keyboard.press('Escape');
      });
    });

    test('3. the quick fix makes the init container non-essential and awaited, in valid YAML with its comments', async (t) => {
      await session.step(t, '03-template-quick-fix', async () => {
        await wb.openFile(TEMPLATE);
        await wb.goTo(session.lineOf(TEMPLATE, 'init-config'), 17);
        await wb.quickFix(
          /Make init-config non-essential and make app wait for it \(SUCCESS\)/,
          '03-template-quick-fix-menu',
        );
        await wb.save();

        const fixed = session.read(TEMPLATE);
        assert.deepEqual(parseDocument(fixed, { uniqueKeys: true }).errors, []);
        assert.ok(fixed.includes('# comments stay when a fix edits the file'));
        assert.ok(
          fixed.includes('        # Renders the config into the shared volume, then exits.'),
        );
        assert.ok(
          fixed.includes(`        - Name: init-config
          Image: public.ecr.aws/docker/library/busybox:1.36
          Essential: false
`),
          fixed,
        );
        assert.ok(
          fixed.includes(`          Image: !Ref AppImage
          DependsOn:
            - ContainerName: init-config
              Condition: SUCCESS
`),
          fixed,
        );
        await wb.runCommand('Problems: Focus on Problems View');
        await waitFor('the fixed findings to leave the Problems panel', async () => {
          const codes = (await wb.findings(TEMPLATE)).map((p) => p.code);
          return codes.length === 1 && codes[0] === 'healthy-without-healthcheck';
        });
        await wb.screenshot('03-template-quick-fix-applied');
      });
    });

    test('4. "ECS: Visualize Start Order" asks which task definition, draws it, and follows the edits', async (t) => {
      await session.step(t, '04-template-graph', async () => {
        await wb.openFile(TEMPLATE);
        await wb.goTo(1, 1);
        await wb.runCommand('ECS: Visualize Start Order');
        const offered = await wb.pick('Api');
        assert.deepEqual(
          offered.map((l) => l.split(',')[0]),
          ['Web', 'Api'],
        );
        await graphTab(`Start Order: ${TEMPLATE} · Api`);
        await waitFor('the nodes of Api', async () =>
          JSON.stringify(await graphNodes()) === JSON.stringify(['api', 'db']) ? true : undefined,
        );
        await wb.screenshot('04-template-graph-api');

        // Renaming api in the editor: the graph follows, still on Api.
        await wb.openFile(TEMPLATE);
        const line = session.lineOf(TEMPLATE, '- Name: api');
        await wb.goTo(line, session.read(TEMPLATE).split('\n')[line - 1]!.length + 1);
        await page.keyboard.type('-server');
        await wb.save();
        await waitFor(
          'the renamed node in the graph',
          async () =>
            JSON.stringify(await graphNodes()) === JSON.stringify(['api-server', 'db']) ||
            undefined,
        );

        // With the cursor inside Web, the command draws Web without asking.
        await wb.goTo(session.lineOf(TEMPLATE, '- Name: app'), 12);
        await wb.runCommand('ECS: Visualize Start Order');
        await graphTab(`Start Order: ${TEMPLATE} · Web`);
        await waitFor(
          'the nodes of Web',
          async () =>
            JSON.stringify(await graphNodes()) === JSON.stringify(['app', 'init-config']) ||
            undefined,
        );
        await wb.screenshot('04-template-graph-web');
      });
    });

    test('5. a YAML file without a task definition gets no finding and no graph button', async (t) => {
      await session.step(t, '05-plain-yaml', async () => {
        const button = page.locator(
          '.editor-group-container.active .editor-actions [aria-label*="Visualize Start Order"]',
        );
        await wb.runCommand('View: Close All Editors');
        await wb.openFile(TEMPLATE);
        await waitFor('the graph button on the template', async () => (await button.count()) > 0);
        await wb.openFile(WORKFLOW);
        await waitFor('no graph button on the workflow', async () => (await button.count()) === 0);
        await wb.runCommand('Problems: Focus on Problems View');
        const rows = await wb.problems();
        assert.deepEqual(
          rows.filter((p) => p.file === WORKFLOW),
          [],
        );
        await wb.screenshot('05-plain-yaml');
      });
    });
  },
);
