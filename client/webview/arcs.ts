/**
 * Arrows between containers of one column: the members of a dependency cycle share the "never
 * starts" column, so their dependsOn arrows are drawn as arcs on the column's right. Arcs that span
 * other arcs bulge further out, one level per nesting, so that no arc crosses another's label. Pure.
 */
import type { GraphEdge } from '../../shared/src/graph';
import { labelBox, type Box, type Size } from './geometry';

interface Placed extends Box {
  column: number;
}

export interface ArcRoute {
  edge: GraphEdge;
  d: string;
  label: Box;
}

/** How far the innermost arc reaches out from the column's right edge (at its control points). */
const BASE = 44;
/** Arcs leave a box below its middle and enter it above, so two arcs never share an end. */
const PORT = 6;
const STUB = 12;
/** A cubic with both control points at x = b reaches 3/4 of the way to b at its middle. */
const REACH = 0.75;

/** Distance between arc levels: an outer arc passes clear of the inner arcs' labels. */
function step(labelWidth: number): number {
  return (labelWidth / 2 + 12) / REACH;
}

/** The room to keep free right of a column with `count` arcs (assuming the worst nesting). */
export function arcReserve(count: number, labelWidth: number): number {
  return REACH * (BASE + step(labelWidth) * Math.max(0, count - 1)) + labelWidth / 2 + 14;
}

export function routeArcs(
  edges: GraphEdge[],
  boxes: Map<string, Placed>,
  labelSize: (e: GraphEdge) => Size,
): ArcRoute[] {
  const byColumn = new Map<number, GraphEdge[]>();
  for (const e of edges) {
    const column = boxes.get(e.from)!.column;
    byColumn.set(column, [...(byColumn.get(column) ?? []), e]);
  }
  const routes: ArcRoute[] = [];
  for (const [column, list] of byColumn) {
    const inColumn = [...boxes.values()].filter((b) => b.column === column);
    const right = Math.max(...inColumn.map((b) => b.x + b.width));
    const labelWidth = Math.max(...list.map((e) => labelSize(e).width));
    const centre = (id: string) => boxes.get(id)!.y + boxes.get(id)!.height / 2;
    const interval = (e: GraphEdge) =>
      [Math.min(centre(e.from), centre(e.to)), Math.max(centre(e.from), centre(e.to))] as const;
    const placed: { lo: number; hi: number; level: number }[] = [];
    const sorted = [...list].sort(
      (a, b) => interval(a)[1] - interval(a)[0] - (interval(b)[1] - interval(b)[0]),
    );
    for (const e of sorted) {
      const [lo, hi] = interval(e);
      const level =
        Math.max(-1, ...placed.filter((p) => p.lo < hi && lo < p.hi).map((p) => p.level)) + 1;
      placed.push({ lo, hi, level });
      const from = boxes.get(e.from)!;
      const to = boxes.get(e.to)!;
      const sx = from.x + from.width;
      const sy = centre(e.from) + PORT;
      const tx = to.x + to.width;
      const ty = centre(e.to) - PORT;
      const bulge = right + BASE + level * step(labelWidth);
      const d = `M${sx},${sy}C${bulge},${sy} ${bulge},${ty} ${tx + STUB},${ty}L${tx},${ty}`;
      const apexX = (sx + 6 * bulge + tx + STUB) / 8;
      routes.push({ edge: e, d, label: labelBox(apexX, (sy + ty) / 2, labelSize(e)) });
    }
  }
  return routes;
}
