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
import {
  edgeLabelText,
  edgeSentence,
  nodeDescription,
  nodeMeta,
  problemSummary,
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

export interface RenderedGraph {
  element: SVGSVGElement;
  layout: GraphLayout;
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
  drawMarkers(root);
  const columns = svg('g', { class: 'columns' }, root);
  for (const c of layout.columns) drawColumn(columns, c, layout.height);
  const lines = svg('g', { class: 'edges' }, root);
  for (const r of layout.edges) drawEdgeLine(lines, r);
  const boxes = svg('g', { class: 'nodes' }, root);
  const byColumnThenY = [...layout.nodes.values()].sort((a, b) => a.column - b.column || a.y - b.y);
  for (const box of byColumnThenY) drawNode(boxes, box, measure, pillWidth);
  const labels = svg('g', { class: 'edge-labels' }, root);
  for (const r of layout.edges) drawEdgeLabel(labels, r, graph);
  return { element: root, layout };
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
  const g = svg(
    'g',
    {
      class: `${edgeClasses(e)} edge-label`,
      'data-edge-id': e.id,
      tabindex: 0,
      role: 'button',
      'aria-label': `${sentence} Press Enter to show it in the editor.`,
    },
    parent,
  );
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

function drawNode(parent: Element, box: NodeBox, measure: TextMeasure, pillWidth: number): void {
  const n = box.node;
  const classes = [
    'node',
    n.essential ? 'essential' : 'non-essential',
    n.isInit ? 'init' : '',
    n.phase < 0 ? 'blocked' : '',
    n.isLogRouter ? 'log-router' : '',
  ];
  const g = svg(
    'g',
    {
      class: classes.filter(Boolean).join(' '),
      'data-node-id': n.id,
      'data-phase': n.phase,
      'data-column': box.column,
      transform: `translate(${box.x},${box.y})`,
      tabindex: 0,
      role: 'button',
      'aria-label': `${nodeDescription(n)} Press Enter to show it in the editor.`,
    },
    parent,
  );
  svg('title', {}, g, nodeDescription(n));
  svg(
    'rect',
    { class: 'focus-ring', x: -4, y: -4, width: box.width + 8, height: box.height + 8, rx: 9 },
    g,
  );
  svg('rect', { class: 'node-box', x: 0, y: 0, width: box.width, height: box.height, rx: 6 }, g);
  let nameX = PAD;
  if (n.isInit) {
    const pill = svg('g', { class: 'init-marker' }, g);
    svg(
      'rect',
      { x: PAD, y: 11, width: pillWidth, height: PILL.height, rx: PILL.height / 2 },
      pill,
    );
    svg('text', { x: PAD + pillWidth / 2, y: 22.5, 'text-anchor': 'middle' }, pill, PILL.text);
    nameX += pillWidth + 6;
  }
  const badgeRoom = n.problems.length > 0 ? 10 : 0;
  const name = measure.fit(n.name, box.width - nameX - PAD - badgeRoom, NAME_SIZE, 600);
  svg('text', { class: 'node-name', x: nameX, y: 24 }, g, name);
  svg(
    'text',
    { class: 'node-meta', x: PAD, y: 41 },
    g,
    measure.fit(nodeMeta(n), box.width - 2 * PAD, META_SIZE),
  );
  if (n.problems.length > 0) {
    const badge = svg(
      'g',
      { class: `badge ${worstSeverity(n.problems)}`, transform: `translate(${box.width - 2},2)` },
      g,
    );
    svg('title', {}, badge, problemSummary(n));
    svg('circle', { r: 10 }, badge);
    svg(
      'text',
      { y: 4, 'text-anchor': 'middle' },
      badge,
      n.problems.length > 9 ? '9+' : String(n.problems.length),
    );
  }
}
