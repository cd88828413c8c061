/**
 * The stacked list: the start order for a panel too narrow for columns. The phases follow each other
 * top to bottom, each container is a card, and instead of arrows each card says what it waits for.
 * Text flows and wraps, so long and right-to-left names stay readable at any width.
 */
import type { GraphNode, StartOrderGraph } from '../../shared/src/graph';
import { assignColumns } from './columns';
import { html } from './dom';
import { idPrefix, type Drawing } from './drawing';
import { badgeText, nodeLabel, nodeMeta, nodeProblemsText, waitsFor, worstSeverity } from './words';

export function renderStacked(graph: StartOrderGraph): Drawing {
  const ids = idPrefix();
  const { columnOf, columns } = assignColumns(graph);
  const root = html('div', {
    class: 'stacked',
    role: 'group',
    'aria-label': graph.family ? `Start order of ${graph.family}` : 'Start order',
  });
  const descriptions = html('div', { hidden: '' });
  const order: string[] = [];
  const elements = new Map<string, HTMLElement>();
  for (const column of columns) {
    const members = graph.nodes.filter((n) => columnOf.get(n.id) === column.index);
    if (members.length === 0) continue;
    const blocked = column.phase === undefined;
    const heading = html(
      'h2',
      { class: blocked ? 'stack-heading blocked' : 'stack-heading' },
      root,
    );
    html('span', {}, heading, blocked ? 'Never starts' : `Phase ${column.phase! + 1}`);
    html(
      'span',
      { class: 'caption' },
      heading,
      blocked ? 'dependency cycle' : column.phase === 0 ? 'starts first' : 'starts after',
    );
    const list = html('ul', { class: 'stack-list' }, root);
    for (const n of members) {
      const id = `${ids}-${order.length}`;
      const card = drawCard(html('li', {}, list), n, graph, descriptions, id);
      elements.set(n.id, card);
      order.push(n.id);
    }
  }
  root.appendChild(descriptions);
  return {
    element: root,
    columns: [order],
    rowOf: new Map(order.map((id, i) => [id, i])),
    nodeElement: (id) => elements.get(id),
  };
}

function drawCard(
  parent: HTMLElement,
  n: GraphNode,
  graph: StartOrderGraph,
  descriptions: HTMLElement,
  id: string,
): HTMLElement {
  const problems = nodeProblemsText(n);
  if (problems) html('p', { id: `${id}-problems` }, descriptions, problems);
  const classes = [
    'node',
    'card',
    n.essential ? 'essential' : 'non-essential',
    n.isInit ? 'init' : '',
    n.phase < 0 ? 'blocked' : '',
  ];
  const card = html(
    'div',
    {
      class: classes.filter(Boolean).join(' '),
      'data-node-id': n.id,
      'data-phase': n.phase,
      tabindex: -1,
      role: 'button',
      'aria-label': nodeLabel(n, graph, true),
      'aria-describedby': problems ? `${id}-problems` : undefined,
    },
    parent,
  );
  // The words in the order of the accessible name (words.ts nodeLabel), spaced as text: name,
  // INIT, subtitle, what it waits for, problem count (drawn in the top right corner).
  const title = html('div', { class: 'card-title' }, card);
  html('bdi', { class: 'node-name' }, title, n.name);
  if (n.isInit) {
    title.append(' ');
    html('span', { class: 'init-marker' }, title, 'INIT');
  }
  card.append(' ');
  html('div', { class: 'node-meta' }, card, nodeMeta(n));
  const waits = waitsFor(n, graph);
  if (waits.length > 0) {
    // The same words as waitsForText, with each name in a <bdi> instead of Unicode isolates.
    card.append(' ');
    const line = html('div', { class: 'card-waits' }, card, 'waits for ');
    waits.forEach((w, i) => {
      if (i > 0) line.append(', ');
      html('bdi', {}, line, w.name);
      line.append(` (${w.how})`);
    });
  }
  if (n.problems.length > 0) {
    card.append(' ');
    html('span', { class: `badge ${worstSeverity(n.problems)}` }, card, badgeText(n));
  }
  return card;
}
