/**
 * The details of one container under the graph: what the box cannot show (the whole image, every
 * problem with its message) and a button per arrow that shows its dependsOn entry (or links,
 * volumesFrom, log router) in the editor. It follows the container that holds the keyboard focus
 * (or was clicked last), so keyboard users reach everything a mouse user gets from the arrows.
 */
import type { GraphEdge, GraphNode, Range, StartOrderGraph } from '../../shared/src/graph';
import { html } from './dom';
import { REASON_WORDS, phaseSentence, problemLine, sortedProblems } from './words';

export interface DetailsActions {
  reveal(range: Range): void;
}

export function renderDetails(
  parent: Element,
  n: GraphNode | undefined,
  graph: StartOrderGraph,
  actions: DetailsActions,
): void {
  parent.replaceChildren();
  if (!n) return;
  const heading = html('h2', {}, parent);
  html('bdi', {}, heading, n.name);
  const facts = [
    n.essential ? 'essential' : 'non-essential',
    n.isInit ? 'init container' : '',
    n.isLogRouter ? 'log router' : '',
    n.hasHealthCheck ? 'health check' : '',
  ].filter(Boolean);
  const about = html('p', { class: 'details-facts' }, parent, `${facts.join(' · ')}`);
  if (n.image) {
    about.append(' · image ');
    html('bdi', { class: 'details-image' }, about, n.image);
  }
  html('p', {}, parent, phaseSentence(n, graph));
  const button = html(
    'button',
    { type: 'button', class: 'secondary', 'data-action': 'reveal-node' },
    parent,
    'Show in editor',
  );
  button.addEventListener('click', () => actions.reveal(n.range));

  const name = (id: string) => graph.nodes.find((m) => m.id === id)?.name ?? id;
  edgeList(
    parent,
    'Waits for',
    graph.edges.filter((e) => e.to === n.id),
    (e) => name(e.from),
    actions,
  );
  edgeList(
    parent,
    'Waited for by',
    graph.edges.filter((e) => e.from === n.id),
    (e) => name(e.to),
    actions,
  );
  if (n.problems.length > 0) {
    html('h3', {}, parent, 'Problems');
    const list = html('ul', { class: 'details-problems' }, parent);
    for (const p of sortedProblems(n)) html('li', { class: p.severity }, list, problemLine(p));
  }
}

/** A list of arrows, each a button that shows where the file creates it. */
function edgeList(
  parent: Element,
  title: string,
  edges: GraphEdge[],
  other: (e: GraphEdge) => string,
  actions: DetailsActions,
): void {
  if (edges.length === 0) return;
  html('h3', {}, parent, title);
  const list = html('ul', { class: 'details-edges' }, parent);
  for (const e of edges) {
    const button = html(
      'button',
      {
        type: 'button',
        class: 'link',
        'data-action': `reveal-edge-${e.id}`,
        title: e.implicit
          ? `Show the ${e.reason} entry in the editor`
          : 'Show the dependsOn entry in the editor',
      },
      html('li', {}, list),
    );
    html('bdi', {}, button, other(e));
    const how = e.implicit
      ? `${e.condition}, implicit: ${REASON_WORDS[e.reason] ?? e.reason}`
      : e.condition;
    button.append(` (${how})`);
    button.addEventListener('click', () => actions.reveal(e.range));
  }
}
