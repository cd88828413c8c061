/**
 * How big the columns graph is drawn: fitted to the panel's width (the default), or at a scale the
 * user chose with the zoom buttons. A fitted graph that would be too small to read becomes the
 * stacked list instead. Pure.
 */

export type Zoom = { fit: true } | { fit: false; level: number };

/** Below this scale the graph's 11 px labels would shrink under 8 px. */
export const MIN_FIT = 0.7;
const STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

export interface Presentation {
  /** Show the stacked list rather than the columns. */
  stacked: boolean;
  /** The scale the columns are drawn at (when shown). */
  level: number;
}

export function present(zoom: Zoom, graphWidth: number, availableWidth: number): Presentation {
  const fitLevel = graphWidth > 0 ? Math.min(1, availableWidth / graphWidth) : 1;
  if (!zoom.fit) return { stacked: false, level: zoom.level };
  return { stacked: fitLevel < MIN_FIT, level: fitLevel };
}

/**
 * The zoom after pressing a zoom button. From the stacked list, zooming in shows the graph at the
 * smallest readable scale, and zooming out shows all of it, however small.
 */
export function zoomStep(shown: Presentation, step: 1 | -1): Zoom {
  const from = shown.stacked && step > 0 ? MIN_FIT : shown.level;
  const level =
    step > 0
      ? (STEPS.find((z) => z > from + 0.001) ?? STEPS.at(-1)!)
      : ([...STEPS].reverse().find((z) => z < from - 0.001) ?? STEPS[0]!);
  return { fit: false, level };
}
