/**
 * Decides, cheaply and without the `vscode` API, whether a document is an ECS task definition (or
 * a CloudFormation template or a Terraform file of one) the extension should care about, and in
 * which format to read it. The client uses it to start the language server only once such a document is open and to
 * show the graph button; the server and the CLI take the format from here and still decide by
 * parsing the content.
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
 * The formats the engine reads: a task-definition JSON file, a CloudFormation template, or a
 * Terraform file.
 */
export type FileFormat = 'json' | 'cloudformation' | 'terraform';

/** YAML files, and `.template` files (YAML or JSON), the names CloudFormation templates go by. */
const YAML_NAME = /\.(ya?ml|template)$/i;

function head(text: string): string {
  return text.length > CONTENT_SCAN_LIMIT ? text.slice(0, CONTENT_SCAN_LIMIT) : text;
}

/** The template format version key, as a YAML (`AWSTemplateFormatVersion:`) or JSON key. */
const FORMAT_VERSION =
  /^[ \t]*["']?AWSTemplateFormatVersion["']?[ \t]*:|"AWSTemplateFormatVersion"\s*:/m;
/** `Type: AWS::ECS::TaskDefinition` (YAML) or `"Type": "AWS::ECS::TaskDefinition"` (JSON). */
const TASK_DEFINITION_RESOURCE = /["']?\bType["']?\s*:\s*["']?AWS::ECS::TaskDefinition\b/;
/** A top-level `Resources:` key (YAML) or a `"Resources":` key (JSON). */
const RESOURCES = /^["']?Resources["']?[ \t]*:|"Resources"\s*:/m;

/** Does the text declare an AWS::ECS::TaskDefinition resource? */
export function declaresTaskDefinitionResource(text: string): boolean {
  const h = head(text);
  return RESOURCES.test(h) && TASK_DEFINITION_RESOURCE.test(h);
}

/**
 * Is the text a CloudFormation template (YAML or JSON, also SAM and `cdk synth` output)? Yes with
 * `AWSTemplateFormatVersion`, or with a `Resources` mapping that declares an
 * AWS::ECS::TaskDefinition. Only templates with a task definition get findings.
 */
export function looksLikeTemplate(text: string): boolean {
  return FORMAT_VERSION.test(head(text)) || declaresTaskDefinitionResource(text);
}

/** A Terraform configuration file (`.tf`), whatever language id an editor gives it. */
export function isTerraformPath(path: string): boolean {
  return /\.tf$/i.test(path);
}

/** Does the text declare an `aws_ecs_task_definition` resource? */
export function declaresTerraformTaskDefinition(text: string): boolean {
  return /resource\s+"aws_ecs_task_definition"/.test(head(text));
}

/**
 * The format to read a file in, by its name, language and content: a `.tf` file, or a document of
 * the `terraform` language (HashiCorp's extension and ours set it), is Terraform; YAML (`.yaml`, `.yml`,
 * `.template`, or the `yaml` or `cloudformation` language) is a template or nothing the engine reads; JSON is a
 * template when its content says so, and otherwise a task-definition file. The client, the
 * language server and the CLI all decide here.
 */
export function formatOf(path: string, text: string, languageId?: string): FileFormat {
  if (languageId === 'terraform' || isTerraformPath(path)) return 'terraform';
  if (
    languageId === 'yaml' ||
    languageId === 'cloudformation' ||
    (languageId === undefined && YAML_NAME.test(path))
  ) {
    // A `.template` file holding JSON that is no template is not ours either way.
    return 'cloudformation';
  }
  if (looksLikeTemplate(text)) return 'cloudformation';
  return 'json';
}

/**
 * Is this document a task definition? A .tf file when it declares an `aws_ecs_task_definition`.
 * Any other when it has a `containerDefinitions` key, whatever its name; when it is a template that declares an AWS::ECS::TaskDefinition; and when its path matches
 * one of the patterns and it holds a bare array (a Terraform `container_definitions` file), as the
 * language server also reads such files.
 */
export function isTaskDefinition(path: string, text: string, patterns: readonly string[]): boolean {
  if (isTerraformPath(path)) return declaresTerraformTaskDefinition(text);
  if (mentionsContainerDefinitions(text) || declaresTaskDefinitionResource(text)) return true;
  return startsWithArray(text) && matchesAnyPattern(path, patterns);
}

/**
 * Should the language server run for this document? Like `isTaskDefinition`, and also for a file
 * whose name says it is one, or a template, even while it is still empty or half-written, so that
 * diagnostics are there as soon as the user types the first container; a .tf file once it names
 * the resource type, even before the resource is complete.
 */
export function mayBecomeTaskDefinition(
  path: string,
  text: string,
  patterns: readonly string[],
): boolean {
  if (isTerraformPath(path)) return head(text).includes('aws_ecs_task_definition');
  return (
    mentionsContainerDefinitions(text) ||
    looksLikeTemplate(text) ||
    matchesAnyPattern(path, patterns)
  );
}
