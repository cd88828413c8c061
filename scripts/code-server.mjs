// A real VS Code for `npm start` and the end-to-end tests: code-server (VS Code 1.100's server and
// web workbench, from npm), installed once into .cache/ and started with a fresh profile per run.
//
// code-server is kept out of the extension's own dependency tree on purpose: it is ~300 MB, has
// native modules, and must never reach the VSIX. The comments below say why each step is needed.
//
//   node scripts/code-server.mjs install    installs it (skipped when already there) and prints its path
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest code-server whose `engines.node` is 20; 4.103 and later need Node 22 or 24. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep that code-server 4.100.3 installs, and the rg archive its postinstall wants. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = join(repoRoot, '.cache', 'code-server');
const installDir = join(cacheRoot, CODE_SERVER_VERSION);
const entryPoint = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Written last, so a half-finished install is never mistaken for a finished one. */
const doneMarker = join(installDir, '.installed');

/**
 * User settings for every run. Trust and the welcome page would put a dialog and an editor in
 * front of the files; the rest keeps the window quiet (no network calls, no tips, no
 * notifications about recommendations or git) so that screenshots show only what we opened.
 */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'editor.minimap.enabled': false,
  'editor.accessibilitySupport': 'off',
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
};

function log(message) {
  console.log(`[code-server] ${message}`);
}

/** The node_modules/.bin-free way to run code-server: its entry point under this very Node. */
export function codeServerCommand() {
  return [process.execPath, entryPoint];
}

export function isInstalled() {
  return existsSync(doneMarker) && existsSync(entryPoint);
}

/** Fails early, naming the apt-get command, instead of deep inside a native build. */
function checkSystemPackages() {
  const missing = [];
  if (spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h'))
    missing.push('libkrb5-dev');
  if (missing.length > 0) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} cannot be installed without ${missing.join(' and ')}.\n` +
        `  Install ${missing.length > 1 ? 'them' : 'it'} first (Debian/Ubuntu, as root): apt-get update && apt-get install -y ${missing.join(' ')}\n` +
        '  (ripgrep: code-server would otherwise download rg from GitHub; libkrb5-dev: headers for its kerberos module.)',
    );
  }
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless an archive is already in its cache
 * (os.tmpdir()/vscode-ripgrep-cache-<version>/). We put Debian's rg there, so no network is needed.
 */
function seedRipgrepCache() {
  const dir = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = join(dir, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync('tar', ['czf', archive, '-C', dirname(rg), 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`could not write ${archive}`);
}

/**
 * The environment for `npm install` in the cache folder: without the variables `npm run` sets for
 * this project (which would make npm treat this checkout as the project), and with the two settings
 * a root CI machine with no stdin needs (node-pty's `npx node-gyp` and --unsafe-perm).
 */
function installEnv() {
  const keep = new Set([
    'npm_config_registry',
    'npm_config_cache',
    'npm_config_userconfig',
    'npm_config_globalconfig',
    'npm_config_proxy',
    'npm_config_https_proxy',
    'npm_config_noproxy',
    'npm_config_strict_ssl',
    'npm_config_cafile',
  ]);
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/**
 * Installs code-server into .cache/code-server/<version> unless it is already there. The install
 * happens in a scratch folder that is renamed into place at the end, so an interrupted install
 * leaves nothing that looks finished, and two runs racing each other both end up with one install.
 */
export async function ensureCodeServer() {
  if (isInstalled()) return entryPoint;
  checkSystemPackages();
  seedRipgrepCache();
  mkdirSync(cacheRoot, { recursive: true });
  removeAbandonedInstalls();
  const scratch = mkdtempSync(join(cacheRoot, `${CODE_SERVER_VERSION}.partial-`));
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (once; about a minute)…`);
  try {
    // A package.json of its own, or npm would walk up and install into the extension's project.
    writeFileSync(
      join(scratch, 'package.json'),
      `${JSON.stringify({ name: 'code-server-for-ecs-init-order', private: true }, null, 2)}\n`,
    );
    const code = await new Promise((resolvePromise, reject) => {
      const child = spawn(
        'npm',
        [
          'install',
          '--no-save',
          '--no-package-lock',
          '--loglevel=error',
          `code-server@${CODE_SERVER_VERSION}`,
        ],
        {
          cwd: scratch,
          env: installEnv(),
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      child.on('error', reject);
      child.on('exit', (status, signal) => resolvePromise(status ?? (signal ? 1 : 0)));
    });
    if (code !== 0)
      throw new Error(
        `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); see the output above`,
      );
    if (!existsSync(join(scratch, 'node_modules', 'code-server', 'out', 'node', 'entry.js')))
      throw new Error('npm install finished but code-server/out/node/entry.js is missing');
    writeFileSync(
      join(scratch, '.installed'),
      `code-server@${CODE_SERVER_VERSION} ${new Date().toISOString()}\n`,
    );
    if (isInstalled()) {
      rmSync(scratch, { recursive: true, force: true }); // Another run finished first.
    } else {
      rmSync(installDir, { recursive: true, force: true }); // An unfinished older attempt, if any.
      renameSync(scratch, installDir);
    }
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return entryPoint;
}

/** Scratch folders of installs that were interrupted (older than 15 minutes) are removed. */
function removeAbandonedInstalls() {
  for (const entry of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, entry);
    if (entry.includes('.partial-') && Date.now() - statSync(path).mtimeMs > 15 * 60_000)
      rmSync(path, { recursive: true, force: true });
  }
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * A fresh profile: user data, extensions, config and XDG folders in one temp folder, so nothing
 * from an earlier run or from the user's own code-server leaks in, and nothing leaks out.
 */
export function createProfile(settings = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ecs-init-order-vscode-'));
  const profile = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    configFile: join(root, 'config.yaml'),
    env: {
      XDG_CONFIG_HOME: join(root, 'xdg-config'),
      XDG_DATA_HOME: join(root, 'xdg-data'),
      XDG_CACHE_HOME: join(root, 'xdg-cache'),
    },
  };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(
    join(profile.userDataDir, 'User', 'settings.json'),
    `${JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2)}\n`,
  );
  // code-server writes a config with a generated password into ~/.config unless given one.
  writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  return profile;
}

function codeServerEnv(profile) {
  const env = { ...process.env, ...profile.env };
  // Inherited from `npm run`, these would make code-server's own child processes think they run
  // a script of this project.
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/** `code-server --install-extension <vsix>`, exactly as a user installs a downloaded VSIX. */
export function installExtension(profile, vsixPath) {
  const [node, entry] = codeServerCommand();
  const result = spawnSync(
    node,
    [
      entry,
      '--config',
      profile.configFile,
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      vsixPath,
    ],
    { encoding: 'utf8', env: codeServerEnv(profile), timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(
      `code-server --install-extension ${vsixPath} failed (exit ${result.status}):\n${output}`,
    );
  }
  return output.trim();
}

/** Polls `url` until it answers 2xx or 3xx; rejects at the deadline or when `exited()` says so. */
export async function waitForHttp(url, { timeoutMs = 60_000, exited = () => undefined } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`code-server exited before it answered: ${exit}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      if (response.status < 400) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`);
}

/**
 * Starts code-server on 127.0.0.1 with auth, telemetry and update checks off, opening `folder`.
 * The process leads its own process group, so `stop()` ends it and every helper it started
 * (extension host, language servers, file watchers) together.
 *
 * @param {{ profile: ReturnType<typeof createProfile>, folder: string, port?: number,
 *           timeoutMs?: number, output?: 'inherit' | 'buffer' }} options
 */
export async function startCodeServer({
  profile,
  folder,
  port,
  timeoutMs = 60_000,
  output = 'buffer',
}) {
  port ??= await freePort();
  const [node, entry] = codeServerCommand();
  const args = [
    entry,
    '--config',
    profile.configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    folder,
  ];
  const child = spawn(node, args, {
    detached: true,
    env: codeServerEnv(profile),
    stdio: [
      'ignore',
      output === 'inherit' ? 'inherit' : 'pipe',
      output === 'inherit' ? 'inherit' : 'pipe',
    ],
  });
  let logText = '';
  const keep = (chunk) => {
    logText = (logText + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitReason;
  const exitedPromise = new Promise((r) =>
    child.on('exit', (code, signal) => {
      exitReason = `exit ${code ?? signal}`;
      r(undefined);
    }),
  );

  const url = `http://127.0.0.1:${port}/`;
  const server = {
    url,
    port,
    folder,
    profile,
    process: child,
    /** The last 20 kB of code-server's output (when started with output 'buffer'). */
    log: () => logText,
    /** Ends code-server and its children (SIGTERM, then SIGKILL after 5 s), then deletes the profile. */
    async stop({ keepProfile = false } = {}) {
      if (exitReason === undefined) {
        signalGroup(child.pid, 'SIGTERM');
        const killed = await Promise.race([
          exitedPromise.then(() => true),
          new Promise((r) => setTimeout(() => r(false), 5_000)),
        ]);
        if (!killed) {
          signalGroup(child.pid, 'SIGKILL');
          await exitedPromise;
        }
      }
      // Helpers that outlived the leader (the extension host, our language server) share its group.
      signalGroup(child.pid, 'SIGKILL');
      if (!keepProfile) rmSync(profile.root, { recursive: true, force: true });
    },
  };
  try {
    await waitForHttp(`${url}healthz`, {
      timeoutMs,
      exited: () => exitReason && `${exitReason}\n${logText}`,
    });
  } catch (error) {
    await server.stop({ keepProfile: true });
    throw error;
  }
  return server;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'install';
  if (command !== 'install') {
    console.error('usage: node scripts/code-server.mjs install');
    process.exit(2);
  }
  // No top-level await: the TypeScript tests load this file through tsx's CommonJS transform.
  ensureCodeServer().then(
    (entry) => console.log(entry),
    (error) => {
      console.error(`[code-server] ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
