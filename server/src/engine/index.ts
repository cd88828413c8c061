/**
 * The engine's public surface: a pure, transport-free language module. The language server, its
 * features, the CLI, the benchmarks and the tests all call this; nothing here imports vscode or an
 * LSP library. Code outside the engine imports only this file (ESLint enforces it).
 */
export {
  analyze,
  ANALYSIS_SKIPPED,
  toTextEdits,
  type Analysis,
  type DefinitionAnalysis,
  type AnalysisOptions,
  type RuleFailure,
  type SeverityOverride,
} from './analyze';
export { fixAll, applyTextEdits, safeFixesOf, type FixAllResult } from './fixAll';
export { JSON_SYNTAX } from './formats/json/syntax';
export { YAML_SYNTAX } from './formats/cloudformation/yamlTree';
export { templateScalar } from './formats/cloudformation/index';
export {
  HCL_SYNTAX,
  loadTerraformParser,
  terraformParserLoaded,
  type TerraformWasm,
} from './formats/terraform/index';
export { forgetDocument, readFile, syntaxFindings, type ReadOptions } from './files';
export {
  parseDocument,
  MAX_DOCUMENT_LENGTH,
  MAX_NESTING_DEPTH,
  type ParsedDocument,
} from './formats/json/parse';
export type {
  DocumentKind,
  Editor,
  FormatId,
  OffsetEdit,
  ParsedFile,
  Spelling,
  SyntaxProblem,
  TaskDefinitionInput,
} from './input';
export { allRules, ruleById } from './rules/index';
export { ruleDocUrl } from './rules/rule';
export type { Rule } from './rules/rule';
export { displayName, type TaskModel, type ContainerModel, type DependencyModel } from './model';
export { initContainers, isLogRouter, nonShellEntrypoint } from './roles';
export type { StartEdge, StartOrder } from './startOrder';
export { simulate, whatIfFails } from './simulate/index';
export { keyOf, properties, type Node } from './json';
export {
  applyOffsetEdits,
  commaBetween,
  detectStyle,
  mergeSamePoint,
  parsesAsWell,
  type FormatStyle,
} from './formats/json/edits';
export { addDependsOnEntry, addMountPoint, addTaskVolume } from './taskEdits';
export { SourceText } from './text';
export {
  containsPlaceholder,
  isImagePlaceholder,
  EMBEDDED_PLACEHOLDER_PATTERN,
  isPlaceholder,
  WHOLE_PLACEHOLDER_PATTERN,
} from './placeholders';
export * from './fields/index';
export * from './types';
