/**
 * `npm run test:vscode`: the extension-host suite (mocha inside VS Code desktop, through
 * @vscode/test-electron), for machines where VS Code desktop is available.
 *
 * Which VS Code, in order:
 *   1. VSCODE_EXECUTABLE_PATH: an installed VS Code (the Electron binary, e.g. /usr/share/code/code);
 *   2. one installed in the usual place for this platform;
 *   3. a download of VS Code 1.100.3 (the minimum `engines.vscode`) from Microsoft's update
 *      service, when it answers.
 * With none of them (no VS Code, no route to the update service) or no display on Linux, it prints
 * one SKIPPED line saying why and exits 0: it never fails for that, and never claims a pass.
 * The everyday end-to-end test in a real VS Code is test/e2e (code-server), part of `npm test`.
 */
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const MINIMUM_VSCODE = '1.100.3';
const UPDATE_SERVICE = 'https://update.code.visualstudio.com/api/releases/stable';
const repoRoot = resolve(__dirname, '..', '..');
const outDir = join(repoRoot, 'out', 'vscode-electron');

function skip(reason: string): never {
  console.log(`SKIPPED test:vscode — ${reason}`);
  console.log(
    '  Nothing was tested here. Set VSCODE_EXECUTABLE_PATH to a VS Code desktop binary to run it;',
  );
  console.log(
    '  `npm test` runs the end-to-end suite in a real VS Code (code-server) on any machine.',
  );
  process.exit(0);
}

/** The usual install locations of VS Code desktop (stable), per platform. */
function installedVSCode(): string | undefined {
  const candidates =
    process.platform === 'darwin'
      ? [
          '/Applications/Visual Studio Code.app/Contents/MacOS/Electron',
          join(homedir(), 'Applications/Visual Studio Code.app/Contents/MacOS/Electron'),
        ]
      : process.platform === 'win32'
        ? [
            join(process.env.LOCALAPPDATA ?? '', 'Programs', 'Microsoft VS Code', 'Code.exe'),
            join(process.env.ProgramFiles ?? 'C:\\Program Files', 'Microsoft VS Code', 'Code.exe'),
          ]
        : [
            '/usr/share/code/code',
            '/snap/code/current/usr/share/code/code',
            '/opt/visual-studio-code/code',
          ];
  return candidates.find((path) => existsSync(path));
}

async function updateServiceAnswers(): Promise<boolean> {
  try {
    const response = await fetch(UPDATE_SERVICE, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function chooseVSCode(): Promise<string> {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    // Set on purpose: a wrong path is an error to fix, not a reason to skip.
    if (!existsSync(fromEnv)) {
      console.error(`test:vscode: VSCODE_EXECUTABLE_PATH=${fromEnv} does not exist`);
      process.exit(1);
    }
    return fromEnv;
  }
  const installed = installedVSCode();
  if (installed) return installed;
  if (!(await updateServiceAnswers())) {
    skip(
      `no VS Code desktop on this machine (VSCODE_EXECUTABLE_PATH is not set, none in the usual places) and ${new URL(UPDATE_SERVICE).host} cannot be reached to download one.`,
    );
  }
  return downloadAndUnzipVSCode({
    version: MINIMUM_VSCODE,
    cachePath: join(repoRoot, '.vscode-test'),
    timeout: 60_000,
  });
}

/** The suite runs inside VS Code as CommonJS: compile each file of suite/ to out/vscode-electron/. */
async function compileSuite(): Promise<string> {
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const suiteDir = join(__dirname, 'suite');
  await esbuild.build({
    entryPoints: readdirSync(suiteDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(suiteDir, f)),
    outdir: join(outDir, 'suite'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outDir, 'suite', 'index.js');
}

async function main(): Promise<void> {
  const vscodeExecutablePath = await chooseVSCode();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    skip(
      `VS Code desktop (${vscodeExecutablePath}) needs a display and there is none: run it as \`xvfb-run -a npm run test:vscode\`.`,
    );
  }
  try {
    createRequire(join(repoRoot, 'package.json')).resolve('mocha');
  } catch {
    console.error('test:vscode: mocha is not installed; run `npm ci` (it is a devDependency)');
    process.exit(1);
  }

  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const extensionTestsPath = await compileSuite();

  // A copy of examples/, so that the suite may edit files without touching the checkout.
  const workspace = join(mkdtempSync(join(tmpdir(), 'ecs-init-order-vscode-test-')), 'examples');
  mkdirSync(dirname(workspace), { recursive: true });
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });

  console.log(`test:vscode: VS Code ${vscodeExecutablePath}, workspace ${workspace}`);
  try {
    const exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: { ECS_INIT_ORDER_TEST_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    process.exitCode = exitCode;
  } catch (error) {
    console.error(
      `test:vscode: the extension-host suite failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exitCode = 1;
  } finally {
    rmSync(dirname(workspace), { recursive: true, force: true });
  }
}

void main();
