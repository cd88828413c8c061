/**
 * The graph as a Mermaid flowchart, for pasting into Markdown: one subgraph per start phase, dotted
 * arrows for the orders ECS adds on its own, the cycle in red. Container names are file data, so they
 * only ever appear inside quoted labels with every character that Mermaid (or the HTML it renders
 * to) could read as syntax written as a Mermaid entity code. Pure.
 */
import type { StartOrderGraph } from '../../shared/src/graph';
import { assignColumns } from './columns';

/** Characters that are plain text everywhere in Mermaid; everything else becomes `#<code>;`. */
const SAFE = /^[A-Za-z0-9 _.\-:/@+,=]$/;

export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += ' ';
    else out += SAFE.test(ch) ? ch : `#${code};`;
  }
  return out;
}

export function toMermaid(graph: StartOrderGraph): string {
  const lines = ['flowchart LR'];
  lines.push(
    `  %% Start order${graph.family ? ` of ${mermaidText(graph.family)}` : ''}, drawn by ECS Init Order.`,
  );
  lines.push(
    '  %% Columns are start phases; dotted arrows are orders ECS adds on its own (links, volumesFrom, FireLens).',
  );
  const idOf = new Map(graph.nodes.map((n, i) => [n.id, `c${i}`]));
  const { columnOf, columns } = assignColumns(graph);

  for (const column of columns) {
    const members = graph.nodes.filter((n) => columnOf.get(n.id) === column.index);
    if (members.length === 0) continue;
    const title =
      column.phase === undefined
        ? 'Never starts: dependency cycle'
        : column.phase === 0
          ? 'Phase 1: starts first'
          : `Phase ${column.phase + 1}`;
    lines.push(`  subgraph phase${column.index}["${mermaidText(title)}"]`, '    direction TB');
    for (const n of members) {
      const label = mermaidText(n.isInit ? `${n.name} (init)` : n.name);
      lines.push(`    ${idOf.get(n.id)}["${label}"]`);
    }
    lines.push('  end');
  }

  const cycleLinks: number[] = [];
  let link = 0;
  for (const e of graph.edges) {
    const from = idOf.get(e.from);
    const to = idOf.get(e.to);
    if (!from || !to) continue;
    const label = mermaidText(e.implicit ? `${e.reason} (${e.condition})` : e.condition);
    lines.push(`  ${from} ${e.implicit ? '-.->' : '-->'}|"${label}"| ${to}`);
    if (e.inCycle) cycleLinks.push(link);
    link++;
  }

  lines.push('  classDef essential stroke-width:2px');
  lines.push('  classDef nonEssential stroke-dasharray:5 3');
  lines.push('  classDef init fill:#efe6fb,stroke:#8e5fc7,color:#2b1a40');
  lines.push('  classDef blocked stroke:#e51400,stroke-width:2px');
  const classOf = (name: string, pick: (n: StartOrderGraph['nodes'][number]) => boolean) => {
    const ids = graph.nodes.filter(pick).map((n) => idOf.get(n.id)!);
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${name}`);
  };
  classOf('essential', (n) => n.essential);
  classOf('nonEssential', (n) => !n.essential);
  classOf('init', (n) => n.isInit);
  classOf('blocked', (n) => n.phase < 0);
  if (cycleLinks.length > 0)
    lines.push(`  linkStyle ${cycleLinks.join(',')} stroke:#e51400,stroke-width:2px`);
  return lines.join('\n') + '\n';
}
