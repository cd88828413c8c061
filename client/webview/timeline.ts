/**
 * The timeline: the start simulation drawn as one bar per container over virtual seconds. Each bar
 * is a row that follows the drawing rules (drawing.ts): one focusable element per container whose
 * name begins with the words the row shows (timelineWords.ts) and whose description tells its
 * phases; the bar itself is decoration those words already say. Positions are percentages of the
 * axis, so the chart fits any width; below a width the name goes above the bar (graph.css).
 */
import type { StartOrderGraph } from '../../shared/src/graph';
import type { Scenario } from '../../shared/src/scenarios';
import type { SimulationResult } from '../../shared/src/simulation';
import { axisFor, barOf, barOrder, type Axis, type Bar } from './bars';
import { html } from './dom';
import { idPrefix, type Drawing } from './drawing';
import {
  FACT_SEPARATOR,
  barDescription,
  barFacts,
  barLabel,
  chartLabel,
  seconds,
} from './timelineWords';

export interface TimelineDrawing extends Drawing {
  readonly element: HTMLElement;
  readonly axis: Axis;
}

/** `maxTicks`: how many intervals the axis has room for at the panel's width. */
export function renderTimeline(
  graph: StartOrderGraph,
  result: SimulationResult,
  scenario: Scenario,
  maxTicks: number,
): TimelineDrawing {
  const ids = idPrefix();
  const axis = axisFor(result, maxTicks);
  const root = html('div', {
    class: 'timeline',
    role: 'group',
    'aria-label': chartLabel(scenario, graph),
  });
  drawAxis(root, axis);
  const list = html('ul', { class: 'timeline-rows' }, root);
  const descriptions = html('div', { hidden: '' });
  const order: string[] = [];
  const elements = new Map<string, HTMLElement>();
  for (const c of barOrder(result)) {
    const bar = barOf(c, axis.end);
    const id = `${ids}-${order.length}`;
    html('p', { id: `${id}-phases` }, descriptions, barDescription(bar, graph));
    const row = drawRow(html('li', {}, list), bar, graph, result, axis, id);
    elements.set(c.id, row);
    order.push(c.id);
  }
  root.appendChild(descriptions);
  return {
    element: root,
    axis,
    columns: [order],
    rowOf: new Map(order.map((id, i) => [id, i])),
    nodeElement: (id) => elements.get(id),
  };
}

/** Sets a position along the axis (CSSOM: the page's CSP allows no style attributes). */
function place(element: HTMLElement, from: number, to: number | undefined, axis: Axis): void {
  element.style.left = `${(from / axis.end) * 100}%`;
  if (to !== undefined) element.style.width = `${((to - from) / axis.end) * 100}%`;
}

function drawAxis(parent: HTMLElement, axis: Axis): void {
  const row = html('div', { class: 'timeline-axis', 'aria-hidden': 'true' }, parent);
  html('div', { class: 'axis-caption' }, row, 'seconds from the task’s start');
  const track = html('div', { class: 'axis-track' }, row);
  axis.ticks.forEach((t, i) => {
    const edge = i === 0 ? ' first' : i === axis.ticks.length - 1 ? ' last' : '';
    place(html('span', { class: `tick${edge}` }, track, seconds(t)), t, undefined, axis);
  });
}

function drawRow(
  parent: HTMLElement,
  bar: Bar,
  graph: StartOrderGraph,
  result: SimulationResult,
  axis: Axis,
  id: string,
): HTMLElement {
  const c = bar.container;
  const node = graph.nodes.find((n) => n.id === c.id);
  const isInit = node?.isInit ?? false;
  const classes = [
    'node',
    'bar-row',
    c.essential ? 'essential' : 'non-essential',
    isInit ? 'init' : '',
    c.started ? '' : 'blocked',
  ];
  const row = html(
    'div',
    {
      class: classes.filter(Boolean).join(' '),
      'data-node-id': c.id,
      tabindex: -1,
      role: 'button',
      'aria-label': barLabel(bar, isInit, result),
      'aria-describedby': `${id}-phases`,
    },
    parent,
  );
  // The words in the order of the accessible name: name, INIT, the facts.
  const label = html('div', { class: 'bar-label' }, row);
  html('bdi', { class: 'node-name' }, label, c.name);
  if (isInit) {
    label.append(' ');
    html('span', { class: 'init-marker' }, label, 'INIT');
  }
  label.append(' ');
  html('span', { class: 'bar-facts' }, label, barFacts(bar).join(FACT_SEPARATOR));

  const track = html('div', { class: 'bar-track', 'aria-hidden': 'true' }, row);
  for (const t of axis.ticks.slice(1, -1))
    place(html('span', { class: 'gridline' }, track), t, undefined, axis);
  const goesOn = bar.end.kind === 'runs-on' || bar.end.kind === 'waits-on';
  bar.phases.forEach((p, i) => {
    // Still going at the right end: the last phase gets an arrow.
    const open = goesOn && i === bar.phases.length - 1;
    const phase = html('span', { class: `phase ${p.kind}${open ? ' open' : ''}` }, track);
    place(phase, p.from, p.to, axis);
  });
  const end = bar.end;
  if (end.kind === 'exited' || end.kind === 'stopped') {
    const failed =
      (end.kind === 'exited' && end.exitCode !== 0) || (end.kind === 'stopped' && !end.started);
    place(
      html('span', { class: `bar-end ${end.kind}${failed ? ' failed' : ''}` }, track),
      end.at,
      undefined,
      axis,
    );
  }
  const stopping = result.task.stoppingAt;
  if (stopping !== null && !result.task.failedBeforeStart)
    place(html('span', { class: 'task-stop' }, track), stopping, undefined, axis);
  return row;
}
