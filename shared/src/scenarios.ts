/**
 * The scenarios the graph webview's timeline offers: "everything succeeds", and for the containers
 * where it makes sense, "this init container fails", "this container is slower than its
 * startTimeout" and "this container never becomes healthy". The webview lists them; the extension
 * checks a scenario the webview asks for against the graph it has and turns it into the
 * simulator's overrides. Pure: no DOM, no vscode.
 */
import type { GraphNode, StartOrderGraph } from './graph';
import { isRecord, isText } from './graphShape';
import type { ScenarioOverrides } from './simulation';

/** A scenario about one container: it fails, it is slow, or it never turns healthy. */
export type ScenarioKind = 'fails' | 'slower' | 'neverHealthy';

export type Scenario = { kind: 'succeeds' } | { kind: ScenarioKind; container: string };

export const SUCCEEDS: Scenario = { kind: 'succeeds' };

/** The exit code of an init container that fails. */
export const FAILING_EXIT_CODE = 1;

const KINDS: readonly ScenarioKind[] = ['fails', 'slower', 'neverHealthy'];

/** How long a slow container runs: twice its startTimeout, well past it but on the same scale. */
export function slowRuntime(startTimeout: number): number {
  return 2 * startTimeout;
}

/**
 * Whether a scenario makes sense for a container: "fails" for an init container; "slower" for a
 * container with a startTimeout that another waits for to exit (SUCCESS or COMPLETE: the limit
 * does not apply to START, and a container waited for with HEALTHY is slow to turn healthy, which
 * "never becomes healthy" shows); "never healthy" for a container with a health check.
 */
export function offers(graph: StartOrderGraph, node: GraphNode, kind: ScenarioKind): boolean {
  switch (kind) {
    case 'fails':
      return node.isInit;
    case 'slower':
      return (
        node.startTimeout !== undefined &&
        Number.isFinite(slowRuntime(node.startTimeout)) &&
        graph.edges.some(
          (e) =>
            e.from === node.id &&
            e.to !== node.id &&
            (e.condition === 'SUCCESS' || e.condition === 'COMPLETE'),
        )
      );
    case 'neverHealthy':
      return node.hasHealthCheck;
  }
}

/** Every scenario the graph allows: everything succeeds first, then by kind, in container order. */
export function scenarioChoices(graph: StartOrderGraph): Scenario[] {
  const choices: Scenario[] = [SUCCEEDS];
  for (const kind of KINDS)
    for (const node of graph.nodes)
      if (offers(graph, node, kind)) choices.push({ kind, container: node.id });
  return choices;
}

export function sameScenario(a: Scenario, b: Scenario): boolean {
  if (a.kind === 'succeeds' || b.kind === 'succeeds') return a.kind === b.kind;
  return a.kind === b.kind && a.container === b.container;
}

/** True when the graph has the scenario's container and the scenario makes sense for it. */
export function scenarioApplies(graph: StartOrderGraph, scenario: Scenario): boolean {
  if (scenario.kind === 'succeeds') return true;
  const node = graph.nodes.find((n) => n.id === scenario.container);
  return node !== undefined && offers(graph, node, scenario.kind);
}

/** The simulator's overrides for a scenario that applies to the graph (none otherwise). */
export function scenarioOverrides(graph: StartOrderGraph, scenario: Scenario): ScenarioOverrides {
  if (scenario.kind === 'succeeds' || !scenarioApplies(graph, scenario)) return {};
  const node = graph.nodes.find((n) => n.id === scenario.container)!;
  const override =
    scenario.kind === 'fails'
      ? { exitCode: FAILING_EXIT_CODE }
      : scenario.kind === 'slower'
        ? { runtime: slowRuntime(node.startTimeout!) }
        : { neverHealthy: true };
  const overrides: ScenarioOverrides = {};
  // A container may be called "__proto__": define the key rather than assign it.
  Object.defineProperty(overrides, node.id, { value: override, enumerable: true, writable: true });
  return overrides;
}

/** A scenario in exactly its shape (from the webview, or its saved state); a copy of it. */
export function parseScenario(value: unknown): Scenario | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (value.kind === 'succeeds') return keys.length === 1 ? { kind: 'succeeds' } : undefined;
  const kind = KINDS.find((k) => k === value.kind);
  if (
    kind === undefined ||
    keys.length !== 2 ||
    !keys.includes('container') ||
    !isText(value.container) ||
    value.container === ''
  )
    return undefined;
  return { kind, container: value.container };
}
