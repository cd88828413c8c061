// The esbuild options of the Node bundles (client, server, CLI), shared by scripts/build.mjs and
// the benchmarks, which measure the engine and the server as they ship.

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
  };
}
