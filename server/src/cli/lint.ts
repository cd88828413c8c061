/** Linting files for the CLI: read, analyse, optionally fix in place. No process exits here. */
import { writeFileSync } from 'node:fs';
import {
  analyze,
  fixAll,
  syntaxFindings,
  type Finding,
  type SeverityOverride,
} from '../engine/index';
import { analyzeInput, inputOptions, readInput } from './input';

export interface FileResult {
  path: string;
  diagnostics: Finding[];
  /** Why the file was not linted (not JSON, not a task definition, unreadable). */
  skipped?: string;
  /** Set when the file could not be read or written. */
  ioError?: string;
  /** Fix titles applied with --fix. */
  fixed: string[];
  /** How many task definitions the file holds (a template can hold several). */
  definitions?: number;
}

export interface LintOptions {
  fix: boolean;
  severities?: Record<string, SeverityOverride>;
}

export function lintFile(path: string, options: LintOptions): FileResult {
  const input = readInput(path);
  if ('ioError' in input) return { path, diagnostics: [], fixed: [], ioError: input.ioError };
  let text = input.text;
  const fixed: string[] = [];
  if (options.fix) {
    const analysisOptions = inputOptions(path, text, options.severities);
    const before = analyze(text, analysisOptions);
    if (before.isTaskDefinition && before.file.syntaxErrors.length === 0) {
      const result = fixAll(text, analysisOptions);
      if (result.text !== text) {
        try {
          writeFileSync(path, result.text, 'utf8');
        } catch (error) {
          return {
            path,
            diagnostics: [],
            fixed: [],
            ioError: `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          };
        }
        text = result.text;
        fixed.push(...result.applied.map((a) => `${a.code}: ${a.title}`));
      }
    }
  }
  const result = analyzeInput(path, text, options.severities);
  if ('skipped' in result) return { path, diagnostics: [], fixed, skipped: result.skipped };
  const { analysis } = result;
  return {
    path,
    diagnostics: [...syntaxFindings(analysis.file), ...analysis.findings],
    fixed,
    definitions: Math.max(1, analysis.definitions.length),
  };
}
