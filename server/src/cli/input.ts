/**
 * How every CLI command reads a file: the text, then the engine's analysis of it, or why the file
 * is not a task definition the engine can read. `lint` and `simulate` both come through here, so a
 * new input format the engine learns reaches both.
 */
import { readFileSync } from 'node:fs';
import { formatOf, isTerraformPath } from '../../../shared/src/taskDefinitionFilter';
import {
  analyze,
  type Analysis,
  type AnalysisOptions,
  type SeverityOverride,
} from '../engine/index';
import { loadTerraform } from '../node/terraform';

export function readInput(path: string): { text: string } | { ioError: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return {
      ioError: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  }
}

/** How the engine reads a file: in the format its name and content say (a template or JSON). */
export function inputOptions(
  path: string,
  text: string,
  severities?: Record<string, SeverityOverride>,
): AnalysisOptions {
  return { uri: path, severities, format: formatOf(path, text) };
}

/**
 * Load the parsers the files need before they are read: the Terraform parser is WebAssembly, loaded
 * asynchronously, and only when a .tf file is given (formatOf reads every .tf file as Terraform).
 */
export async function loadParsersFor(paths: string[]): Promise<void> {
  if (paths.some(isTerraformPath)) await loadTerraform();
}

export function analyzeInput(
  path: string,
  text: string,
  severities?: Record<string, SeverityOverride>,
): { analysis: Analysis } | { skipped: string } {
  const analysis = analyze(text, inputOptions(path, text, severities));
  if (analysis.isTaskDefinition) return { analysis };
  return { skipped: analysis.file.notRecognised ?? 'not an ECS task definition' };
}
