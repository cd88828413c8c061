/**
 * File arguments: plain paths, directories (their *.json and *.jsonc files, the YAML files that are
 * templates with a task definition, and the .tf files with an aws_ecs_task_definition) and globs,
 * matched with the same matcher as the `ecsInitOrder.filePatterns` setting (`*`, `**`, `?`, `[…]`,
 * `{a,b}`; case ignored).
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { matchesGlob } from '../../../shared/src/glob';
import {
  declaresTaskDefinitionResource,
  declaresTerraformTaskDefinition,
  isTerraformPath,
} from '../../../shared/src/taskDefinitionFilter';

/** How much of a YAML or .tf file is read to decide whether it declares a task definition. */
const SNIFF_BYTES = 1024 * 1024;

/** YAML and `.template` files: CloudFormation templates, or something else. */
const TEMPLATE_NAME = /\.(ya?ml|template)$/i;

/**
 * The test a file's beginning must pass to be linted when a directory or a glob finds it: YAML and
 * `.template` files must declare an AWS::ECS::TaskDefinition, .tf files an aws_ecs_task_definition
 * (other YAML, such as CI workflows, and the .tf files of variables and outputs are left out
 * without a word). JSON files need none: the CLI says which are no task definition.
 */
function declarationTest(path: string): ((text: string) => boolean) | undefined {
  if (TEMPLATE_NAME.test(path)) return declaresTaskDefinitionResource;
  if (isTerraformPath(path)) return declaresTerraformTaskDefinition;
  return undefined;
}

/** Files a directory or a glob stands for. */
function isCandidate(path: string): boolean {
  if (/\.jsonc?$/i.test(path)) return true;
  const declares = declarationTest(path);
  if (!declares) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return declares(buffer.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

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
        const candidates = found.filter(isCandidate);
        if (candidates.length === 0) unmatched.push(arg);
        files.push(...candidates);
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
    const matched = found.filter(
      (f) => matchesGlob(resolve(cwd, f), pattern) && (!declarationTest(f) || isCandidate(f)),
    );
    if (matched.length === 0) unmatched.push(arg);
    files.push(...matched);
  }
  return { files: [...new Set(files)], unmatched };
}
