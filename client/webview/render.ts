/**
 * Draws the laid-out graph as SVG: column bands with headings, arrows with their condition labels,
 * and one focusable box per container (essential solid, non-essential dashed, an INIT tag, a problem
 * badge). Colours come from the stylesheet (VS Code theme variables), never from here.
 */
import type { GraphEdge, GraphNode, StartOrderGraph } from '../../shared/src/graph';
import { svg, type TextMeasure } from './dom';
import type { Size } from './geometry';
import {
  layoutGraph,
  type ColumnBox,
  type EdgeRoute,
  type GraphLayout,
  type NodeBox,
} from './layout';
import { idPrefix, type Drawing } from './drawing';
import {
  badgeText,
  edgeLabelText,
  edgeSentence,
  nodeLabel,
  nodeMeta,
  nodeProblemsText,
  worstSeverity,
} from './words';

const NAME_SIZE = 13;
const META_SIZE = 11;
const LABEL_SIZE = 11;
const PAD = 12;
const NODE_HEIGHT = 52;
const PILL = { text: 'INIT', size: 9, height: 16 };
const MAX_NODE_WIDTH = 360;
const META_WIDTH = 180;

export interface RenderedGraph extends Drawing {
  readonly element: SVGSVGElement;
  readonly layout: GraphLayout;
  /** Draws the graph at `zoom` times its natural size. */
  setZoom(zoom: number): void;
}

export function renderGraph(graph: StartOrderGraph, measure: TextMeasure): RenderedGraph {
  const pillWidth = measure.width(PILL.text, PILL.size, 700) + 12;
  const nodeSize = (n: GraphNode): Size => {
    const name = measure.width(n.name, NAME_SIZE, 600) + (n.isInit ? pillWidth + 6 : 0);
    // The subtitle (with the image) widens a box only so far; the tooltip has the whole image.
    const meta = Math.min(measure.width(nodeMeta(n), META_SIZE), META_WIDTH);
    const badge = n.problems.length > 0 ? 10 : 0;
    return {
      width: Math.ceil(Math.min(MAX_NODE_WIDTH, Math.max(150, name + badge, meta) + 2 * PAD)),
      height: NODE_HEIGHT,
    };
  };
  const labelSize = (e: GraphEdge): Size => ({
    width: Math.round(measure.width(edgeLabelText(e), LABEL_SIZE, 600) + 14),
    height: 19,
  });
  const layout = layoutGraph(graph, { node: nodeSize, label: labelSize });

  const root = svg('svg', {
    class: 'graph',
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'group',
    'aria-label': graph.family ? `Start order of ${graph.family}` : 'Start order',
  });
  const ids = idPrefix();
  drawMarkers(root);
  const columns = svg('g', { class: 'columns' }, root);
  for (const c of layout.columns) drawColumn(columns, c, layout.height);
  const lines = svg('g', { class: 'edges' }, root);
  for (const r of layout.edges) drawEdgeLine(lines, r);
  const boxes = svg('g', { class: 'nodes' }, root);
  const byColumnThenY = [...layout.nodes.values()].sort((a, b) => a.column - b.column || a.y - b.y);
  const nodeElements = new Map<string, SVGGElement>();
  for (const [i, box] of byColumnThenY.entries())
    nodeElements.set(box.node.id, drawNode(boxes, box, graph, measure, pillWidth, `${ids}-${i}`));
  // The arrow labels repeat what the containers' names say, so only the mouse uses them.
  const labels = svg('g', { class: 'edge-labels', 'aria-hidden': 'true' }, root);
  for (const r of layout.edges) drawEdgeLabel(labels, r, graph);

  const columnIds = layout.columns.map((c) =>
    byColumnThenY.filter((b) => b.column === c.index).map((b) => b.node.id),
  );
  return {
    element: root,
    layout,
    columns: columnIds.filter((c) => c.length > 0),
    rowOf: new Map(byColumnThenY.map((b) => [b.node.id, b.y + b.height / 2])),
    nodeElement: (id) => nodeElements.get(id),
    setZoom(zoom: number) {
      root.setAttribute('width', String(Math.round(layout.width * zoom)));
      root.setAttribute('height', String(Math.round(layout.height * zoom)));
    },
  };
}

function drawMarkers(root: SVGSVGElement): void {
  const defs = svg('defs', {}, root);
  for (const kind of ['plain', 'implicit', 'cycle', 'active']) {
    const marker = svg(
      'marker',
      {
        id: `arrow-${kind}`,
        class: `arrowhead ${kind}`,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 9,
        markerHeight: 9,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      defs,
    );
    svg('path', { d: 'M0,0L10,5L0,10z' }, marker);
  }
}

function drawColumn(parent: Element, column: ColumnBox, height: number): void {
  const blocked = column.phase === undefined;
  const g = svg(
    'g',
    {
      class: blocked ? 'column blocked' : 'column',
      'data-column': column.index,
      'data-phase': column.phase ?? -1,
    },
    parent,
  );
  svg(
    'rect',
    { class: 'column-band', x: column.x, y: 8, width: column.width, height: height - 16, rx: 8 },
    g,
  );
  const cx = column.x + column.width / 2;
  const heading = blocked ? 'Never starts' : `Phase ${column.phase! + 1}`;
  const caption = blocked
    ? 'dependency cycle'
    : column.phase === 0
      ? 'starts first'
      : 'starts after';
  svg('text', { class: 'column-heading', x: cx, y: 28, 'text-anchor': 'middle' }, g, heading);
  svg('text', { class: 'column-caption', x: cx, y: 43, 'text-anchor': 'middle' }, g, caption);
}

function edgeClasses(e: GraphEdge): string {
  return [
    'edge',
    e.implicit ? 'implicit' : 'explicit',
    e.inCycle ? 'cycle' : '',
    `reason-${e.reason.replace(/[^A-Za-z]/g, '')}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function marker(e: GraphEdge): string {
  return `url(#arrow-${e.inCycle ? 'cycle' : e.implicit ? 'implicit' : 'plain'})`;
}

function drawEdgeLine(parent: Element, route: EdgeRoute): void {
  const e = route.edge;
  const g = svg(
    'g',
    { class: edgeClasses(e), 'data-edge-id': e.id, 'data-from': e.from, 'data-to': e.to },
    parent,
  );
  svg('path', { class: 'edge-hit', d: route.d }, g);
  svg('path', { class: 'edge-line', d: route.d, 'marker-end': marker(e) }, g);
}

function drawEdgeLabel(parent: Element, route: EdgeRoute, graph: StartOrderGraph): void {
  const e = route.edge;
  const sentence = edgeSentence(e, graph);
  const g = svg('g', { class: `${edgeClasses(e)} edge-label`, 'data-edge-id': e.id }, parent);
  svg('title', {}, g, sentence);
  const { x, y, width, height } = route.label;
  svg(
    'rect',
    { class: 'focus-ring', x: x - 3, y: y - 3, width: width + 6, height: height + 6, rx: 6 },
    g,
  );
  svg('rect', { class: 'edge-label-box', x, y, width, height, rx: 4 }, g);
  svg(
    'text',
    { class: 'edge-label-text', x: x + width / 2, y: y + height / 2 + 4, 'text-anchor': 'middle' },
    g,
    edgeLabelText(e),
  );
}

function drawNode(
  parent: Element,
  box: NodeBox,
  graph: StartOrderGraph,
  measure: TextMeasure,
  pillWidth: number,
  id: string,
): SVGGElement {
  const n = box.node;
  const classes = [
    'node',
    n.essential ? 'essential' : 'non-essential',
    n.isInit ? 'init' : '',
    n.phase < 0 ? 'blocked' : '',
    n.isLogRouter ? 'log-router' : '',
  ];
  const problems = nodeProblemsText(n);
  const g = svg(
    'g',
    {
      class: classes.filter(Boolean).join(' '),
      'data-node-id': n.id,
      'data-phase': n.phase,
      'data-column': box.column,
      transform: `translate(${box.x},${box.y})`,
      tabindex: -1,
      role: 'button',
      'aria-label': nodeLabel(n, graph, false),
      'aria-describedby': problems ? `${id}-problems` : undefined,
    },
    parent,
  );
  if (problems) svg('desc', { id: `${id}-problems` }, g, problems);
  svg(
    'rect',
    { class: 'focus-ring', x: -5, y: -5, width: box.width + 10, height: box.height + 10, rx: 10 },
    g,
  );
  svg('rect', { class: 'node-box', x: 0, y: 0, width: box.width, height: box.height, rx: 6 }, g);
  // The page holds the words in the order the accessible name repeats them (name, INIT, subtitle,
  // problem count: words.ts nodeLabel), with a space between them as in any text; where each is
  // drawn is up to its coordinates.
  const nameX = PAD + (n.isInit ? pillWidth + 6 : 0);
  const badgeRoom = n.problems.length > 0 ? 10 : 0;
  const nameWidth = box.width - nameX - PAD - badgeRoom;
  clippedText(g, 'node-name', n.name, nameX, 24, nameWidth, measure, NAME_SIZE, 600);
  if (n.isInit) {
    const pill = svg('g', { class: 'init-marker' }, g);
    svg(
      'rect',
      { x: PAD, y: 11, width: pillWidth, height: PILL.height, rx: PILL.height / 2 },
      pill,
    );
    svg('text', { x: PAD + pillWidth / 2, y: 22.5, 'text-anchor': 'middle' }, pill, PILL.text);
    g.append(' ');
  }
  clippedText(g, 'node-meta', nodeMeta(n), PAD, 41, box.width - 2 * PAD, measure, META_SIZE, 400);
  if (n.problems.length > 0) {
    const badge = svg(
      'g',
      { class: `badge ${worstSeverity(n.problems)}`, transform: `translate(${box.width - 2},2)` },
      g,
    );
    svg('circle', { r: 10 }, badge);
    svg('text', { y: 4, 'text-anchor': 'middle' }, badge, badgeText(n));
  }
  return g;
}

/**
 * A line of text cut at `width` pixels with an ellipsis. The whole text stays in the page (a nested
 * <svg> clips what does not fit), so that the accessible name and the shown words agree.
 */
function clippedText(
  parent: Element,
  className: string,
  text: string,
  x: number,
  baseline: number,
  width: number,
  measure: TextMeasure,
  size: number,
  weight: number,
): void {
  const fits = measure.width(text, size, weight) <= width;
  // Cut between two characters, so that no half letter shows before the ellipsis.
  const shown = fits
    ? width
    : Math.ceil(measure.fittingWidth(text, width - measure.width('…', size, weight), size, weight));
  const clip = svg(
    'svg',
    { class: 'text-clip', x, y: baseline - size - 4, width: shown, height: size + 8 },
    parent,
  );
  svg('text', { class: className, x: 0, y: size + 4 }, clip, text);
  if (!fits)
    svg('text', { class: `${className} ellipsis`, x: x + shown, y: baseline }, parent, '…');
  parent.append(' ');
}
