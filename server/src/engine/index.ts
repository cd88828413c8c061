/**
 * The engine's public surface: a pure, transport-free language module. The language server, the
 * CLI, the benchmarks and the tests all call this; nothing here imports vscode or an LSP library.
 */
export { analyze, ANALYSIS_SKIPPED, toTextEdits, type Analysis, type AnalysisOptions, type SeverityOverride } from './analyze';
export { fixAll, applyTextEdits, safeFixesOf, type FixAllResult } from './fixAll';
export { syntaxFindings, JSON_SYNTAX } from './syntax';
export { parseDocument, MAX_DOCUMENT_LENGTH, MAX_NESTING_DEPTH, type ParsedDocument, type DocumentKind } from './parse';
export { allRules, ruleById } from './rules/index';
export { ruleDocUrl } from './rules/rule';
export type { Rule } from './rules/rule';
export type { TaskModel, ContainerModel } from './model';
export { SourceText } from './text';
export * from './types';
