/**
 * Public types of the engine. Everything here is plain data (JSON-serialisable) so that the
 * language server, the CLI, the graph webview and the tests can share it without a transport.
 * Positions are LSP positions: 0-based line and UTF-16 character.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 code units in the document text. */
export interface Span {
  offset: number;
  length: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

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

/** How a container waits for another before it starts. */
export type Condition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

/** Why an edge exists: an explicit dependsOn entry, or an order ECS adds on its own. */
export type EdgeReason = 'dependsOn' | 'links' | 'volumesFrom' | 'firelens';

export interface GraphNode {
  /** Stable key: the container name, or `#<index>` for a container without a usable name. */
  id: string;
  name: string;
  index: number;
  image?: string;
  essential: boolean;
  /** True when `essential` is written in the file; false when it is the default (true). */
  essentialExplicit: boolean;
  /** The engine's judgement that this is a one-shot setup container (init, migrate, ...). */
  isInit: boolean;
  hasHealthCheck: boolean;
  isLogRouter: boolean;
  /** 0-based start phase; -1 when the container is part of (or waits on) a dependency cycle. */
  phase: number;
  /** ids of the containers this one waits for / that wait for this one. */
  waitsFor: string[];
  waitedBy: string[];
  /** Range of the container's `name` value (or of its object when it has no name). */
  range: Range;
  /** Findings that concern this container, for the badges. */
  problems: { code: string; severity: Severity; message: string }[];
}

export interface GraphEdge {
  id: string;
  /** The container that must reach `condition` first (the dependency). */
  from: string;
  /** The container that waits (the one that declares dependsOn). */
  to: string;
  condition: Condition | string;
  reason: EdgeReason;
  implicit: boolean;
  inCycle: boolean;
  /** The dependsOn entry (or links/volumesFrom/logConfiguration value) that creates the edge. */
  range: Range;
}

export interface StartOrderGraph {
  /** Document URI or path as given to the engine; the webview echoes it back. */
  uri: string;
  family?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Container ids per start phase, phase 0 first. Cycle members are in no phase. */
  phases: string[][];
  /** Each cycle as the ordered list of container ids on it. */
  cycles: string[][];
  /** Plain sentences telling how the task starts and what goes wrong, in order. */
  story: string[];
}
