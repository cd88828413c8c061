/**
 * Positions for the graph: dagre orders the containers inside each column, spaces them and routes
 * the arrows; the columns themselves are fixed beforehand (columns.ts), so everything that starts
 * together lines up. Arrows between containers of one column (a cycle) are drawn as arcs on the
 * column's right, in space reserved for them.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode, StartOrderGraph } from '../../shared/src/graph';
import { assignColumns, type ColumnInfo } from './columns';
import { arcReserve, routeArcs } from './arcs';
import {
  basisPath,
  labelBox,
  selfLoopRoute,
  snapEnds,
  type Box,
  type Point,
  type Size,
} from './geometry';

export interface NodeBox extends Box {
  node: GraphNode;
  column: number;
}

export interface EdgeRoute {
  edge: GraphEdge;
  /** SVG path data. */
  d: string;
  label: Box;
}

export interface ColumnBox extends ColumnInfo {
  x: number;
  width: number;
}

export interface GraphLayout {
  nodes: Map<string, NodeBox>;
  edges: EdgeRoute[];
  columns: ColumnBox[];
  width: number;
  height: number;
}

export interface LayoutSizes {
  node(node: GraphNode): Size;
  label(edge: GraphEdge): Size;
}

const MARGIN = 28;
/** Room above the nodes for the column headings. */
export const HEADER_HEIGHT = 44;

export function layoutGraph(graph: StartOrderGraph, sizes: LayoutSizes): GraphLayout {
  const { columnOf, columns } = assignColumns(graph);
  const known = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => known.has(e.from) && known.has(e.to));
  const sameColumn = (e: GraphEdge) => columnOf.get(e.from) === columnOf.get(e.to);

  // Columns holding a cycle reserve room on their right for the arcs, and their boxes share one width.
  const arcs = new Map<number, GraphEdge[]>();
  for (const e of edges) {
    if (sameColumn(e) && e.from !== e.to)
      arcs.set(columnOf.get(e.from)!, [...(arcs.get(columnOf.get(e.from)!) ?? []), e]);
  }
  const arcRoom = new Map(
    [...arcs].map(([column, list]) => [
      column,
      arcReserve(list.length, Math.max(...list.map((e) => sizes.label(e).width))),
    ]),
  );
  const sizeOf = new Map(graph.nodes.map((n) => [n.id, sizes.node(n)]));
  for (const column of arcs.keys()) {
    const members = graph.nodes.filter((n) => columnOf.get(n.id) === column);
    const width = Math.max(...members.map((n) => sizeOf.get(n.id)!.width));
    for (const n of members) sizeOf.set(n.id, { ...sizeOf.get(n.id)!, width });
  }

  const g = new dagre.graphlib.Graph({ multigraph: true });
  // ranker 'none' keeps the ranks given below: rank 2 × column leaves the odd ranks for edge labels.
  g.setGraph({
    rankdir: 'LR',
    ranker: 'none' as never,
    nodesep: 24,
    ranksep: 44,
    edgesep: 14,
    marginx: MARGIN,
    marginy: MARGIN,
  });
  for (const n of graph.nodes) {
    const size = sizeOf.get(n.id)!;
    const column = columnOf.get(n.id)!;
    g.setNode(n.id, {
      width: size.width + (arcRoom.get(column) ?? 0),
      height: size.height,
      rank: column * 2,
    });
  }
  for (const e of edges) {
    if (sameColumn(e)) continue;
    const forward = columnOf.get(e.from)! < columnOf.get(e.to)!;
    const size = sizes.label(e);
    // A forged graph may point backwards; dagre gets it forwards and the points are reversed after.
    g.setEdge(
      forward ? e.from : e.to,
      forward ? e.to : e.from,
      { width: size.width, height: size.height, labelpos: 'c' },
      e.id,
    );
  }
  dagre.layout(g);

  const nodes = new Map<string, NodeBox>();
  for (const n of graph.nodes) {
    const placed = g.node(n.id);
    const size = sizeOf.get(n.id)!;
    const column = columnOf.get(n.id)!;
    const left = placed.x! - placed.width / 2;
    nodes.set(n.id, {
      node: n,
      column,
      x: left,
      y: placed.y! - size.height / 2 + HEADER_HEIGHT,
      width: size.width,
      height: size.height,
    });
  }

  const routes: EdgeRoute[] = [];
  const arcEdges: GraphEdge[] = [];
  for (const e of edges) {
    const from = nodes.get(e.from)!;
    const to = nodes.get(e.to)!;
    const size = sizes.label(e);
    if (e.from === e.to) {
      routes.push({ edge: e, ...selfLoopRoute(from, size) });
    } else if (sameColumn(e)) {
      arcEdges.push(e);
    } else {
      const forward = from.column < to.column;
      const placed = g.edge(forward ? e.from : e.to, forward ? e.to : e.from, e.id);
      let points: Point[] = (placed.points ?? []).map((p: Point) => ({
        x: p.x,
        y: p.y + HEADER_HEIGHT,
      }));
      if (!forward) points = points.reverse();
      routes.push({
        edge: e,
        d: basisPath(snapEnds(points, from, to)),
        label: labelBox(placed.x ?? 0, (placed.y ?? 0) + HEADER_HEIGHT, size),
      });
    }
  }
  routes.push(...routeArcs(arcEdges, nodes, sizes.label));

  const columnBoxes: ColumnBox[] = columns.flatMap((c) => {
    const inColumn = [...nodes.values()].filter((b) => b.column === c.index);
    if (inColumn.length === 0) return [];
    const left = Math.min(...inColumn.map((b) => b.x));
    let right = Math.max(...inColumn.map((b) => b.x + b.width));
    for (const r of routes)
      if (columnOf.get(r.edge.from) === c.index && sameColumn(r.edge))
        right = Math.max(right, r.label.x + r.label.width);
    return [{ ...c, x: left - 12, width: right - left + 24 }];
  });
  // The drawing's size: everything drawn, plus the margin (dagre's own size counts reserved room).
  let width = 0;
  let height = 0;
  const extend = (b: Box) => {
    width = Math.max(width, b.x + b.width + MARGIN);
    height = Math.max(height, b.y + b.height + MARGIN);
  };
  for (const b of nodes.values()) extend(b);
  for (const r of routes) extend(r.label);
  for (const c of columnBoxes) extend({ x: c.x, y: 0, width: c.width - MARGIN / 2, height: 0 });
  return {
    nodes,
    edges: routes,
    columns: columnBoxes,
    width: Math.ceil(width),
    height: Math.ceil(height),
  };
}
