/** File arguments: plain paths, directories (their *.json files) and globs with *, ** and ?. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

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
      let isDir = false;
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
    const re = globToRegExp(baseEnd < 0 ? normalized : normalized.slice(baseEnd + 1));
    const found: string[] = [];
    walk(base, found);
    const matched = found.filter((f) => re.test(relative(base, f).split(sep).join('/')));
    if (matched.length === 0) unmatched.push(arg);
    files.push(...matched);
  }
  return { files: [...new Set(files)], unmatched };
}
