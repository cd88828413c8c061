/**
 * Public types of the engine: findings, fixes and edits, all plain data (JSON-serialisable). The
 * graph, the start simulation, positions and severities are shared with the client and the
 * webview, so they live in the shared folder; they are re-exported here so that engine code has one
 * place to import types from.
 */
import type { Range, Severity } from '../../../shared/src/graph';

export type * from '../../../shared/src/graph';
export type * from '../../../shared/src/simulation';

/** A half-open span of UTF-16 code units in the document text. */
export interface Span {
  offset: number;
  length: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** The fix that is clearly right for this finding (VS Code shows it first, fix-all applies it). */
  isPreferred: boolean;
  /**
   * Safe fixes need no value from the user (no ARN, no secret) and never remove a user's value;
   * `ecs-init-order lint --fix` and `source.fixAll.ecsInitOrder` apply only these.
   */
  safe: boolean;
  edits: TextEdit[];
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedInformation[];
  fixes: Fix[];
  tags: DiagnosticTag[];
  /** Name of the container the finding is about, when there is one (the graph badges use it). */
  container?: string;
  /**
   * The bundled JSON schema reports the same problem (an enum value, a range, a required field).
   * Where the editor validates the file against that schema, the language server does not publish
   * this finding a second time, but still offers its fixes.
   */
  schemaCovered?: true;
}
