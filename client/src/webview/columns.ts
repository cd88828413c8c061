/**
 * Which column each container is drawn in. Containers that start together share a column: column
 * `phase` for every container the engine gave a phase. Containers that never start (phase -1: on a
 * dependency cycle, or waiting on one) go to the right of the last phase: the members of one cycle
 * share a column, and a container waiting on a cycle sits one column further right. Pure.
 */
import type { StartOrderGraph } from '../../../server/src/engine/types';

export interface ColumnInfo {
  index: number;
  /** The start phase (0-based) shown in the column, or undefined for a "never starts" column. */
  phase: number | undefined;
}

export interface ColumnAssignment {
  columnOf: Map<string, number>;
  columns: ColumnInfo[];
  /** Node ids that share a column with another node they are connected to (a cycle). */
  groupOf: Map<string, number>;
}

export function assignColumns(graph: StartOrderGraph): ColumnAssignment {
  const columnOf = new Map<string, number>();
  const groupOf = new Map<string, number>();
  let phaseCount = 0;
  for (const n of graph.nodes) if (n.phase >= 0) phaseCount = Math.max(phaseCount, n.phase + 1);
  for (const n of graph.nodes) if (n.phase >= 0) columnOf.set(n.id, n.phase);
  const columns: ColumnInfo[] = Array.from({ length: phaseCount }, (_, i) => ({ index: i, phase: i }));

  const blocked = graph.nodes.filter((n) => n.phase < 0).map((n) => n.id);
  if (blocked.length === 0) return { columnOf, columns, groupOf };

  const blockedSet = new Set(blocked);
  const successors = new Map<string, string[]>(blocked.map((id) => [id, []]));
  for (const e of graph.edges) {
    if (blockedSet.has(e.from) && blockedSet.has(e.to)) successors.get(e.from)!.push(e.to);
  }
  const components = stronglyConnected(blocked, successors);
  const componentOf = new Map<string, number>();
  components.forEach((members, i) => members.forEach((id) => componentOf.set(id, i)));

  // Longest path over the condensation (components come out of Tarjan in reverse topological order).
  const depth = new Array<number>(components.length).fill(0);
  for (let i = components.length - 1; i >= 0; i--) {
    for (const id of components[i]!) {
      for (const next of successors.get(id)!) {
        const j = componentOf.get(next)!;
        if (j !== i) depth[j] = Math.max(depth[j]!, depth[i]! + 1);
      }
    }
  }
  let blockedColumns = 0;
  components.forEach((members, i) => {
    const column = phaseCount + depth[i]!;
    blockedColumns = Math.max(blockedColumns, depth[i]! + 1);
    for (const id of members) {
      columnOf.set(id, column);
      if (members.length > 1 || successors.get(id)!.includes(id)) groupOf.set(id, i);
    }
  });
  for (let i = 0; i < blockedColumns; i++) columns.push({ index: phaseCount + i, phase: undefined });
  return { columnOf, columns, groupOf };
}

/** Tarjan's algorithm, iterative (a forged graph must not overflow the stack). */
export function stronglyConnected(ids: string[], successors: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = successors.get(frame.id) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        result.push(component);
      }
    }
  }
  return result;
}
