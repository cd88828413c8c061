/**
 * File arguments: plain paths, directories (their *.json files) and globs, matched with the same
 * matcher as the `ecsInitOrder.filePatterns` setting (`*`, `**`, `?`, `[…]`, `{a,b}`; case ignored).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { matchesGlob } from '../../../shared/src/glob';

const SKIP_DIRS = new Set(['node_modules', '.git']);

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries.sort()) {
    if (SKIP_DIRS.has(entry)) continue;
    const p = join(dir, entry);
    try {
      if (statSync(p).isDirectory()) walk(p, out);
      else out.push(p);
    } catch {
      // A broken link or a file removed meanwhile: nothing to lint.
    }
  }
}

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing. */
  unmatched: string[];
}

export function expandArguments(args: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    if (!/[*?]/.test(arg)) {
      let isDir: boolean;
      try {
        // resolve, not join: an absolute argument must not be joined onto the working directory.
        isDir = statSync(resolve(cwd, arg)).isDirectory();
      } catch {
        files.push(arg); // Reported as an I/O error by the caller.
        continue;
      }
      if (isDir) {
        const found: string[] = [];
        walk(arg, found);
        const json = found.filter((f) => /\.jsonc?$/.test(f));
        if (json.length === 0) unmatched.push(arg);
        files.push(...json);
      } else files.push(arg);
      continue;
    }
    const normalized = arg.split(sep).join('/');
    const firstMagic = normalized.search(/[*?]/);
    const baseEnd = normalized.lastIndexOf('/', firstMagic);
    const base = baseEnd < 0 ? '.' : normalized.slice(0, baseEnd) || '/';
    // Both sides absolute: the pattern then has to match the whole path, not just its tail.
    const pattern = resolve(cwd, normalized);
    const found: string[] = [];
    walk(base, found);
    const matched = found.filter((f) => matchesGlob(resolve(cwd, f), pattern));
    if (matched.length === 0) unmatched.push(arg);
    files.push(...matched);
  }
  return { files: [...new Set(files)], unmatched };
}
