// `npm start`: the extension in a real VS Code. Builds and packages the VSIX, installs it into a
// code-server on 127.0.0.1 with a fresh profile (auth, telemetry and update checks off), opens
// examples/ and prints the URL. Ctrl-C stops code-server and deletes the profile.
//   node scripts/start.mjs [--port <n>] [--verbose]      (or PORT=<n> npm start)
import { join } from 'node:path';
import {
  createProfile,
  ensureCodeServer,
  installExtension,
  repoRoot,
  startCodeServer,
} from './code-server.mjs';
import { packageExtension } from './package.mjs';

const args = process.argv.slice(2);
const portArg = args.includes('--port') ? args[args.indexOf('--port') + 1] : process.env.PORT;
const port = portArg ? Number(portArg) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`start: not a port: ${portArg}`);
  process.exit(2);
}
const verbose = args.includes('--verbose');
const examples = join(repoRoot, 'examples');

let server;
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nstart: ${signal}, stopping code-server…`);
  await server?.stop();
  console.log('start: stopped');
  process.exit(0);
}
// Registered first, so Ctrl-C during the install or the packaging also stops cleanly.
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

try {
  const started = Date.now();
  await ensureCodeServer();
  const vsix = packageExtension({ quiet: !verbose });
  const profile = createProfile();
  installExtension(profile, vsix);
  if (stopping) process.exit(0);
  server = await startCodeServer({
    profile,
    folder: examples,
    port,
    output: verbose ? 'inherit' : 'buffer',
  });
  if (stopping) {
    await server.stop();
    process.exit(0);
  }
  const url = `${server.url}?folder=${encodeURIComponent(examples).replace(/%2F/g, '/')}`;
  console.log(
    [
      '',
      `ECS Init Order is running in VS Code (code-server) — ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      '',
      `  Open:  ${url}`,
      '',
      `  Folder: ${examples}`,
      `  VSIX:   ${vsix}`,
      `  Profile (deleted on exit): ${profile.root}`,
      '',
      'Open seed-task-definition.json to see the findings; Ctrl-C stops the server.',
      '',
    ].join('\n'),
  );
  server.process.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`start: code-server exited on its own (${code ?? signal})`);
    if (!verbose) console.error(server.log());
    process.exit(1);
  });
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  await server?.stop();
  process.exit(1);
}
