/**
 * JSON syntax errors as findings. The CLI reports them; the language server does not (VS Code's
 * own JSON support already shows them in the editor).
 */
import { printParseErrorCode } from 'jsonc-parser';
import type { ParsedDocument } from './parse';
import type { Finding } from './types';

export const JSON_SYNTAX = 'json-syntax';

const WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name (in double quotes) is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'nothing more is expected after the JSON value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

export function syntaxFindings(parsed: ParsedDocument, limit = 20): Finding[] {
  return parsed.syntaxErrors.slice(0, limit).map((e) => {
    const name = printParseErrorCode(e.error);
    return {
      code: JSON_SYNTAX,
      severity: 'error',
      message: `JSON syntax: ${WORDS[name] ?? name}.`,
      range: parsed.source.range(e.offset, e.length),
      related: [],
      fixes: [],
      tags: [],
    };
  });
}
