/**
 * The words on and around the graph: node subtitles, arrow labels, and what a screen reader hears for
 * a container. Names come from the file and may be written right to left, so every name inside a
 * sentence is wrapped in Unicode isolates (U+2068 … U+2069): its punctuation stays where it belongs. Pure.
 */
import {
  CREATE,
  edgeReached,
  type GraphEdge,
  type GraphNode,
  type Severity,
  type StartOrderGraph,
} from '../../shared/src/graph';

export const REASON_WORDS: Record<string, string> = {
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

/** The whole story of one arrow, for its tooltip (screen readers hear it in the containers' names). */
export function edgeSentence(e: GraphEdge, graph: StartOrderGraph): string {
  const from = isolate(nameOf(e.from, graph));
  const to = isolate(nameOf(e.to, graph));
  if (e.from === e.to) return `${to} waits for itself (${e.condition}): it can never start.`;
  const phrase = edgeReached(e.condition) ?? `reaches ${e.condition}`;
  // volumesFrom's CREATE is the agent's own create-time dependency, not a dependsOn condition.
  const why = !e.implicit
    ? ` dependsOn condition ${e.condition}.`
    : e.condition === CREATE
      ? ` Implicit: ${REASON_WORDS[e.reason] ?? e.reason}; ${from} only has to be created, not started.`
      : ` Implicit: ${REASON_WORDS[e.reason] ?? e.reason}, condition ${e.condition}.`;
  const cycle = e.inCycle ? ' Part of a dependency cycle: none of its containers start.' : '';
  return `${to} starts once ${from} ${phrase}.${why}${cycle}`;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

export function worstSeverity(problems: GraphNode['problems']): Severity {
  for (const s of SEVERITY_ORDER) if (problems.some((p) => p.severity === s)) return s;
  return 'hint';
}

/** A name from the file, isolated so that its direction cannot reorder the words around it. */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  hint: 'Hint',
};

/** The problems of a container, worst first. */
export function sortedProblems(n: GraphNode): GraphNode['problems'] {
  return [...n.problems].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
}

/** One problem as a line: "Warning (init-not-awaited): …". */
export function problemLine(p: GraphNode['problems'][number]): string {
  return `${SEVERITY_WORD[p.severity]} (${p.code}): ${p.message}`;
}

/** The number on a problem badge (the badge has room for two digits). */
export function badgeText(n: GraphNode): string {
  return n.problems.length > 99 ? '99+' : String(n.problems.length);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One container that another waits for, and how: "SUCCESS", or "START, FireLens log router". */
export interface WaitEntry {
  id: string;
  name: string;
  how: string;
}

/** What a container waits for, in the order of its arrows. */
export function waitsFor(n: GraphNode, graph: StartOrderGraph): WaitEntry[] {
  return graph.edges
    .filter((e) => e.to === n.id)
    .map((e) => ({
      id: e.from,
      name: nameOf(e.from, graph),
      how: e.implicit ? `${e.condition}, ${REASON_WORDS[e.reason] ?? e.reason}` : e.condition,
    }));
}

/** "db-migrate (SUCCESS), log-router (START, FireLens log router)", names isolated. */
export function waitsForText(entries: WaitEntry[]): string {
  return entries.map((w) => `${isolate(w.name)} (${w.how})`).join(', ');
}

/** The phase of a container, as a sentence. */
export function phaseSentence(n: GraphNode, graph: StartOrderGraph): string {
  return n.phase >= 0
    ? `Phase ${n.phase + 1} of ${graph.phases.length}.`
    : 'Never starts: it is on, or waits for, a dependency cycle.';
}

/**
 * The accessible name of a container: first exactly the words its box shows, in the order the page
 * holds them (so that speech input can use them: WCAG 2.5.3), then its phase, what it waits for and
 * what waits for it. `waitsShown`: the box already shows what it waits for (the stacked list).
 */
export function nodeLabel(n: GraphNode, graph: StartOrderGraph, waitsShown: boolean): string {
  const shown = [isolate(n.name)];
  if (n.isInit) shown.push('INIT');
  shown.push(nodeMetaIsolated(n));
  const waits = waitsForText(waitsFor(n, graph));
  if (waitsShown && waits) shown.push(`waits for ${waits}`);
  if (n.problems.length > 0)
    shown.push(`${badgeText(n)} ${n.problems.length === 1 ? 'problem' : 'problems'}`);
  const sentences = [`${shown.join(', ')}.`, phaseSentence(n, graph)];
  if (!waitsShown) sentences.push(waits ? `Waits for ${waits}.` : 'Waits for no other container.');
  const waiters = graph.edges.filter((e) => e.from === n.id && e.to !== n.id).map((e) => e.to);
  const unique = [...new Set(waiters)].map((id) => isolate(nameOf(id, graph)));
  sentences.push(
    unique.length === 0
      ? 'No container waits for it.'
      : `${unique.join(', ')} ${unique.length === 1 ? 'waits' : 'wait'} for it.`,
  );
  return sentences.join(' ');
}

/** The subtitle with the image isolated (the image reference comes from the file too). */
function nodeMetaIsolated(n: GraphNode): string {
  const parts = [n.essential ? 'essential' : 'non-essential'];
  if (n.isLogRouter) parts.push('log router');
  if (n.hasHealthCheck) parts.push('health check');
  if (n.image) parts.push(isolate(shortImage(n.image)));
  return parts.join(' · ');
}

/** The accessible description of a container: its problems, worst first, or nothing. */
export function nodeProblemsText(n: GraphNode): string {
  if (n.problems.length === 0) return '';
  return `${plural(n.problems.length, 'problem')}: ${sortedProblems(n).map(problemLine).join(' ')}`;
}
