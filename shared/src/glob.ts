/**
 * Glob matching for file patterns: the `ecsInitOrder.filePatterns` setting (client and server) and
 * the CLI's file arguments use this one matcher.
 *
 * Globs are matched by simulating the pattern as a small automaton (time linear in path length times
 * pattern length), never by a generated regular expression: patterns come from settings, which a
 * workspace can set, and a regular expression built from `*a*a*a*…` could backtrack for minutes.
 */

/** Patterns longer than this, or beyond this count, are ignored (no real glob needs more). */
const MAX_PATTERN_LENGTH = 500;
const MAX_PATTERNS = 100;
/** `{a,b}` alternatives expand to at most this many plain patterns. */
const MAX_BRACE_EXPANSIONS = 64;

type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'globstarSlash' }
  | { kind: 'class'; negate: boolean; ranges: Array<[string, string]> };

/**
 * True when `path` matches the glob `pattern`. Supported: `*` (within one path segment), `**`
 * (any number of segments), `?`, `[abc]` / `[a-z]` / `[!abc]`, and `{a,b}`. Matching ignores case
 * (task definitions are named `TaskDef.json` as often as `taskdef.json`) and treats `\` as `/`.
 * A pattern without `/` is matched against the file name; a relative pattern with `/` may match
 * any tail of the path, so `infra/*.json` matches `/home/me/project/infra/web.json`.
 */
export function matchesGlob(path: string, pattern: string): boolean {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return false;
  const normalizedPath = path.replace(/\\/g, '/').toLowerCase();
  let normalizedPattern = pattern.replace(/\\/g, '/').toLowerCase();
  let subject = normalizedPath;
  if (!normalizedPattern.includes('/')) {
    subject = normalizedPath.slice(normalizedPath.lastIndexOf('/') + 1);
  } else if (!normalizedPattern.startsWith('/') && !normalizedPattern.startsWith('**/')) {
    normalizedPattern = `**/${normalizedPattern}`;
  }
  return expandBraces(normalizedPattern).some((p) => simulate(tokenize(p), subject));
}

/** True when the path matches at least one of the patterns. */
export function matchesAnyPattern(path: string, patterns: readonly string[]): boolean {
  return patterns.slice(0, MAX_PATTERNS).some((p) => typeof p === 'string' && matchesGlob(path, p));
}

function expandBraces(pattern: string): string[] {
  const results: string[] = [];
  const queue = [pattern];
  while (queue.length > 0) {
    // A pattern that expands to more alternatives than any real one is refused as a whole.
    if (results.length + queue.length > MAX_BRACE_EXPANSIONS) return [];
    const p = queue.shift()!;
    const open = p.indexOf('{');
    const close = open < 0 ? -1 : matchingBrace(p, open);
    if (open < 0 || close < 0) {
      results.push(p);
      continue;
    }
    const before = p.slice(0, open);
    const after = p.slice(close + 1);
    for (const alternative of splitTopLevel(p.slice(open + 1, close)))
      queue.push(before + alternative + after);
  }
  return results;
}

function matchingBrace(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '{') depth++;
    else if (p[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      let j = i;
      while (pattern[j + 1] === '*') j++;
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      if (j > i && atSegmentStart && pattern[j + 1] === '/') {
        tokens.push({ kind: 'globstarSlash' });
        i = j + 1;
      } else if (j > i && atSegmentStart && j + 1 === pattern.length) {
        tokens.push({ kind: 'globstar' });
        i = j;
      } else {
        tokens.push({ kind: 'star' });
        i = j;
      }
    } else if (ch === '?') {
      tokens.push({ kind: 'any' });
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ kind: 'char', ch });
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else ranges.push([body[k]!, body[k]!]);
      }
      tokens.push({ kind: 'class', negate, ranges });
      i = close;
    } else {
      tokens.push({ kind: 'char', ch });
    }
  }
  return tokens;
}

/** Runs the pattern as a nondeterministic automaton over the subject: O(subject × pattern). */
function simulate(tokens: Token[], subject: string): boolean {
  let states = closure(new Set([0]), tokens);
  for (const ch of subject) {
    const next = new Set<number>();
    for (const s of states) {
      const t = tokens[s];
      if (!t) continue;
      switch (t.kind) {
        case 'char':
          if (t.ch === ch) next.add(s + 1);
          break;
        case 'any':
          if (ch !== '/') next.add(s + 1);
          break;
        case 'class': {
          const inClass = t.ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
          if (ch !== '/' && inClass !== t.negate) next.add(s + 1);
          break;
        }
        case 'star':
          if (ch !== '/') next.add(s);
          break;
        case 'globstar':
          next.add(s);
          break;
        case 'globstarSlash':
          next.add(s);
          if (ch === '/') next.add(s + 1);
          break;
      }
    }
    if (next.size === 0) return false;
    states = closure(next, tokens);
  }
  return states.has(tokens.length);
}

/** Adds the states reachable without reading a character (every star may match nothing). */
function closure(states: Set<number>, tokens: Token[]): Set<number> {
  const result = new Set(states);
  for (const s of states) {
    let i = s;
    while (i < tokens.length && isOptional(tokens[i]!)) result.add(++i);
  }
  return result;
}

function isOptional(t: Token): boolean {
  return t.kind === 'star' || t.kind === 'globstar' || t.kind === 'globstarSlash';
}
