/** The words on and around the graph: node subtitles, tooltips, arrow labels. Pure. */
import {
  CONDITION_REACHED,
  type GraphEdge,
  type GraphNode,
  type Severity,
  type StartOrderGraph,
} from '../../shared/src/graph';

const WAIT_PHRASE: Readonly<Record<string, string>> = CONDITION_REACHED;

const REASON_WORDS: Record<string, string> = {
  links: 'links',
  volumesFrom: 'volumesFrom',
  firelens: 'FireLens log router',
};

/** The short subtitle of a container box: essential or not, and what else stands out. */
export function nodeMeta(n: GraphNode): string {
  const parts = [n.essential ? 'essential' : 'non-essential'];
  if (n.isLogRouter) parts.push('log router');
  if (n.hasHealthCheck) parts.push('health check');
  if (n.image) parts.push(shortImage(n.image));
  return parts.join(' · ');
}

/** `registry.example.com/team/app:1.2` → `app:1.2`: the part that tells images apart at a glance. */
export function shortImage(image: string): string {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.length > 0 ? last : image;
}

/** The label on an arrow: the condition, or for an order ECS adds on its own, why it is there. */
export function edgeLabelText(e: GraphEdge): string {
  return e.implicit ? e.reason : e.condition;
}

function nameOf(id: string, graph: StartOrderGraph): string {
  return graph.nodes.find((n) => n.id === id)?.name ?? id;
}

/** The whole story of one arrow, for its tooltip and screen readers. */
export function edgeSentence(e: GraphEdge, graph: StartOrderGraph): string {
  const from = nameOf(e.from, graph);
  const to = nameOf(e.to, graph);
  if (e.from === e.to) return `${to} waits for itself (${e.condition}): it can never start.`;
  const phrase = WAIT_PHRASE[e.condition] ?? `reaches ${e.condition}`;
  const why = e.implicit
    ? ` Implicit: ${REASON_WORDS[e.reason] ?? e.reason}, condition ${e.condition}.`
    : ` dependsOn condition ${e.condition}.`;
  const cycle = e.inCycle ? ' Part of a dependency cycle: none of its containers start.' : '';
  return `${to} starts once ${from} ${phrase}.${why}${cycle}`;
}

/** The tooltip of a container box. */
export function nodeDescription(n: GraphNode): string {
  const lines = [
    `${n.name}: ${n.essential ? 'essential' : 'non-essential'}${n.isInit ? ' init container' : ' container'}.`,
  ];
  if (n.image) lines.push(`Image: ${n.image}`);
  lines.push(
    n.phase >= 0
      ? `Starts in phase ${n.phase + 1}.`
      : 'Never starts: it is on, or waits for, a dependency cycle.',
  );
  if (n.problems.length > 0)
    lines.push(`${n.problems.length} problem${n.problems.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

export function worstSeverity(problems: GraphNode['problems']): Severity {
  for (const s of SEVERITY_ORDER) if (problems.some((p) => p.severity === s)) return s;
  return 'hint';
}

/** The badge's tooltip: every problem of the container, worst first. */
export function problemSummary(n: GraphNode): string {
  const sorted = [...n.problems].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  return sorted
    .map(
      (p) =>
        `${p.severity === 'error' ? 'Error' : p.severity === 'warning' ? 'Warning' : 'Info'} (${p.code}): ${p.message}`,
    )
    .join('\n\n');
}
