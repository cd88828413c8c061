/**
 * The JSON format: a task-definition file (register-task-definition input, describe-task-definition
 * output, or a bare container array such as Terraform's `container_definitions`). One file holds at
 * most one task definition, its tree is the file's tree, and its names are the API's own.
 */
import type { ParsedFile } from '../../input';
import { jsonEditor, jsonSpelling } from './edits';
import { parseDocument, type ParseOptions } from './parse';
import { jsonSyntaxProblems } from './syntax';

export function readJsonFile(text: string, options: ParseOptions = {}): ParsedFile {
  const parsed = parseDocument(text, options);
  const { source, root, kind } = parsed;
  return {
    source,
    format: 'json',
    recognised: kind !== undefined,
    notRecognised:
      kind !== undefined
        ? undefined
        : root === undefined || (parsed.syntaxErrors.length > 0 && !root.children)
          ? 'not valid JSON'
          : 'not an ECS task definition (no containerDefinitions)',
    definitions:
      root && kind && !parsed.skipped
        ? [
            {
              kind,
              root,
              taskNode: parsed.taskNode,
              containersNode: parsed.containersNode,
              span: { offset: 0, length: text.length },
            },
          ]
        : [],
    root,
    syntaxErrors: jsonSyntaxProblems(parsed.syntaxErrors),
    skipped: parsed.skipped,
    spelling: jsonSpelling,
    editor: jsonEditor(source),
  };
}
