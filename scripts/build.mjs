// Bundles the extension client, the language server (also the stdio bin), the CLI and the
// webview script with esbuild. `tsc` only type-checks; this file only bundles.
// Usage: node scripts/build.mjs [--production] [--watch] [--only client|server|cli|webview]
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
mkdirSync('dist', { recursive: true });

const shebang = { js: '#!/usr/bin/env node' };
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['server/src/node/main.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: shebang,
  },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: shebang,
  },
  {
    ...common,
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// `--only <name>` (client, server, cli, webview) builds one bundle; every other target is required,
// so a missing entry point is a build error, not a silent skip.
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const present = only ? targets.filter((t) => t.outfile === `dist/${only}.js`) : targets;
if (present.length === 0) throw new Error(`unknown bundle: ${only}`);

if (watch) {
  for (const t of present) (await esbuild.context(t)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(present.map((t) => esbuild.build(t)));
  console.log(
    `esbuild: built ${present.map((t) => t.outfile).join(', ')}${production ? ' (minified)' : ''}`,
  );
}
