/**
 * The data that crosses from the language server to the client and on into the graph webview:
 * positions, severities and the start-order graph. Plain, JSON-serialisable types only; every side
 * imports them from here. Positions are LSP positions: 0-based line and UTF-16 character.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** How a container waits for another before it starts. */
export type Condition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

/**
 * What the container waited for has done once the condition holds, after its name ("init has
 * exited with code 0"): the start story and the graph's arrows say it so. What each condition
 * means and the constraints on it are the engine's (CONDITION_FACTS).
 */
export const CONDITION_REACHED: Readonly<Record<Condition, string>> = {
  START: 'has started',
  COMPLETE: 'has exited (any exit code)',
  SUCCESS: 'has exited with code 0',
  HEALTHY: 'reports healthy',
};

/**
 * The condition of a volumesFrom edge: the ECS agent's own create-time dependency (its
 * ContainerOrderingCreateCondition). The source container only has to be created, not started; a
 * task definition cannot write it in dependsOn.
 */
export const CREATE = 'CREATE';

/** What the container waited for has done once an edge's condition holds (CREATE included), if known. */
export function edgeReached(condition: string): string | undefined {
  if (condition === CREATE) return 'has been created';
  return Object.hasOwn(CONDITION_REACHED, condition)
    ? CONDITION_REACHED[condition as Condition]
    : undefined;
}

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
  /**
   * Seconds the agent lets a container waiting for this one (SUCCESS, COMPLETE or HEALTHY) wait,
   * counted from this one's start; absent when there is no limit.
   */
  startTimeout?: number;
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
