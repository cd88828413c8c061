/**
 * JSON syntax errors in plain words. The CLI reports them; the language server does not (VS Code's
 * own JSON support already shows them in the editor).
 */
import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SyntaxProblem } from '../../input';

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

export function jsonSyntaxProblems(errors: ParseError[]): SyntaxProblem[] {
  return errors.map((e) => {
    const name = printParseErrorCode(e.error);
    return {
      code: JSON_SYNTAX,
      offset: e.offset,
      length: e.length,
      message: `JSON syntax: ${WORDS[name] ?? name}.`,
    };
  });
}
