/**
 * Just enough of the POSIX shell to read the one-line scripts of task definitions (health checks,
 * `sh -c` commands): words with quotes removed, and the operators between commands. Anything this
 * does not read with certainty (subshells, braces, `if`/`while`/`case`, here-documents, `!`,
 * background jobs) makes the reader give up: callers then conclude nothing.
 */

export interface ShellWord {
  /** The word as the shell passes it on: quotes and escapes removed. */
  text: string;
  /** Offsets of the word in the script, quotes included. */
  start: number;
  end: number;
}

export type ShellToken =
  ({ kind: 'word' } & ShellWord) | { kind: 'op'; op: string; start: number; end: number };

/** Reserved words and commands whose meaning this reader does not follow. */
const UNREAD = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'function',
  '!',
  '{',
  '}',
]);

/** The words and operators of a script, or undefined when it uses what this reader does not follow. */
export function shellTokens(script: string): ShellToken[] | undefined {
  const tokens: ShellToken[] = [];
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\n' || c === ';') {
      if (script[i + 1] === ';') return undefined; // `;;` belongs to case
      tokens.push({ kind: 'op', op: ';', start: i, end: i + 1 });
      i++;
    } else if (c === '&' || c === '|') {
      const two = script[i + 1] === c;
      if (c === '&' && !two) return undefined; // a background job
      tokens.push({ kind: 'op', op: two ? c + c : c, start: i, end: i + (two ? 2 : 1) });
      i += two ? 2 : 1;
    } else if (c === '(' || c === ')') {
      return undefined; // a subshell
    } else if (c === '#') {
      while (i < n && script[i] !== '\n') i++;
    } else if (c === '<' || c === '>') {
      // A redirection and its target: neither is an argument.
      if (script.startsWith('<<', i)) return undefined; // a here-document
      i++;
      while (i < n && (script[i] === '>' || script[i] === '&' || script[i] === '|')) i++;
      while (i < n && (script[i] === ' ' || script[i] === '\t')) i++;
      const target = readWord(script, i);
      if (!target) return undefined;
      i = target.end;
    } else {
      const word = readWord(script, i);
      if (!word) return undefined;
      // A file descriptor number written against a redirection (`2>&1`) is not a word.
      if (/^\d+$/.test(word.text) && (script[word.end] === '>' || script[word.end] === '<')) {
        i = word.end;
        continue;
      }
      tokens.push({ kind: 'word', ...word });
      i = word.end;
    }
  }
  return tokens;
}

const WORD_END = /[\s;&|()<>]/;

/** One word from `start`: quotes, escapes, `$(…)`, `${…}` and backquotes kept inside it. */
function readWord(script: string, start: number): ShellWord | undefined {
  let text = '';
  let i = start;
  const n = script.length;
  while (i < n && !WORD_END.test(script[i]!)) {
    const c = script[i]!;
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close < 0) return undefined;
      text += script.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < n && script[j] !== '"'; j++) {
        if (script[j] === '\\' && j + 1 < n) {
          text += script[j + 1];
          j++;
        } else text += script[j];
      }
      if (j >= n) return undefined;
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 < n) text += script[i + 1];
      i += 2;
    } else if (c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) {
      const close = matching(script, i + 1);
      if (close < 0) return undefined;
      text += script.slice(i, close + 1);
      i = close + 1;
    } else if (c === '`') {
      const close = script.indexOf('`', i + 1);
      if (close < 0) return undefined;
      text += script.slice(i, close + 1);
      i = close + 1;
    } else {
      text += c;
      i++;
    }
  }
  return i === start ? undefined : { text, start, end: i };
}

/** The offset of the bracket that closes the one at `open` (quotes inside skipped), or -1. */
function matching(script: string, open: number): number {
  const opener = script[open]!;
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i;
  }
  return -1;
}

/** A simple command: its words (the command name first, assignments before it set aside). */
export interface ShellCommand {
  words: ShellWord[];
  start: number;
  end: number;
}

/** Commands joined by `&&` / `||`, each a pipeline (`|`) whose last command gives its status. */
export interface AndOrList {
  pipelines: ShellCommand[][];
  /** The operator before each pipeline but the first. */
  ops: ('&&' | '||')[];
  /** Where each operator is. */
  opStarts: number[];
  start: number;
  end: number;
}

export interface ShellScript {
  /** The lists separated by `;` or line breaks, in order. */
  lists: AndOrList[];
  /** Where the separator before each list but the first is. */
  separators: number[];
}

/** The script as lists of pipelines of commands, or undefined when it is not one this reader follows. */
export function parseShell(script: string): ShellScript | undefined {
  const tokens = shellTokens(script);
  if (!tokens) return undefined;
  const lists: AndOrList[] = [];
  const separators: number[] = [];
  let list: AndOrList | undefined;
  let pipeline: ShellCommand[] = [];
  let command: ShellCommand | undefined;
  const endCommand = () => {
    if (command) pipeline.push(command);
    command = undefined;
  };
  const endPipeline = (): boolean => {
    endCommand();
    if (pipeline.length === 0) return false;
    list ??= { pipelines: [], ops: [], opStarts: [], start: pipeline[0]!.start, end: 0 };
    list.pipelines.push(pipeline);
    list.end = pipeline[pipeline.length - 1]!.end;
    pipeline = [];
    return true;
  };
  for (const t of tokens) {
    if (t.kind === 'word') {
      if (!command && UNREAD.has(t.text)) return undefined;
      if (!command && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text)) continue; // VAR=value before a command
      command ??= { words: [], start: t.start, end: t.end };
      command.words.push(t);
      command.end = t.end;
    } else if (t.op === '|') {
      if (!command) return undefined;
      endCommand();
    } else if (t.op === '&&' || t.op === '||') {
      if (!endPipeline()) return undefined;
      list!.ops.push(t.op);
      list!.opStarts.push(t.start);
    } else {
      // `;` or a line break
      if (command || pipeline.length > 0) {
        if (!endPipeline()) return undefined;
      } else if (list && list.ops.length === list.pipelines.length) return undefined; // `a && ;`
      if (list) {
        if (list.ops.length >= list.pipelines.length) return undefined;
        lists.push(list);
        separators.push(t.start);
        list = undefined;
      }
    }
  }
  if (command || pipeline.length > 0) endPipeline();
  if (list) {
    if (list.ops.length >= list.pipelines.length) return undefined; // ends with && or ||
    lists.push(list);
  }
  // Separators only between lists.
  return { lists, separators: separators.slice(0, Math.max(0, lists.length - 1)) };
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Commands that exit 0 whatever happens: `true`, `:`, `echo …`, `exit 0`. */
export function alwaysZero(command: ShellCommand): boolean {
  const [name, ...args] = command.words.map((w) => w.text);
  if (name === undefined) return false;
  if (name === 'exit') return args.length === 1 && args[0] === '0';
  return name === ':' || ['true', 'echo'].includes(basename(name));
}

/** `exit` with a code other than 0 (or one the script computes): the script can end failing. */
function exitsFailing(command: ShellCommand): boolean {
  const [name, ...args] = command.words.map((w) => w.text);
  return name === 'exit' && !(args.length === 1 && args[0] === '0');
}

/** `set -e` (or -o errexit): a failing command fails the script, which this reader does not follow. */
function errexit(script: ShellScript): boolean {
  return script.lists.some((l) =>
    l.pipelines.some((p) =>
      p.some((c) => {
        const [name, ...args] = c.words.map((w) => w.text);
        return name === 'set' && args.some((a) => /^-[a-z]*e/.test(a) || a === 'errexit');
      }),
    ),
  );
}

export interface AlwaysPasses {
  /** What makes it exit 0: the whole script, `|| true`, `; exit 0`. */
  why: string;
  /** The part of the script that turns a failure into success, when the rest is a real check. */
  tail?: { start: number; end: number; kind: 'or' | 'then' };
}

/**
 * Why a script always exits 0, or undefined when it can fail (or this reader cannot tell).
 * Without `pipefail` a pipeline's status is its last command's; `a || b` is 0 when b always is.
 */
export function alwaysSucceeds(source: string): AlwaysPasses | undefined {
  const script = parseShell(source);
  if (!script || script.lists.length === 0 || errexit(script)) return undefined;
  const all = script.lists.flatMap((l) => l.pipelines.flat());
  if (all.some(exitsFailing)) return undefined;
  // An unconditional `exit 0` before the last list ends the script there.
  const lists = script.lists;
  const end = lists.findIndex((l) => {
    const only =
      l.pipelines.length === 1 && l.pipelines[0]!.length === 1 ? l.pipelines[0]![0] : undefined;
    return only !== undefined && only.words[0]!.text === 'exit' && alwaysZero(only);
  });
  const lastIndex = end >= 0 ? end : lists.length - 1;
  const last = lists[lastIndex]!;
  // Possible statuses of the last list, left to right (0 or not 0).
  const statusOf = (p: ShellCommand[]) => (alwaysZero(p[p.length - 1]!) ? 'zero' : 'any');
  let canFail = statusOf(last.pipelines[0]!) === 'any';
  let canSucceed = true;
  last.ops.forEach((op, i) => {
    const next = statusOf(last.pipelines[i + 1]!);
    if (op === '||' && canFail) {
      canFail = next === 'any';
      canSucceed = true;
    } else if (op === '&&' && canSucceed) {
      if (next === 'any') canFail = true;
    }
  });
  if (canFail) return undefined;
  const text = (a: number, b: number) => source.slice(a, b).trim();
  const lastOp = last.ops.length - 1;
  if (last.ops[lastOp] === '||') {
    const start = last.opStarts[lastOp]!;
    return { why: text(start, last.end), tail: { start, end: last.end, kind: 'or' } };
  }
  if (lastIndex > 0 && last.ops.length === 0) {
    const start = script.separators[lastIndex - 1]!;
    const rest = alwaysSucceedsBefore(source, start);
    return rest
      ? { why: text(lists[0]!.start, last.end) }
      : { why: text(start, last.end), tail: { start, end: last.end, kind: 'then' } };
  }
  return { why: text(lists[0]!.start, last.end) };
}

/** Does the script before `offset` already always succeed (so removing the tail would not help)? */
function alwaysSucceedsBefore(source: string, offset: number): boolean {
  const before = source.slice(0, offset);
  return before.trim() !== '' && alwaysSucceeds(before) !== undefined;
}
