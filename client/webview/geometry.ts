/** Small geometry for the arrows: smooth paths through dagre's points, arcs, loops, label boxes. Pure. */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A rectangle by its top-left corner. */
export interface Box extends Point, Size {}

/** The stub length before an arrow enters a box, so that every arrowhead points straight in. */
const STUB = 14;

export function labelBox(cx: number, cy: number, size: Size): Box {
  return {
    x: cx - size.width / 2,
    y: cy - size.height / 2,
    width: size.width,
    height: size.height,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Moves the ends of a left-to-right route onto the right side of the source box and the left side
 * of the target box, with a short horizontal stub at each end.
 */
export function snapEnds(points: Point[], from: Box, to: Box): Point[] {
  if (points.length < 2) {
    points = [
      { x: from.x + from.width, y: from.y + from.height / 2 },
      { x: to.x, y: to.y + to.height / 2 },
    ];
  }
  const inner = points.slice(1, -1);
  const forward = from.x + from.width <= to.x;
  if (!forward) return points;
  const inset = 10;
  const start = {
    x: from.x + from.width,
    y: clamp(points[0]!.y, from.y + inset, from.y + from.height - inset),
  };
  const end = {
    x: to.x,
    y: clamp(points[points.length - 1]!.y, to.y + inset, to.y + to.height - inset),
  };
  const middle = inner.filter((p) => p.x > start.x + STUB && p.x < end.x - STUB);
  return [start, { x: start.x + STUB, y: start.y }, ...middle, { x: end.x - STUB, y: end.y }, end];
}

/** A B-spline through the points (the curve d3's curveBasis draws), as SVG path data. */
export function basisPath(points: Point[]): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  if (points.length === 0) return '';
  if (points.length < 3)
    return (
      `M${f(points[0]!.x)},${f(points[0]!.y)}` +
      points
        .slice(1)
        .map((p) => `L${f(p.x)},${f(p.y)}`)
        .join('')
    );
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  let [x0, y0, x1, y1] = [points[0]!.x, points[0]!.y, points[1]!.x, points[1]!.y];
  const curve = (x: number, y: number) => {
    d += `C${f((2 * x0 + x1) / 3)},${f((2 * y0 + y1) / 3)} ${f((x0 + 2 * x1) / 3)},${f((y0 + 2 * y1) / 3)} ${f((x0 + 4 * x1 + x) / 6)},${f((y0 + 4 * y1 + y) / 6)}`;
  };
  d += `L${f((5 * x0 + x1) / 6)},${f((5 * y0 + y1) / 6)}`;
  for (const p of points.slice(2)) {
    curve(p.x, p.y);
    [x0, y0, x1, y1] = [x1, y1, p.x, p.y];
  }
  curve(x1, y1);
  d += `L${f(x1)},${f(y1)}`;
  return d;
}

/** A container that waits for itself: a small loop over its top-right corner. */
export function selfLoopRoute(box: Box, label: Size): { d: string; label: Box } {
  const right = box.x + box.width;
  const top = box.y;
  const d = `M${right - 36},${top}C${right - 36},${top - 34} ${right + 30},${top - 34} ${right + 30},${top + 10}C${right + 30},${top + 18} ${right + 12},${top + 18} ${right},${top + 18}`;
  return { d, label: labelBox(right + 30 + label.width / 2, top - 22, label) };
}
