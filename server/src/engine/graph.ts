/**
 * The public start-order graph (plain data for the webview, hovers and code lenses) and the plain
 * story of how the task starts.
 */
import { edgeReached } from '../../../shared/src/graph';
import { displayName, type ContainerModel, type TaskModel } from './model';
import { isLogRouter } from './roles';
import { startTimeoutOf } from './simulate/plan';
import type { StartEdge, StartOrder } from './startOrder';
import type { Finding, GraphEdge, GraphNode, StartOrderGraph } from './types';

export function buildGraph(
  model: TaskModel,
  order: StartOrder,
  inits: Set<ContainerModel>,
  findings: Finding[],
  uri: string,
): StartOrderGraph {
  const source = model.source;
  const problemsOf = new Map<string, GraphNode['problems']>();
  for (const f of findings) {
    if (f.container === undefined) continue;
    const list = problemsOf.get(f.container) ?? [];
    list.push({ code: f.code, severity: f.severity, message: f.message });
    problemsOf.set(f.container, list);
  }
  const nodes: GraphNode[] = model.containers.map((c) => ({
    id: c.id,
    name: displayName(c),
    index: c.index,
    image: c.image?.value,
    essential: c.essential,
    essentialExplicit: c.essentialNode !== undefined,
    isInit: inits.has(c),
    hasHealthCheck: c.healthCheckNode !== undefined,
    startTimeout: startTimeoutOf(c),
    isLogRouter: isLogRouter(c),
    phase: order.phase.get(c) ?? -1,
    waitsFor: order.waitsFor.get(c)!.map((e) => e.from.id),
    waitedBy: order.waitedBy.get(c)!.map((e) => e.to.id),
    range: source.range((c.nameNode ?? c.node).offset, (c.nameNode ?? c.node).length),
    problems:
      (c.name?.value !== undefined && c.id === c.name.value
        ? problemsOf.get(c.name.value)
        : undefined) ?? [],
  }));
  const edges: GraphEdge[] = order.edges.map((e, i) => ({
    id: `e${i}`,
    from: e.from.id,
    to: e.to.id,
    condition: e.condition,
    reason: e.reason,
    implicit: e.implicit,
    inCycle: order.cycleEdges.has(e),
    range: source.range(e.node.offset, e.node.length),
  }));
  const phases: string[][] = [];
  for (const n of nodes) {
    if (n.phase < 0) continue;
    while (phases.length <= n.phase) phases.push([]);
    phases[n.phase]!.push(n.id);
  }
  return {
    uri,
    family: model.family?.value,
    nodes,
    edges,
    phases,
    cycles: order.cycles.map((cycle) => cycle.map((c) => c.id)),
    story: startStory(model, order, inits),
  };
}

function waitPhrase(e: StartEdge): string {
  const name = displayName(e.from);
  const reached = edgeReached(e.condition);
  const phrase = reached ? `${name} ${reached}` : `${name} reaches "${e.condition}"`;
  const why =
    e.reason === 'dependsOn'
      ? ''
      : e.reason === 'firelens'
        ? ' (implicit: FireLens log router)'
        : ` (implicit: ${e.reason})`;
  return phrase + why;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Sentences, in start order, then what goes wrong. */
export function startStory(
  model: TaskModel,
  order: StartOrder,
  inits: Set<ContainerModel>,
): string[] {
  const story: string[] = [];
  const containers = model.containers;
  if (containers.length === 0) return ['The task defines no containers yet.'];
  const first = containers.filter((c) => order.phase.get(c) === 0);
  if (first.length > 0) {
    const names = list(first.map(displayName));
    const initFirst = first.filter((c) => inits.has(c));
    if (first.length === 1) story.push(`${names} starts first.`);
    else
      story.push(
        `${names} start together: nothing orders them (ECS does not document array order as start order).`,
      );
    for (const c of initFirst) {
      if (order.waitedBy.get(c)!.length > 0) {
        const cond = order.waitedBy.get(c)!.map((e) => e.condition);
        story.push(
          cond.includes('SUCCESS')
            ? `${displayName(c)} runs first and must exit 0.`
            : `${displayName(c)} runs first and must exit.`,
        );
      }
    }
  }
  const byPhase = [...containers]
    .filter((c) => (order.phase.get(c) ?? -1) > 0)
    .sort((a, b) => order.phase.get(a)! - order.phase.get(b)! || a.index - b.index);
  for (const c of byPhase) {
    story.push(
      `Then ${displayName(c)} starts, once ${list(order.waitsFor.get(c)!.map(waitPhrase))}.`,
    );
  }
  for (const cycle of order.cycles) {
    const names = cycle.map(displayName);
    story.push(
      `${list(names)} wait for each other (${[...names, names[0]].join(' → ')}): none of them can start, so the task never starts.`,
    );
  }
  const behindCycle = containers.filter(
    (c) => order.phase.get(c) === -1 && !order.cycles.some((cy) => cy.includes(c)),
  );
  if (behindCycle.length > 0)
    story.push(
      `${list(behindCycle.map(displayName))} wait${behindCycle.length === 1 ? 's' : ''} on the cycle and never start${behindCycle.length === 1 ? 's' : ''}.`,
    );
  for (const c of containers) {
    if (
      inits.has(c) &&
      c.essential &&
      containers.some((o) => o !== c && o.essential && !inits.has(o))
    ) {
      story.push(
        `${displayName(c)} is essential: when it exits, even with code 0, the task stops.`,
      );
    }
    if (inits.has(c) && order.waitedBy.get(c)!.length === 0 && containers.length > 1) {
      story.push(
        `Nothing waits for ${displayName(c)}: the other containers may start before it has finished.`,
      );
    }
  }
  return story;
}
