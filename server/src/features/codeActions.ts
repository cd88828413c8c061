/**
 * Code actions: the engine's fixes for the diagnostics the client sends back (matched by code and
 * range) as quick fixes, and `source.fixAll.ecsInitOrder`, which applies every safe, preferred fix
 * as one minimal edit (the changed region between the common prefix and suffix of the texts).
 */
import {
  type CodeAction,
  type CodeActionContext,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { type Analysis, type AnalysisOptions, type Finding, fixAll } from '../engine/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { rangeOf } from './located';

/** Our fix-all kind, so that `"editor.codeActionsOnSave": {"source.fixAll.ecsInitOrder": "explicit"}` runs only it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ecsInitOrder`;

export interface CodeActionOptions {
  uri: string;
  version: number;
  /** The client applies `documentChanges` (versioned edits); else `changes` is used. */
  documentChanges: boolean;
  /** The options the document was analysed with (fix-all re-analyses after each round). */
  analysisOptions: AnalysisOptions;
  /**
   * The editor validates this document with our JSON schema, so schema-covered findings were not
   * published: their fixes are offered for the requested range (where the schema's diagnostic is).
   */
  schemaValidated?: boolean;
  /** The range the client asks actions for. */
  range?: Range;
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) =>
    p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Does an action of `kind` answer a request restricted to `only` (kinds are dot-separated hierarchies)? */
export function kindRequested(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function workspaceEdit(
  uri: string,
  version: number,
  edits: TextEdit[],
  documentChanges: boolean,
): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
    : { changes: { [uri]: edits } };
}

/** The finding a client diagnostic stands for: ours, same code, same range. */
function findingFor(findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return findings.find(
    (f) => f.code === String(diagnostic.code) && sameRange(f.range, diagnostic.range),
  );
}

export function codeActions(
  analysis: Analysis,
  context: CodeActionContext,
  options: CodeActionOptions,
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (kindRequested(CodeActionKind.QuickFix, context.only)) {
    for (const diagnostic of context.diagnostics) {
      const finding = findingFor(analysis.findings, diagnostic);
      for (const fix of finding?.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred,
          diagnostics: [diagnostic],
          edit: workspaceEdit(options.uri, options.version, fix.edits, options.documentChanges),
        });
      }
    }
  }
  if (
    kindRequested(CodeActionKind.QuickFix, context.only) &&
    options.schemaValidated &&
    options.range
  ) {
    for (const finding of analysis.findings) {
      if (!finding.schemaCovered || !intersects(finding.range, options.range)) continue;
      const shown = context.diagnostics.filter((d) => intersects(d.range, finding.range));
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred,
          ...(shown.length > 0 ? { diagnostics: shown } : {}),
          edit: workspaceEdit(options.uri, options.version, fix.edits, options.documentChanges),
        });
      }
    }
  }
  if (kindRequested(FIX_ALL_KIND, context.only)) {
    const fixAll = fixAllAction(analysis, options);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** The fix-all action, or undefined when it would change nothing. */
export function fixAllAction(
  analysis: Analysis,
  options: CodeActionOptions,
): CodeAction | undefined {
  if (
    !analysis.model ||
    !analysis.findings.some((f) => f.fixes.some((x) => x.safe && x.isPreferred))
  )
    return undefined;
  const before = analysis.source.text;
  const after = fixAll(before, options.analysisOptions).text;
  const edit = minimalEdit(analysis, before, after);
  if (!edit) return undefined;
  return {
    title: 'Fix all safe ECS Init Order problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(options.uri, options.version, [edit], options.documentChanges),
  };
}

/** One edit replacing only what differs between the two texts (undefined when they are equal). */
export function minimalEdit(
  analysis: Analysis,
  before: string,
  after: string,
): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  // Never split a \r\n pair or a surrogate pair between the kept and the replaced text.
  while (
    start > 0 &&
    (isLow(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))
  )
    start--;
  while (
    endBefore < before.length &&
    endAfter < after.length &&
    (isLow(before.charCodeAt(endBefore)) ||
      (before[endBefore - 1] === '\r' && before[endBefore] === '\n'))
  ) {
    endBefore++;
    endAfter++;
  }
  return {
    range: rangeOf(analysis.source, start, endBefore),
    newText: after.slice(start, endAfter),
  };
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
