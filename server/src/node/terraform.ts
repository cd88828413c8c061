/**
 * Loading the Terraform parser in Node: the two WebAssembly files lie next to the bundle (the build
 * copies them into dist/), or, when the sources run unbundled (tests, `tsx`), in node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadTerraformParser, type TerraformWasm } from '../engine/index';

export const TERRAFORM_WASM_FILES = {
  runtime: { file: 'tree-sitter.wasm', module: 'web-tree-sitter/tree-sitter.wasm' },
  grammar: {
    file: 'tree-sitter-terraform.wasm',
    module: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  },
} as const;

function read(which: keyof typeof TERRAFORM_WASM_FILES): Uint8Array {
  const { file, module } = TERRAFORM_WASM_FILES[which];
  try {
    return readFileSync(join(__dirname, file));
  } catch {
    return readFileSync(createRequire(__filename).resolve(module));
  }
}

export function readTerraformWasm(): TerraformWasm {
  return { runtime: read('runtime'), grammar: read('grammar') };
}

/** Load the parser (once); rejects with the reason when the files are missing or broken. */
export function loadTerraform(): Promise<void> {
  return loadTerraformParser(readTerraformWasm);
}
