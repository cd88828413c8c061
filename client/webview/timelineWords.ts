/**
 * The words of the timeline: the scenario controls' labels, the short line each bar shows, what a
 * screen reader hears for a bar (its name begins with the words the row shows; its description
 * tells its phases), and the events of the table. Names from the file are isolated as in words.ts.
 * Pure.
 */
import type { StartOrderGraph } from '../../shared/src/graph';
import { FAILING_EXIT_CODE, slowRuntime, type Scenario } from '../../shared/src/scenarios';
import type {
  SimulatedContainer,
  SimulationEvent,
  SimulationResult,
} from '../../shared/src/simulation';
import type { Bar, Phase } from './bars';
import { isolate, waitsFor, waitsForText } from './words';

/** `5 s`, `2.5 s`: as the simulator writes times. */
export function seconds(t: number): string {
  return `${Number.isInteger(t) ? t : Number(t.toFixed(2))} s`;
}

function nameOf(id: string, graph: StartOrderGraph): string {
  return graph.nodes.find((n) => n.id === id)?.name ?? id;
}

/** The label of a scenario control, as parts: text, and names to put in <bdi> (`{ name }`). */
export type LabelPart = string | { name: string };

export function scenarioLabel(scenario: Scenario, graph: StartOrderGraph): LabelPart[] {
  if (scenario.kind === 'succeeds') return ['Everything succeeds'];
  const name = { name: nameOf(scenario.container, graph) };
  switch (scenario.kind) {
    case 'fails':
      return [name, ` fails (exits with code ${FAILING_EXIT_CODE})`];
    case 'slower': {
      const limit = graph.nodes.find((n) => n.id === scenario.container)?.startTimeout ?? 0;
      return [
        name,
        ` is slower than its startTimeout (runs ${seconds(slowRuntime(limit))}, limit ${seconds(limit)})`,
      ];
    }
    case 'neverHealthy':
      return [name, ' never becomes healthy'];
  }
}

/** A label's words as one string, names isolated (for accessible names and the status line). */
export function labelText(parts: LabelPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : isolate(p.name))).join('');
}

/** The short line a bar's row shows, fact by fact: "starts at 5 s", "exits with code 0 at 10 s". */
export function barFacts(bar: Bar): string[] {
  const c = bar.container;
  const facts: string[] = [];
  if (c.startedAt === null) facts.push('never starts');
  else facts.push(`starts at ${seconds(c.startedAt)}`);
  // The health check's verdict as the bar shows it: one that comes while ECS stops the container
  // changes nothing.
  for (const p of bar.phases)
    if (p.kind === 'healthy' || p.kind === 'unhealthy')
      facts.push(`${p.kind} at ${seconds(p.from)}`);
  const end = bar.end;
  switch (end.kind) {
    case 'exited':
      facts.push(`exits with code ${end.exitCode ?? '?'} at ${seconds(end.at)}`);
      break;
    case 'stopped':
      if (c.stopKind === 'task-failed') facts.push('the task fails first');
      else if (!end.started)
        facts.push(
          `stopped at ${seconds(end.at)}${end.exitCode !== null ? ` (exit code ${end.exitCode})` : ''}`,
        );
      else facts.push(`stopped by ${seconds(end.at)}`);
      break;
    case 'runs-on':
      facts.push('keeps running');
      break;
    case 'waits-on':
      facts.push('waits forever');
      break;
  }
  return facts;
}

export const FACT_SEPARATOR = ' · ';

/**
 * The accessible name of a bar: exactly the words its row shows (name, INIT, the facts), then
 * whether it is essential and whether its stop stops the task.
 */
export function barLabel(bar: Bar, isInit: boolean, result: SimulationResult): string {
  const c = bar.container;
  const shown = [isolate(c.name)];
  if (isInit) shown.push('INIT');
  shown.push(barFacts(bar).join(FACT_SEPARATOR));
  const sentences = [`${shown.join(', ')}.`, c.essential ? 'Essential.' : 'Non-essential.'];
  if (result.task.stoppedBy === c.name && !result.task.failedBeforeStart)
    sentences.push('Its stop stops the task.');
  return sentences.join(' ');
}

function phaseSentence(phase: Phase, c: SimulatedContainer, graph: StartOrderGraph): string {
  const span = `from ${seconds(phase.from)} to ${seconds(phase.to)}`;
  switch (phase.kind) {
    case 'waiting': {
      const node = graph.nodes.find((n) => n.id === c.id);
      const waits = node ? waitsForText(waitsFor(node, graph)) : '';
      return `Waits ${span}${waits ? ` for ${waits}` : ''}.`;
    }
    case 'blocked':
      return `Waits ${span} and never starts${c.neverStartsBecause ? `: ${c.neverStartsBecause}` : ''}.`;
    case 'running':
      return `Runs ${span}.`;
    case 'healthy':
      return `Healthy ${span}.`;
    case 'unhealthy':
      return `Unhealthy ${span}: its health check keeps failing.`;
    case 'stopping':
      return `Stopping ${span}: ECS sent SIGTERM and gives it its stopTimeout.`;
  }
}

/** A bar's phases in sentences, and how it ends: the description a screen reader gives the bar. */
export function barDescription(bar: Bar, graph: StartOrderGraph): string {
  const c = bar.container;
  const sentences = bar.phases.map((p) => phaseSentence(p, c, graph));
  const end = bar.end;
  if (end.kind === 'exited' || end.kind === 'stopped') {
    if (c.stopReason) sentences.push(`At ${seconds(end.at)}: ${c.stopReason}.`);
  } else if (end.kind === 'runs-on') sentences.push('It keeps running.');
  else if (bar.phases.length === 0 && c.neverStartsBecause)
    sentences.push(`It never starts: ${c.neverStartsBecause}.`);
  return sentences.join(' ');
}

/** One row of the table of events: about a container, or (`container` null) about the task. */
export interface EventRow {
  at: number;
  container: string | null;
  what: string;
  detail: string;
}

const EVENT_WORDS: Record<SimulationEvent['event'], string> = {
  create: 'created',
  start: 'starts',
  healthy: 'healthy',
  unhealthy: 'unhealthy',
  exit: 'exits',
  stopped: 'stopped',
  blocked: 'blocked',
};

/**
 * The events as the CLI prints them: creation goes without saying, and the moment ECS decides to
 * stop the task follows the stop that caused it.
 */
export function eventRows(result: SimulationResult): EventRow[] {
  const rows: EventRow[] = [];
  const { task } = result;
  for (const e of result.timeline) {
    if (e.event === 'create') continue;
    rows.push({ at: e.at, container: e.container, what: EVENT_WORDS[e.event], detail: e.detail });
    if (
      !task.failedBeforeStart &&
      task.stoppedBy === e.container &&
      task.stoppingAt === e.at &&
      (e.event === 'exit' || e.event === 'stopped')
    )
      rows.push({
        at: e.at,
        container: null,
        what: 'stops',
        detail: `ECS stops the task: ${task.reason ?? ''}`,
      });
  }
  return rows;
}

/** What the chart's group is called: the scenario it shows. */
export function chartLabel(scenario: Scenario, graph: StartOrderGraph): string {
  return `Timeline: ${labelText(scenarioLabel(scenario, graph))}`;
}
