/** Everything on the page around the graph: title and toolbar, the legend, and the story below. */
import type { StartOrderGraph } from '../../shared/src/graph';
import type { ViewMode } from '../../shared/src/webviewMessages';
import { html, svg } from './dom';

export interface ToolbarActions {
  copyMermaid(): void;
  saveSvg(): void;
  fitToWidth(): void;
  zoom(step: 1 | -1): void;
  show(mode: ViewMode): void;
}

/** What the zoom buttons show: whether the graph is fitted, and the scale it is drawn at. */
export interface ZoomDisplay {
  fit: boolean;
  /** The scale, or undefined when the stacked list is shown instead of the graph. */
  level: number | undefined;
}

/** The last path segment of a URI, decoded, for the subtitle. */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1) || path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What the status line announces: "10 containers, 4 phases, 1 cycle". */
export function statusText(graph: StartOrderGraph): string {
  const facts = [plural(graph.nodes.length, 'container'), plural(graph.phases.length, 'phase')];
  if (graph.cycles.length > 0) facts.push(plural(graph.cycles.length, 'cycle'));
  return facts.join(', ');
}

/**
 * The title and the toolbar: which view (graph or timeline), and for the graph its zoom and
 * exports. `zoom` is undefined in the timeline, which always fits the panel.
 */
export function renderHeader(
  parent: Element,
  graph: StartOrderGraph,
  documentUri: string,
  mode: ViewMode,
  zoom: ZoomDisplay | undefined,
  actions: ToolbarActions,
): void {
  const header = html('header', { class: 'header' }, parent);
  const titles = html('div', { class: 'titles' }, header);
  const h1 = html('h1', {}, titles, 'Start order');
  if (graph.family) html('bdi', {}, html('span', { class: 'family' }, h1, '— '), graph.family);
  const dependsOn = graph.edges.filter((e) => !e.implicit).length;
  const subtitle = html('p', { class: 'subtitle' }, titles);
  html('bdi', {}, subtitle, fileName(documentUri));
  const facts = [
    plural(graph.nodes.length, 'container'),
    plural(graph.phases.length, 'phase'),
    `${dependsOn} dependsOn`,
  ];
  subtitle.append(` · ${facts.join(' · ')}`);
  if (graph.cycles.length > 0)
    html('span', { class: 'status error' }, subtitle, plural(graph.cycles.length, 'cycle'));

  const tools = html('div', { class: 'toolbar' }, header);
  const views = html('div', { class: 'tool-group', role: 'group', 'aria-label': 'View' }, tools);
  for (const [m, text, title] of [
    ['graph', 'Graph', 'The start order: which container waits for which'],
    ['timeline', 'Timeline', 'What ECS does when the task starts, second by second, in a scenario'],
  ] as const) {
    const b = html(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-action': `view-${m}`,
        'aria-pressed': String(mode === m),
        title,
      },
      views,
      text,
    );
    b.addEventListener('click', () => actions.show(m));
  }
  if (!zoom) return;

  const view = html('div', { class: 'tool-group', role: 'group', 'aria-label': 'Zoom' }, tools);
  const button = (attributes: Record<string, string>, text: string, action: () => void) => {
    const b = html('button', { type: 'button', class: 'secondary', ...attributes }, view, text);
    b.addEventListener('click', action);
  };
  button(
    {
      'data-action': 'zoom-fit',
      'aria-pressed': String(zoom.fit),
      title: 'Fit the graph to the width of the panel (a list when it is too narrow)',
    },
    'Fit to width',
    () => actions.fitToWidth(),
  );
  button({ 'data-action': 'zoom-out', 'aria-label': 'Zoom out', title: 'Zoom out' }, '−', () =>
    actions.zoom(-1),
  );
  html(
    'span',
    { class: 'zoom-level' },
    view,
    zoom.level === undefined ? 'list' : `${Math.round(zoom.level * 100)} %`,
  );
  button({ 'data-action': 'zoom-in', 'aria-label': 'Zoom in', title: 'Zoom in' }, '+', () =>
    actions.zoom(1),
  );

  const exports = html(
    'div',
    { class: 'tool-group', role: 'group', 'aria-label': 'Export' },
    tools,
  );
  const copy = html(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-action': 'copy-mermaid',
      title: 'Copy the graph as a Mermaid flowchart',
    },
    exports,
    'Copy as Mermaid',
  );
  const save = html(
    'button',
    { type: 'button', 'data-action': 'save-svg', title: 'Save the graph as an SVG image' },
    exports,
    'Save as SVG',
  );
  copy.addEventListener('click', () => actions.copyMermaid());
  save.addEventListener('click', () => actions.saveSvg());
}

type Swatch = (g: SVGGElement) => void;

const box: Swatch = (g) =>
  void svg('rect', { class: 'node-box', x: 2, y: 3, width: 30, height: 16, rx: 4 }, g);
/** The arrowheads are the graph's own markers (render.ts), so the legend shows exactly what it explains. */
const arrow =
  (kind: string): Swatch =>
  (g) =>
    void svg(
      'path',
      { class: 'edge-line', d: 'M2,11L30,11', 'marker-end': `url(#arrow-${kind})` },
      g,
    );

/** `arrow`: the item explains an arrow, which only the columns graph draws. */
const LEGEND: { label: string; swatch: Swatch; classes: string; arrow?: true }[] = [
  { label: 'essential', classes: 'node essential', swatch: box },
  { label: 'non-essential', classes: 'node non-essential', swatch: box },
  {
    label: 'init container',
    classes: 'node init',
    swatch: (g) => {
      const pill = svg('g', { class: 'init-marker' }, g);
      svg('rect', { x: 1, y: 4, width: 32, height: 14, rx: 7 }, pill);
      svg('text', { x: 17, y: 14.5, 'text-anchor': 'middle' }, pill, 'INIT');
    },
  },
  { label: 'dependsOn (condition)', classes: 'edge explicit', swatch: arrow('plain'), arrow: true },
  {
    label: 'implicit order (links, volumesFrom, FireLens)',
    classes: 'edge implicit',
    swatch: arrow('implicit'),
    arrow: true,
  },
  { label: 'dependency cycle', classes: 'edge cycle', swatch: arrow('cycle'), arrow: true },
  {
    label: 'problems (details below the graph)',
    classes: 'node',
    swatch: (g) => {
      const badge = svg('g', { class: 'badge warning', transform: 'translate(17,11)' }, g);
      svg('circle', { r: 8 }, badge);
      svg('text', { y: 3.5, 'text-anchor': 'middle' }, badge, '2');
    },
  },
];

export function renderLegend(parent: Element, arrows: boolean): void {
  const legend = html('section', { class: 'legend', 'aria-label': 'Legend' }, parent);
  const list = html('ul', {}, legend);
  for (const item of LEGEND.filter((i) => arrows || !i.arrow)) {
    const li = html('li', {}, list);
    const icon = svg(
      'svg',
      {
        class: 'legend-swatch',
        width: 34,
        height: 22,
        viewBox: '0 0 34 22',
        'aria-hidden': 'true',
      },
      li,
    );
    item.swatch(svg('g', { class: item.classes }, icon));
    html('span', {}, li, item.label);
  }
}

export function renderStory(parent: Element, graph: StartOrderGraph): void {
  const section = html('section', { class: 'story', 'aria-label': 'What happens' }, parent);
  html('h2', {}, section, 'What happens');
  const list = html('ol', {}, section);
  const names = graph.nodes.map((n) => n.name);
  for (const sentence of graph.story) withIsolatedNames(html('li', {}, list), sentence, names);
}

/**
 * Writes a sentence of the story with each container name in a <bdi>, so that a right-to-left name
 * does not carry the punctuation and the words next to it along. A name counts only as a whole
 * word (not inside a longer name); the longest name wins where names overlap.
 */
export function withIsolatedNames(parent: Element, sentence: string, names: string[]): void {
  const usable = [...new Set(names)]
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  if (usable.length === 0) {
    parent.append(sentence);
    return;
  }
  const escaped = usable.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-])`,
    'gu',
  );
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    if (match.index > last) parent.append(sentence.slice(last, match.index));
    html('bdi', {}, parent, match[0]);
    last = match.index + match[0].length;
  }
  if (last < sentence.length) parent.append(sentence.slice(last));
}

export function renderMessage(parent: Element, message: string, documentUri?: string): void {
  const section = html('section', { class: 'message' }, parent);
  html('h1', {}, section, 'Start order');
  if (documentUri)
    html('bdi', {}, html('p', { class: 'subtitle' }, section), fileName(documentUri));
  html('p', { class: 'placeholder' }, section, message);
}
