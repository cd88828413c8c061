// The esbuild options of the Node bundles (client, server, CLI), shared by scripts/build.mjs and
// the benchmarks, which measure the engine and the server as they ship.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Terraform parser's two WebAssembly files, which the server and CLI bundles load at run time. */
export const TERRAFORM_WASM = [
  require.resolve('web-tree-sitter/tree-sitter.wasm'),
  require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
];

/** Options of every Node bundle; `production` minifies and drops source maps. */
export function nodeBundleOptions(production) {
  return {
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // web-tree-sitter's ESM build finds its files through import.meta.url, which a CommonJS bundle
    // does not have; its CommonJS build uses __dirname.
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  };
}
