/**
 * Reading a file in its format, and its syntax errors as findings. Each format has one reader
 * (formats/<format>/index.ts) that finds the task definitions in the file; everything after it is
 * the same for every format.
 */
import { forgetYamlTemplate, readCloudFormationFile } from './formats/cloudformation/index';
import { readJsonFile } from './formats/json/index';
import { forgetHcl, readTerraformFile } from './formats/terraform/index';
import type { FormatId, ParsedFile } from './input';
import type { Finding } from './types';

export interface ReadOptions {
  /** The file's format; JSON when not given. The language server and the CLI decide it. */
  format?: FormatId;
  /**
   * Document URI or path, echoed in the graph. A template under `cdk.out` is `cdk synth` output. A
   * YAML template's or Terraform file's reading is kept per URI, so that its next version re-uses
   * what the edit left unchanged (forgetDocument lets it go).
   */
  uri?: string;
  /**
   * Recognise a root array of container definitions (Terraform `container_definitions`). The CLI
   * always does (the user named the file); the language server only for files whose name says so.
   */
  allowContainerArray?: boolean;
}

export function readFile(text: string, options: ReadOptions = {}): ParsedFile {
  if (options.format === 'cloudformation')
    return readCloudFormationFile(text, { uri: options.uri });
  if (options.format === 'terraform') return readTerraformFile(text, { uri: options.uri });
  return readJsonFile(text, { allowContainerArray: options.allowContainerArray });
}

/** Forget what was kept of a document's last reading for its next version (it was closed). */
export function forgetDocument(uri: string): void {
  forgetHcl(uri);
  forgetYamlTemplate(uri);
}

/** The file's syntax errors as findings (the first `limit`: one broken bracket can cause hundreds). */
export function syntaxFindings(file: ParsedFile, limit = 20): Finding[] {
  return file.syntaxErrors.slice(0, limit).map((e) => ({
    code: e.code,
    severity: 'error',
    message: e.message,
    range: file.source.range(e.offset, e.length),
    related: [],
    fixes: [],
    tags: [],
  }));
}
