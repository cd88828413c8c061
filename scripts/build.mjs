// Bundles the extension client, the language server (also the stdio bin), the CLI and the
// webview script with esbuild. `tsc` only type-checks; this file only bundles.
// Usage: node scripts/build.mjs [--production] [--watch] [--only <names>] [--outdir <dir>]
//   --only takes one or more of client, server, cli, webview, comma-separated;
//   --outdir writes the bundles elsewhere than dist/ (the npm package is staged that way).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeBundleOptions, TERRAFORM_WASM } from './bundle-options.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? process.argv[outdirIndex + 1] : 'dist';
mkdirSync(outdir, { recursive: true });

const shebang = { js: '#!/usr/bin/env node' };
const node = nodeBundleOptions(production);

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...node,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  },
  { ...node, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', banner: shebang },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: shebang },
  {
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// `--only <names>` builds those bundles; every target is required, so a missing entry point is a
// build error, not a silent skip.
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : undefined;
for (const name of only ?? [])
  if (!targets.some((t) => t.outfile === `dist/${name}.js`))
    throw new Error(`unknown bundle: ${name}`);
const present = (
  only ? targets.filter((t) => only.some((n) => t.outfile === `dist/${n}.js`)) : targets
).map((t) => ({ ...t, outfile: join(outdir, t.outfile.slice('dist/'.length)) }));

// The Terraform parser's WebAssembly runtime and HCL grammar go next to the bundles that load them
// (server/src/node/terraform.ts).
if (present.some((t) => /[\\/](server|cli)\.js$/.test(t.outfile)))
  for (const file of TERRAFORM_WASM) copyFileSync(file, join(outdir, file.split(/[\\/]/).pop()));

if (watch) {
  for (const t of present) (await esbuild.context(t)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(present.map((t) => esbuild.build(t)));
  console.log(
    `esbuild: built ${present.map((t) => t.outfile).join(', ')}${production ? ' (minified)' : ''}`,
  );
}
