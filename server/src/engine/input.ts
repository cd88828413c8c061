/**
 * What every input format hands the engine. A file (a task-definition JSON file, a CloudFormation
 * template, a Terraform file) holds zero or more task definitions; each comes as a located tree in
 * the shape jsonc-parser builds, with keys in the names register-task-definition uses and offsets
 * into the file's own text. With it come how the file spells a field (for messages) and how to edit
 * the file (for fixes). Rules and features work on this alone: they never know which format they read.
 */
import type { Node } from './json';
import type { SourceText } from './text';
import type { Span } from './types';

export type FormatId = 'json' | 'cloudformation' | 'terraform';

/**
 * What a task definition's tree is: a task definition, describe-task-definition output (the task
 * under `taskDefinition`), or a bare array of container definitions (Terraform `container_definitions`).
 */
export type DocumentKind = 'task' | 'describe' | 'container-array';

/** A syntax error of the file's own language, in plain words. */
export interface SyntaxProblem {
  /** The finding code: `json-syntax`, `yaml-syntax`, … */
  code: string;
  offset: number;
  length: number;
  message: string;
}

export interface TaskDefinitionInput {
  kind: DocumentKind;
  root: Node;
  /** The object with the task-level fields; undefined for a bare container array. */
  taskNode?: Node;
  /** The array of container definitions. */
  containersNode?: Node;
  /**
   * The name of the resource that holds it, in a format where a file can hold several: a
   * CloudFormation logical ID, a Terraform resource address. Messages name it when there are several.
   */
  name?: string;
  /** Where that name is written: the outline, code lenses and the graph's choice point at it. */
  nameSpan?: Span;
  /** The text that belongs to this task definition: the one under the cursor is found by it. */
  span: Span;
  /**
   * Task fields the format fills in when the file leaves them out, so that no rule calls them
   * missing: CloudFormation names the family after the stack and the resource.
   */
  suppliedByFormat?: readonly string[];
  /**
   * Set where the container definitions reach ECS through Terraform's provider (a resource's
   * `container_definitions`), which drops a key it does not know without a word.
   */
  containersThroughTerraform?: true;
  /** CDK's construct path (`Metadata["aws:cdk:path"]`), for templates `cdk synth` wrote. */
  constructPath?: string;
  /**
   * Set when the file is generated and must not be edited by fixes (`cdk synth` output): says where
   * to make the change instead.
   */
  generated?: string;
}

/** How a file spells a field, so that messages use the user's own words. */
export interface Spelling {
  /** A field's name as the file writes it: `taskRoleArn`, `TaskRoleArn`, `task_role_arn`. */
  key(field: string): string;
  /** A field set to a value as the file writes it: `"essential": true`, `Essential: true`. */
  pair(field: string, value: unknown): string;
  /**
   * A key of the tree that is no field of the format (a template reader keeps a property it does
   * not know under a marked name): the key as the file writes it, and how the format's own
   * validation rejects it, in its words. Undefined for a key the tree holds as the file writes it.
   */
  unknownKey?(key: string): { written: string; rejection: string } | undefined;
}

/**
 * An edit of the file's text by offsets. `invalid` marks an edit that cannot be made safely (an
 * object whose closing brace is not typed yet): the engine drops every fix that contains one.
 */
export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
  invalid?: true;
}

export interface InsertOptions {
  /** Insert after the first of these keys that exists (else at the end). */
  after?: string[];
}

/**
 * Fix edits in the file's own syntax and style. Keys and values are given in register-task-
 * definition's names and as plain JSON values; the editor writes them as the file spells them.
 * Each method touches only the value or property it names.
 */
export interface Editor {
  /** Insert `key: value` into an object that does not have `key`. */
  insertProperty(obj: Node, key: string, value: unknown, options?: InsertOptions): OffsetEdit[];
  /** Set `key` to `value`: replace the existing value, or insert the property. */
  setProperty(obj: Node, key: string, value: unknown, options?: InsertOptions): OffsetEdit[];
  /** Add `item` to the array property `key` (append, or create the property with a one-element array). */
  addToArrayProperty(obj: Node, key: string, item: unknown, options?: InsertOptions): OffsetEdit[];
  /** Append an element to an array. */
  appendToArray(arr: Node, value: unknown): OffsetEdit[];
  /** Remove a property with its separator (its line when it stands alone on it). */
  removeProperty(property: Node): OffsetEdit[];
  /** Remove several properties of one object (neighbours in one edit, never overlapping). */
  removeProperties(obj: Node, properties: Node[]): OffsetEdit[];
  /** Delete array elements [from, to) with their separators. */
  deleteArrayElements(arr: Node, from: number, to: number): OffsetEdit[];
  /** Replace a value (a scalar, or an array or object written anew) by `value`. */
  replaceValue(node: Node, value: unknown): OffsetEdit[];
  /** Give a property another key (`healthcheck` → `healthCheck`); its value stays as written. */
  renameProperty(property: Node, key: string): OffsetEdit[];
}

/** A file read by its format's reader. */
export interface ParsedFile {
  source: SourceText;
  format: FormatId;
  /**
   * The file is a task definition or a template of one, as far as its format can tell (a JSON
   * file with containerDefinitions, a template with an AWS::ECS::TaskDefinition), even where its
   * definitions cannot be read yet: only such files get findings.
   */
  recognised: boolean;
  /** Why the file is not recognised, in a few words for the CLI (`not valid JSON`). */
  notRecognised?: string;
  definitions: TaskDefinitionInput[];
  /** The whole file as one located tree, where the format reads it as one (JSON). */
  root?: Node;
  syntaxErrors: SyntaxProblem[];
  /** Why analysis was skipped (too large, nested too deep), when it was. */
  skipped?: { reason: string };
  spelling: Spelling;
  /** The editor for this file; undefined where fixes must not edit it (see generated). */
  editor: Editor;
}
