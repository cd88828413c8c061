/**
 * HCL syntax errors in plain words, from tree-sitter's error recovery: an ERROR node is text the
 * grammar cannot place, a MISSING node a token it had to assume (a closing brace not typed yet).
 */
import type { SyntaxProblem } from '../../input';
import type { TsNode } from './hcl';

export const HCL_SYNTAX = 'hcl-syntax';

/** The first `limit` syntax errors, in document order (only subtrees that hold one are visited). */
export function hclSyntaxProblems(root: TsNode, limit = 20): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  // Depth first, in document order, with a stack of its own: broken text can nest deeply.
  const stack: TsNode[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (n.isMissing) {
      out.push({
        code: HCL_SYNTAX,
        offset: n.startIndex,
        length: 0,
        message: `HCL syntax: ${missingWords(n.type)} is missing here.`,
      });
    } else if (n.isError) {
      const line = n.text.trim().split(/\r?\n/)[0] ?? '';
      const shown = line.length > 30 ? `${line.slice(0, 30)}…` : line;
      out.push({
        code: HCL_SYNTAX,
        offset: n.startIndex,
        length: Math.max(0, n.endIndex - n.startIndex),
        message: shown
          ? `HCL syntax: unexpected ${JSON.stringify(shown)}.`
          : 'HCL syntax: unexpected text.',
      });
    } else if (n.hasError) {
      const children = n.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  }
  return out;
}

const TOKEN_WORDS: Record<string, string> = {
  block_end: 'a closing "}"',
  object_end: 'a closing "}"',
  tuple_end: 'a closing "]"',
  quoted_template_end: 'a closing quote',
  heredoc_identifier: "the heredoc's closing marker",
  template_interpolation_end: 'a closing "}"',
  '}': 'a closing "}"',
  ']': 'a closing "]"',
  ')': 'a closing ")"',
  '"': 'a closing quote',
  '=': 'an "="',
  expression: 'a value',
  identifier: 'a name',
};

function missingWords(type: string): string {
  return TOKEN_WORDS[type] ?? `"${type}"`;
}
