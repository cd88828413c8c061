/**
 * Decides, cheaply and without the `vscode` API, whether a document is an ECS task definition the
 * extension should care about. The client uses it to start the language server only once such a
 * document is open and to show the graph button; the server still decides by parsing the content.
 */
import { matchesAnyPattern } from './glob';

/** Only the beginning of a very large document is searched for the `containerDefinitions` key. */
const CONTENT_SCAN_LIMIT = 1_000_000;

/** True when the text has a `"containerDefinitions":` key (a task definition or describe output). */
export function mentionsContainerDefinitions(text: string): boolean {
  const head = text.length > CONTENT_SCAN_LIMIT ? text.slice(0, CONTENT_SCAN_LIMIT) : text;
  let at = head.indexOf('"containerDefinitions"');
  while (at >= 0) {
    if (/^"containerDefinitions"\s*:/.test(head.slice(at, at + 200))) return true;
    at = head.indexOf('"containerDefinitions"', at + 1);
  }
  return false;
}

/** True when the first value in the text (after a BOM, spaces and comments) is an array. */
export function startsWithArray(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') i++;
    else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return ch === '[';
  }
  return false;
}

/**
 * Is this document a task definition? Yes when it has a `containerDefinitions` key, whatever its
 * name; and when its path matches one of the patterns and it holds a bare array (a Terraform
 * `container_definitions` file), as the language server also reads such files.
 */
export function isTaskDefinition(path: string, text: string, patterns: readonly string[]): boolean {
  if (mentionsContainerDefinitions(text)) return true;
  return startsWithArray(text) && matchesAnyPattern(path, patterns);
}

/**
 * Should the language server run for this document? Like `isTaskDefinition`, and also for a file
 * whose name says it is one even while it is still empty or half-written, so that diagnostics are
 * there as soon as the user types the first container.
 */
export function mayBecomeTaskDefinition(
  path: string,
  text: string,
  patterns: readonly string[],
): boolean {
  return mentionsContainerDefinitions(text) || matchesAnyPattern(path, patterns);
}
