/**
 * The Terraform format: a .tf file holds zero or more `resource "aws_ecs_task_definition"` blocks,
 * each a task definition named by its address (`aws_ecs_task_definition.web`). Its arguments are
 * read as register-task-definition's fields, its containers from `jsonencode(...)` or a heredoc of
 * JSON (convert.ts, heredoc.ts); fixes are written as HCL (edits.ts).
 */
import type { ParsedFile, SyntaxProblem, TaskDefinitionInput } from '../../input';
import { prop, type Node } from '../../json';
import { SourceText } from '../../text';
import type { Conversion, Origin } from './convert';
import { terraformEditor } from './edits';
import { namedOf, type TsNode } from './hcl';
import { forgetHcl as forgetTree, parseHcl } from './parser';
import type { Tree } from 'web-tree-sitter';
import { forgetResources, isTaskDefinitionResource, jsonencoded, readResources } from './resources';
import { terraformSpelling } from './spelling';
import { hclSyntaxProblems } from './syntax';

export { loadTerraformParser, terraformParserLoaded, type TerraformWasm } from './parser';
export { HCL_SYNTAX } from './syntax';

const RESOURCE_TYPE = 'aws_ecs_task_definition';

/** Larger .tf files are not analysed (parsing 1 MB takes about 0.3 s). */
export const MAX_TERRAFORM_LENGTH = 4 * 1024 * 1024;

export interface TerraformReadOptions {
  /**
   * The document's URI: its last syntax tree and resources are re-used for its next version (an
   * incremental parse, and only the changed resources read again).
   */
  uri?: string;
}

/** Forget what was kept of a document (it was closed). */
export function forgetHcl(key: string): void {
  forgetTree(key);
  forgetResources(key);
}

export function readTerraformFile(text: string, options: TerraformReadOptions = {}): ParsedFile {
  const source = new SourceText(text);
  const origins = new Map<Node, Origin>();
  const conversion: Conversion = { text, depth: 0, origins, heredocs: [], syntaxErrors: [] };
  const file = (parts: Partial<ParsedFile>): ParsedFile => ({
    source,
    format: 'terraform',
    recognised: false,
    definitions: [],
    syntaxErrors: [],
    spelling: terraformSpelling(false),
    editor: terraformEditor(source, conversion),
    ...parts,
  });
  if (text.length > MAX_TERRAFORM_LENGTH) {
    const mentioned = text.includes(RESOURCE_TYPE);
    return file({
      recognised: mentioned,
      notRecognised: mentioned ? undefined : `no ${RESOURCE_TYPE} resource`,
      skipped: { reason: `the file is larger than ${MAX_TERRAFORM_LENGTH / 1024 / 1024} MB` },
    });
  }
  const tree = parseHcl(text, options.uri);
  if (!tree) return file({ notRecognised: 'the Terraform parser is not loaded yet' });
  try {
    return readTree(tree, text, options, conversion, origins, file);
  } finally {
    // A tree kept for no document is WebAssembly memory nothing else frees (parser.ts keeps and
    // frees the trees of documents).
    if (options.uri === undefined) tree.delete();
  }
}

function readTree(
  tree: Tree,
  text: string,
  options: TerraformReadOptions,
  conversion: Conversion,
  origins: Map<Node, Origin>,
  file: (parts: Partial<ParsedFile>) => ParsedFile,
): ParsedFile {
  const resources = readResources(resourceBlocks(tree.rootNode), text, options.uri);
  const definitions: TaskDefinitionInput[] = resources.map((r) => {
    for (const [node, origin] of r.origins) origins.set(node, origin);
    conversion.heredocs.push(...r.heredocs);
    conversion.syntaxErrors.push(...r.syntaxErrors);
    return {
      kind: 'task',
      root: r.task,
      taskNode: r.task,
      containersNode: prop(r.task, 'containerDefinitions'),
      name: `${RESOURCE_TYPE}.${r.name}`,
      nameSpan: { offset: r.nameOffset, length: r.nameLength },
      span: { offset: r.offset, length: r.text.length },
      containersThroughTerraform: true,
    };
  });
  const syntaxErrors: SyntaxProblem[] = [
    ...(tree.rootNode.hasError ? hclSyntaxProblems(tree.rootNode) : []),
    ...conversion.syntaxErrors,
  ].sort((a, b) => a.offset - b.offset);
  const heredocsOnly = conversion.heredocs.length > 0 && !resources.some(jsonencoded);
  return file({
    recognised: definitions.length > 0,
    notRecognised: definitions.length > 0 ? undefined : `no ${RESOURCE_TYPE} resource`,
    definitions,
    syntaxErrors,
    spelling: terraformSpelling(heredocsOnly),
  });
}

/**
 * The `resource "aws_ecs_task_definition" "<name>"` blocks at the top level, also those the parser
 * could only place inside an error (text above them is broken).
 */
function resourceBlocks(root: TsNode): TsNode[] {
  const out: TsNode[] = [];
  const visit = (n: TsNode, depth: number): void => {
    for (const child of namedOf(n)) {
      if (child.type === 'block') {
        if (isTaskDefinitionResource(child)) out.push(child);
      } else if ((child.type === 'body' || child.type === 'ERROR') && depth < 4)
        visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}
