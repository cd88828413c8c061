/**
 * The CloudFormation format: a template (YAML or JSON, CloudFormation, SAM or `cdk synth` output)
 * holds one task definition per AWS::ECS::TaskDefinition resource, written with CloudFormation's
 * names (`ContainerDefinitions`, `DependsOn`, `ContainerName`) and intrinsic functions. The reader
 * hands the engine each resource's Properties in register-task-definition's names (convert.ts);
 * messages and fixes use the template's own spelling and syntax.
 */
import type { ParsedFile, Spelling } from '../../input';
import { SourceText } from '../../text';
import { jsonEditor } from '../json/edits';
import { MAX_DOCUMENT_LENGTH, parseDocument } from '../json/parse';
import { jsonSyntaxProblems } from '../json/syntax';
import { readTemplate, UNKNOWN_KEY_PREFIX } from './convert';
import { cloudFormationName } from './schema';
import { templateEditor } from './templateEditor';
import { yamlEditor } from './yamlEdits';
import { yamlFlow, yamlScalar } from './yamlText';
import { readYamlTemplate } from './templateReuse';
import { MAX_YAML_DEPTH } from './yamlTree';

export { YAML_SYNTAX } from './yamlTree';
export { forgetYamlTemplate } from './templateReuse';

export interface TemplateOptions {
  /**
   * The file's path or URI: a template under `cdk.out` is `cdk synth` output. A YAML template's
   * reading is kept per URI, and what its next version leaves unchanged is re-used.
   */
  uri?: string;
}

/** A property the reader did not know, as CloudFormation's resource schema validation rejects it. */
function unknownKey(key: string): { written: string; rejection: string } | undefined {
  if (!key.startsWith(UNKNOWN_KEY_PREFIX)) return undefined;
  const written = key.slice(UNKNOWN_KEY_PREFIX.length);
  return {
    written,
    rejection: `CloudFormation rejects the template ("extraneous key [${written}] is not permitted")`,
  };
}

/** YAML templates spell a field `Essential: true`, and a list or object on one line: `[FARGATE]`. */
export const yamlSpelling: Spelling = {
  key: cloudFormationName,
  pair: (field, value) =>
    `${cloudFormationName(field)}: ${value !== null && typeof value === 'object' ? yamlFlow(value) : yamlScalar(value)}`,
  unknownKey,
};

/** JSON templates spell a field `"Essential": true`. */
export const jsonTemplateSpelling: Spelling = {
  key: cloudFormationName,
  pair: (field, value) => `${JSON.stringify(cloudFormationName(field))}: ${JSON.stringify(value)}`,
  unknownKey,
};

/** A JSON template starts with `{`; anything else is read as YAML (JSON is YAML too, but slower). */
function isJson(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/**
 * A scalar as the template writes it: JSON in a JSON template; in YAML plain where YAML reads it
 * back as the same value, quoted where it would not (`'yes'`, `'0777'`). `inFlow`: inside `{…}` or `[…]`.
 */
export function templateScalar(text: string, value: unknown, inFlow = false): string {
  return isJson(text) ? JSON.stringify(value) : yamlScalar(value, inFlow);
}

function isCdkOutput(uri: string | undefined): boolean {
  return uri !== undefined && /(^|[/\\])cdk\.out[/\\]/.test(decodeURIComponent(uri));
}

export function readCloudFormationFile(text: string, options: TemplateOptions = {}): ParsedFile {
  const source = new SourceText(text);
  const cdkOutput = isCdkOutput(options.uri);
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return {
      source,
      format: 'cloudformation',
      recognised: true,
      definitions: [],
      syntaxErrors: [],
      skipped: { reason: `the file is larger than ${MAX_DOCUMENT_LENGTH / 1024 / 1024} MB` },
      spelling: yamlSpelling,
      editor: templateEditor(yamlEditor(source, true), readTemplate(undefined, { text })),
    };
  }
  if (isJson(text)) {
    const parsed = parseDocument(text, { allowContainerArray: false });
    const read = readTemplate(parsed.root, { text, cdkOutput });
    return {
      source: parsed.source,
      format: 'cloudformation',
      recognised: read.hasTaskDefinition,
      notRecognised: read.hasTaskDefinition ? undefined : notRecognised(parsed.root !== undefined),
      definitions: parsed.skipped ? [] : read.definitions,
      syntaxErrors: jsonSyntaxProblems(parsed.syntaxErrors),
      skipped: parsed.skipped,
      spelling: jsonTemplateSpelling,
      editor: templateEditor(jsonEditor(parsed.source), read),
    };
  }
  const tree = readYamlTemplate(text, options.uri);
  const read = readTemplate(tree.root, { text, opaque: tree.opaque, cdkOutput });
  const recognised =
    read.hasTaskDefinition || (tree.tooDeep === true && mentionsTaskDefinition(text));
  return {
    source,
    format: 'cloudformation',
    recognised,
    notRecognised: recognised ? undefined : notRecognised(tree.root !== undefined),
    // A task definition whose text YAML cannot read is not checked until it can: what the parser
    // recovers of broken YAML (a half-typed key, a template's Jinja lines) would give findings about
    // containers that are not what the user wrote. Its text runs to the next resource (a line that
    // breaks out of the mapping ends the resource early). The syntax errors say what is wrong.
    definitions: read.definitions.filter((d) => {
      const end = read.extents.get(d) ?? Infinity;
      return !tree.syntaxErrors.some((e) => e.offset + e.length >= d.span.offset && e.offset < end);
    }),
    syntaxErrors: tree.syntaxErrors,
    skipped: tree.tooDeep
      ? { reason: `the YAML nests deeper than ${MAX_YAML_DEPTH} levels` }
      : undefined,
    spelling: yamlSpelling,
    editor: templateEditor(yamlEditor(source, tree.syntaxErrors.length > 0), read),
  };
}

function notRecognised(parsed: boolean): string {
  return parsed
    ? 'not a CloudFormation template with an AWS::ECS::TaskDefinition resource'
    : 'not valid YAML or JSON';
}

function mentionsTaskDefinition(text: string): boolean {
  return text.slice(0, 1_000_000).includes('AWS::ECS::TaskDefinition');
}
