/**
 * Passwords written as arguments of a container's command or entryPoint: `--password admin`,
 * `--password=admin`, `-padmin` for the MySQL clients, `PGPASSWORD=admin psql …` and
 * `redis-server --requirepass admin`, in the exec form or in the script of `sh -c`. A value that
 * reads a variable (`$DB_PASSWORD`, `${…}`, `$(cat …)`) or is a placeholder is not a secret itself.
 */
import { elements, str, type Node } from '../json';
import type { ContainerModel } from '../model';
import { shellTokens } from '../shell';
import { harmlessValue, looksSecret } from './secretNames';

export interface SecretArgument {
  /** The command or entryPoint element that holds the value. */
  node: Node;
  field: 'command' | 'entryPoint';
  /** How the value is passed, in the command's words: `--password`, `-p`, `PGPASSWORD=`. */
  flag: string;
}

interface Word {
  node: Node;
  field: SecretArgument['field'];
  /** The word as the program receives it; a separator (`;`, `&&`, `|`) ends a command. */
  text: string;
  separator?: true;
}

/** Clients that take the password glued to -p (`-pSECRET`); a separate word after -p is a database. */
const GLUED_P_CLIENTS = new Set(['mysql', 'mysqladmin', 'mysqldump', 'mariadb', 'mariadb-admin']);
/** Long flags that take a password without saying PASSWORD (redis-server's). */
const PASSWORD_FLAGS = new Set(['--requirepass', '--masterauth']);
/** Programs that run the next word as a program: `exec mysql …`, `env PGPASSWORD=… psql`. */
const WRAPPERS = new Set(['exec', 'env', 'sudo', 'nohup', 'time', 'nice']);
/** Shells whose `-c` (or `-ec`, `-lc`) makes the next element a script. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

const basename = (path: string) => path.split('/').pop() ?? path;

/** The words of a container's entryPoint then command, as the container runs them. */
function commandWords(c: ContainerModel): Word[] {
  const out: Word[] = [];
  const fields = [
    ['entryPoint', c.entryPointNode],
    ['command', c.commandNode],
  ] as const;
  let previous: string[] = [];
  for (const [field, list] of fields) {
    for (const node of elements(list)) {
      const text = str(node);
      const [before, flag] = previous;
      previous = [flag ?? '', text ?? ''];
      if (text === undefined) {
        out.push({ node, field, text: '', separator: true });
        continue;
      }
      if (!(before && SHELLS.has(basename(before)) && flag && /^-[a-z]*c$/.test(flag))) {
        out.push({ node, field, text });
        continue;
      }
      // The script of `sh -c`: its words, each command ending at an operator. A script this
      // reader does not follow is skipped: better no finding than a wrong one.
      out.push({ node, field, text: ';', separator: true });
      for (const t of shellTokens(text) ?? [])
        out.push(
          t.kind === 'op'
            ? { node, field, text: t.op, separator: true }
            : { node, field, text: t.text },
        );
      out.push({ node, field, text: ';', separator: true });
    }
  }
  return out;
}

/** A literal secret: no variable read, no placeholder, not empty, a path or another flag. */
function literal(value: string): boolean {
  return !value.includes('$') && !value.startsWith('-') && !harmlessValue(value);
}

/** Does a long flag name a password (`--password`, `--db-password`, `--requirepass`)? */
function passwordFlag(flag: string): boolean {
  if (PASSWORD_FLAGS.has(flag)) return true;
  return /^--[a-z0-9-]*pass(word|wd|phrase)$/i.test(flag) && looksSecret(flag.slice(2));
}

/** Password arguments with a literal value, in the order the container runs them. */
export function secretArguments(c: ContainerModel): SecretArgument[] {
  const words = commandWords(c);
  const out: SecretArgument[] = [];
  const found = (w: Word, flag: string) => out.push({ node: w.node, field: w.field, flag });
  let program: string | undefined;
  let expectProgram = true;
  words.forEach((w, i) => {
    if (w.separator) {
      program = undefined;
      expectProgram = true;
      return;
    }
    // An inline assignment (PGPASSWORD=… psql) comes before the program it is for.
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.text);
    if (assignment && looksSecret(assignment[1]!)) {
      if (literal(assignment[2]!)) found(w, `${assignment[1]}=`);
      return;
    }
    if (expectProgram && !w.text.startsWith('-')) {
      program = basename(w.text);
      expectProgram = WRAPPERS.has(program);
      return;
    }
    const long = /^(--[A-Za-z0-9-]+)(?:=(.*))?$/s.exec(w.text);
    if (long && passwordFlag(long[1]!)) {
      const next = words[i + 1];
      if (long[2] !== undefined) {
        if (literal(long[2])) found(w, long[1]!);
      } else if (next && !next.separator && literal(next.text)) found(next, long[1]!);
      return;
    }
    if (program && GLUED_P_CLIENTS.has(program) && /^-p./s.test(w.text) && literal(w.text.slice(2)))
      found(w, '-p');
  });
  return out;
}
