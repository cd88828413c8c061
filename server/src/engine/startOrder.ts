/**
 * The start-order graph: containers as nodes, explicit `dependsOn` and the implicit order ECS adds
 * (links, volumesFrom, FireLens) as edges; start phases by longest path; cycles by Tarjan's SCC.
 * Linear in containers + edges.
 */
import type { Node } from './json';
import { waits, type ContainerModel, type DependencyModel, type TaskModel } from './model';
import { isLogRouter } from './roles';
import type { EdgeReason } from './types';

export interface StartEdge {
  /** The container that must reach `condition` first. */
  from: ContainerModel;
  /** The container that waits. */
  to: ContainerModel;
  condition: string;
  reason: EdgeReason;
  implicit: boolean;
  /** The syntax node that creates the edge (dependsOn entry, links element, volumesFrom entry, logDriver value). */
  node: Node;
  dependency?: DependencyModel;
}

export interface StartOrder {
  edges: StartEdge[];
  waitsFor: Map<ContainerModel, StartEdge[]>;
  waitedBy: Map<ContainerModel, StartEdge[]>;
  /** 0-based phase; -1 for containers in or behind a cycle. */
  phase: Map<ContainerModel, number>;
  /** Each strongly connected component with more than one container, members in a cycle order. */
  cycles: ContainerModel[][];
  cycleEdges: Set<StartEdge>;
}

export function buildStartOrder(model: TaskModel): StartOrder {
  const edges: StartEdge[] = [];
  // Pairs joined by an explicit dependsOn, in either direction (they replace the FireLens default),
  // and the explicit edges themselves (an implicit edge in the same direction adds nothing).
  const explicitPairs = new Set<string>();
  const explicitEdges = new Set<string>();
  const key = (a: ContainerModel, b: ContainerModel) => `${a.index}>${b.index}`;

  for (const { container: c, dep, target } of waits(model)) {
    edges.push({
      from: target,
      to: c,
      condition: dep.condition?.value ?? 'START',
      reason: 'dependsOn',
      implicit: false,
      node: dep.node,
      dependency: dep,
    });
    explicitPairs.add(key(target, c));
    explicitPairs.add(key(c, target));
    explicitEdges.add(key(target, c));
  }
  // links and volumesFrom order the containers whatever dependsOn says (the ECS agent adds them as
  // dependencies of their own, initializeContainerOrdering in task.go), so only an explicit edge in
  // the same direction makes them redundant; a dependsOn the other way round is a real cycle. A link
  // waits for the other container to start (START); volumesFrom only for its source to be created
  // (the agent's own CREATE condition), since Docker needs the source container, not its process.
  for (const c of model.containers) {
    for (const link of c.links) {
      const target = model.byName.get(link.target);
      if (target && target !== c && !explicitEdges.has(key(target, c))) {
        edges.push({
          from: target,
          to: c,
          condition: 'START',
          reason: 'links',
          implicit: true,
          node: link.node,
        });
      }
    }
    for (const v of c.volumesFrom) {
      const target = v.sourceContainer ? model.byName.get(v.sourceContainer.value) : undefined;
      if (target && target !== c && !explicitEdges.has(key(target, c))) {
        edges.push({
          from: target,
          to: c,
          condition: 'CREATE',
          reason: 'volumesFrom',
          implicit: true,
          node: v.node,
        });
      }
    }
  }
  // FireLens: the log router starts before every container that logs through it, unless an
  // explicit dependsOn between the two replaces that default (AWS, "using_firelens"). The ECS agent
  // also adds none at all when the router itself waits for a container (addFirelensContainerDependency
  // in amazon-ecs-agent's task.go: "to be safe ... circular dependency"), so such a router gets no
  // edges. Its links and volumesFrom count as waiting too: the agent has already turned them into
  // dependencies of the router (initializeContainerOrdering runs first) when it asks.
  const routers = model.containers.filter(
    (r) =>
      isLogRouter(r) &&
      !r.dependsOn.some((d) => d.containerName?.value) &&
      r.links.length === 0 &&
      !r.volumesFrom.some((v) => v.sourceContainer?.value),
  );
  if (routers.length > 0) {
    for (const c of model.containers) {
      if (c.logDriver?.value !== 'awsfirelens' || isLogRouter(c)) continue;
      for (const router of routers) {
        if (!explicitPairs.has(key(router, c))) {
          edges.push({
            from: router,
            to: c,
            condition: 'START',
            reason: 'firelens',
            implicit: true,
            node: c.logDriver.node,
          });
        }
      }
    }
  }
  // Implicit edges can repeat (links and volumesFrom to the same container): keep the first, the
  // link's START, which includes volumesFrom's CREATE.
  const seen = new Set<string>();
  const unique = edges.filter((e) => {
    const k = `${key(e.from, e.to)}:${e.implicit ? 'i' : e.node.offset}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  const waitsFor = new Map<ContainerModel, StartEdge[]>();
  const waitedBy = new Map<ContainerModel, StartEdge[]>();
  for (const c of model.containers) {
    waitsFor.set(c, []);
    waitedBy.set(c, []);
  }
  for (const e of unique) {
    waitsFor.get(e.to)!.push(e);
    waitedBy.get(e.from)!.push(e);
  }

  const sccs = stronglyConnected(model.containers, waitedBy);
  const cycles = sccs.filter((scc) => scc.length > 1).map((scc) => orderCycle(scc, waitedBy));
  // There are no edges from a container to itself, so an edge inside one component is on a cycle.
  const component = new Map<ContainerModel, number>();
  sccs.forEach((scc, i) => scc.forEach((c) => component.set(c, i)));
  const cycleEdges = new Set(unique.filter((e) => component.get(e.from) === component.get(e.to)));
  const phase = computePhases(model.containers, waitsFor, waitedBy);
  return { edges: unique, waitsFor, waitedBy, phase, cycles, cycleEdges };
}

/**
 * Longest-path layering (Kahn's order): a container is laid out once everything it waits for is.
 * Members of a cycle wait for each other, so neither they nor what waits for them ever are: -1.
 */
function computePhases(
  containers: ContainerModel[],
  waitsFor: Map<ContainerModel, StartEdge[]>,
  waitedBy: Map<ContainerModel, StartEdge[]>,
): Map<ContainerModel, number> {
  const phase = new Map<ContainerModel, number>();
  const pending = new Map<ContainerModel, number>();
  const queue: ContainerModel[] = [];
  for (const c of containers) {
    pending.set(c, waitsFor.get(c)!.length);
    if (waitsFor.get(c)!.length === 0) {
      phase.set(c, 0);
      queue.push(c);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i]!;
    for (const e of waitedBy.get(c)!) {
      const next = e.to;
      phase.set(next, Math.max(phase.get(next) ?? 0, phase.get(c)! + 1));
      const left = pending.get(next)! - 1;
      pending.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  for (const c of containers) if (pending.get(c)! > 0) phase.set(c, -1);
  return phase;
}

/** An edge as the graph algorithms below need it: where it leads. */
interface Successor {
  to: ContainerModel;
}

/** Tarjan's algorithm, iterative (no recursion depth limit). */
export function stronglyConnected(
  nodes: ContainerModel[],
  succ: Map<ContainerModel, readonly Successor[]>,
): ContainerModel[][] {
  let index = 0;
  const idx = new Map<ContainerModel, number>();
  const low = new Map<ContainerModel, number>();
  const onStack = new Set<ContainerModel>();
  const stack: ContainerModel[] = [];
  const out: ContainerModel[][] = [];
  for (const start of nodes) {
    if (idx.has(start)) continue;
    const work: { node: ContainerModel; i: number }[] = [{ node: start, i: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = succ.get(frame.node)!;
      if (frame.i < edges.length) {
        const next = edges[frame.i++]!.to;
        if (!idx.has(next)) {
          idx.set(next, index);
          low.set(next, index++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, i: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, idx.get(next)!));
        }
      } else {
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1]!.node;
          low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
        }
        if (low.get(frame.node) === idx.get(frame.node)) {
          const scc: ContainerModel[] = [];
          let m: ContainerModel;
          do {
            m = stack.pop()!;
            onStack.delete(m);
            scc.push(m);
          } while (m !== frame.node);
          out.push(scc);
        }
      }
    }
  }
  return out;
}

/** Order an SCC's members along one cycle through them (a walk inside the SCC), in dependency direction. */
export function orderCycle(
  scc: ContainerModel[],
  succ: Map<ContainerModel, readonly Successor[]>,
): ContainerModel[] {
  const members = new Set(scc);
  const start = scc.reduce((a, b) => (a.index <= b.index ? a : b));
  const order: ContainerModel[] = [start];
  const visited = new Set([start]);
  let current = start;
  for (;;) {
    const next = succ
      .get(current)!
      .map((e) => e.to)
      .find((n) => members.has(n) && !visited.has(n));
    if (!next) break;
    order.push(next);
    visited.add(next);
    current = next;
  }
  for (const c of scc) if (!visited.has(c)) order.push(c);
  return order;
}
