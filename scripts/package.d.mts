// Types for scripts/package.mjs, for the TypeScript tests that import it.
export const DEFAULT_VSIX: string;
export function packageExtension(options?: { out?: string; quiet?: boolean }): string;
