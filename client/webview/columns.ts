/**
 * Which column each container is drawn in. Containers that start together share a column: column
 * `phase` for every container the engine gave a phase. Containers that never start (phase -1: on a
 * dependency cycle, or waiting on one) go to the right of the last phase: the members of one cycle
 * share a column, and a container waiting on a cycle sits one column further right. Pure.
 */
import type { StartOrderGraph } from '../../shared/src/graph';

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
  const columns: ColumnInfo[] = Array.from({ length: phaseCount }, (_, i) => ({
    index: i,
    phase: i,
  }));

  const blocked = graph.nodes.filter((n) => n.phase < 0).map((n) => n.id);
  if (blocked.length === 0) return { columnOf, columns, groupOf };

  const blockedSet = new Set(blocked);
  const successors = new Map<string, string[]>(blocked.map((id) => [id, []]));
  for (const e of graph.edges) {
    if (blockedSet.has(e.from) && blockedSet.has(e.to)) successors.get(e.from)!.push(e.to);
  }
  // The engine already found the cycles: each is one component, every other blocked node its own.
  const components: string[][] = [];
  const componentOf = new Map<string, number>();
  for (const cycle of graph.cycles) {
    const members = cycle.filter((id) => blockedSet.has(id) && !componentOf.has(id));
    if (members.length === 0) continue;
    members.forEach((id) => componentOf.set(id, components.length));
    components.push(members);
  }
  for (const id of blocked) {
    if (componentOf.has(id)) continue;
    componentOf.set(id, components.length);
    components.push([id]);
  }

  // Longest path over the condensation (Kahn's order; a forged graph cannot make it loop).
  const next = components.map(() => new Set<number>());
  const pending = new Array<number>(components.length).fill(0);
  components.forEach((members, i) => {
    for (const id of members) {
      for (const to of successors.get(id)!) {
        const j = componentOf.get(to)!;
        if (j !== i && !next[i]!.has(j)) {
          next[i]!.add(j);
          pending[j]!++;
        }
      }
    }
  });
  const depth = new Array<number>(components.length).fill(0);
  const queue = components.map((_, i) => i).filter((i) => pending[i] === 0);
  for (let k = 0; k < queue.length; k++) {
    const i = queue[k]!;
    for (const j of next[i]!) {
      depth[j] = Math.max(depth[j]!, depth[i]! + 1);
      if (--pending[j]! === 0) queue.push(j);
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
  for (let i = 0; i < blockedColumns; i++)
    columns.push({ index: phaseCount + i, phase: undefined });
  return { columnOf, columns, groupOf };
}
