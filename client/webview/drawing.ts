/**
 * One way of showing the task's containers. Three exist: the columns graph (render.ts), the stacked
 * list for narrow panels (stacked.ts) and the timeline of the start simulation (timeline.ts). The
 * page (view.ts) picks one, gives the keyboard focus to one container at a time, and marks the
 * selection; a further view implements this interface and is added to the choice in view.ts.
 *
 * Every drawing follows the same rules for a container: one element carrying `data-node-id`, the
 * classes `node` (and `selected` when the page says so), `role="button"`, `tabindex="-1"` (the page
 * makes exactly one of them 0), an `aria-label` that begins with the words it shows (words.ts
 * nodeLabel), and its problems in the element named by `aria-describedby`.
 */
import type { NavigationModel } from './navigation';

export interface Drawing extends Omit<NavigationModel, 'edges'> {
  readonly element: HTMLElement | SVGSVGElement;
  /** The focusable element of a container. */
  nodeElement(id: string): HTMLElement | SVGElement | undefined;
}

let drawings = 0;

/** A prefix for the element ids of one drawing, so that two drawings on a page never share an id. */
export function idPrefix(): string {
  return `d${++drawings}`;
}
