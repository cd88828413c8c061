/** Everything on the page around the graph: title and toolbar, the legend, and the story below. */
import type { StartOrderGraph } from '../../shared/src/graph';
import { html, svg } from './dom';

export interface ToolbarActions {
  copyMermaid(): void;
  saveSvg(): void;
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

export function renderHeader(
  parent: Element,
  graph: StartOrderGraph,
  documentUri: string,
  actions: ToolbarActions,
): void {
  const header = html('header', { class: 'header' }, parent);
  const titles = html('div', { class: 'titles' }, header);
  const h1 = html('h1', {}, titles, 'Start order');
  if (graph.family) html('span', { class: 'family' }, h1, graph.family);
  const dependsOn = graph.edges.filter((e) => !e.implicit).length;
  const facts = [
    fileName(documentUri),
    plural(graph.nodes.length, 'container'),
    plural(graph.phases.length, 'phase'),
    `${dependsOn} dependsOn`,
  ];
  const subtitle = html('p', { class: 'subtitle' }, titles, facts.join(' · '));
  if (graph.cycles.length > 0)
    html('span', { class: 'status error' }, subtitle, plural(graph.cycles.length, 'cycle'));
  const toolbar = html(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Export' },
    header,
  );
  const copy = html(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-action': 'copy-mermaid',
      title: 'Copy the graph as a Mermaid flowchart',
    },
    toolbar,
    'Copy as Mermaid',
  );
  const save = html(
    'button',
    { type: 'button', 'data-action': 'save-svg', title: 'Save the graph as an SVG image' },
    toolbar,
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

const LEGEND: { label: string; swatch: Swatch; classes: string }[] = [
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
  { label: 'dependsOn (condition)', classes: 'edge explicit', swatch: arrow('plain') },
  {
    label: 'implicit order (links, volumesFrom, FireLens)',
    classes: 'edge implicit',
    swatch: arrow('implicit'),
  },
  { label: 'dependency cycle', classes: 'edge cycle', swatch: arrow('cycle') },
  {
    label: 'problems (hover for details)',
    classes: 'node',
    swatch: (g) => {
      const badge = svg('g', { class: 'badge warning', transform: 'translate(17,11)' }, g);
      svg('circle', { r: 8 }, badge);
      svg('text', { y: 3.5, 'text-anchor': 'middle' }, badge, '2');
    },
  },
];

export function renderLegend(parent: Element): void {
  const legend = html('section', { class: 'legend', 'aria-label': 'Legend' }, parent);
  const list = html('ul', {}, legend);
  for (const item of LEGEND) {
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

export function renderStory(parent: Element, story: string[]): void {
  const section = html('section', { class: 'story', 'aria-label': 'What happens' }, parent);
  html('h2', {}, section, 'What happens');
  const list = html('ol', {}, section);
  for (const sentence of story) html('li', {}, list, sentence);
}

export function renderMessage(parent: Element, message: string, documentUri?: string): void {
  const section = html('section', { class: 'message' }, parent);
  html('h1', {}, section, 'Start order');
  if (documentUri) html('p', { class: 'subtitle' }, section, fileName(documentUri));
  html('p', { class: 'placeholder' }, section, message);
}
