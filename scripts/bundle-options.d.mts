import type { BuildOptions } from 'esbuild';
export function nodeBundleOptions(production: boolean): BuildOptions;
export const TERRAFORM_WASM: string[];
