/**
 * What the server bundle is made of: esbuild's metafile for the production build (the options of
 * scripts/build.mjs), grouped into the libraries and the project's own parts.
 */
import { buildSync } from 'esbuild';
import { nodeBundleOptions } from '../scripts/bundle-options.mjs';

export interface SizePart {
  part: string;
  bytes: number;
}

const GROUPS: [RegExp, string][] = [
  [
    /node_modules\/(vscode-languageserver|vscode-languageserver-protocol|vscode-jsonrpc|vscode-languageserver-types)\//,
    'vscode-languageserver, with its protocol, JSON-RPC and types',
  ],
  [/node_modules\/vscode-languageserver-textdocument\//, 'vscode-languageserver-textdocument'],
  [/node_modules\/jsonc-parser\//, 'jsonc-parser'],
  [/node_modules\/yaml\//, 'yaml (CloudFormation templates)'],
  [/^server\/src\/engine\/formats\/cloudformation\//, 'engine: CloudFormation templates'],
  [
    /node_modules\/web-tree-sitter\//,
    'web-tree-sitter, the HCL parser’s runtime (its two .wasm files ship beside the bundle)',
  ],
  [/^server\/src\/engine\/formats\/terraform\//, 'engine: Terraform files'],
  [/^server\/src\/engine\/rules\//, 'engine: the rules (server/src/engine/rules)'],
  [/^server\/src\/engine\//, 'engine: parse, model, start order, edits, graph'],
  [/^server\/src\/features\//, 'language features (server/src/features)'],
  [/^shared\/src\//, 'shared with the client (protocol, settings, glob)'],
];

export function serverBundleParts(): { total: number; parts: SizePart[] } {
  const result = buildSync({
    ...nodeBundleOptions(true),
    entryPoints: ['server/src/node/main.ts'],
    metafile: true,
    write: false,
    outfile: 'server.js',
  });
  const output = Object.values(result.metafile!.outputs)[0]!;
  const sums = new Map<string, number>();
  let inputs = 0;
  for (const [path, input] of Object.entries(output.inputs)) {
    const part =
      GROUPS.find(([re]) => re.test(path))?.[1] ??
      'server plumbing (server.ts, settings, documents, …)';
    sums.set(part, (sums.get(part) ?? 0) + input.bytesInOutput);
    inputs += input.bytesInOutput;
  }
  sums.set('bundler runtime and module wrappers', output.bytes - inputs);
  const parts = [...sums]
    .map(([part, bytes]) => ({ part, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  return { total: output.bytes, parts };
}
