/**
 * Everything on the timeline's page around the chart: the outcome sentence on top, the scenario
 * controls (real radio buttons: Tab reaches the group, the arrow keys choose), the legend of the
 * bars, and the table of events second by second, which tells everything the chart shows.
 */
import type { StartOrderGraph } from '../../shared/src/graph';
import { sameScenario, scenarioChoices, type Scenario } from '../../shared/src/scenarios';
import type { SimulationResult } from '../../shared/src/simulation';
import { withIsolatedNames } from './chrome';
import { html } from './dom';
import { eventRows, scenarioLabel, seconds } from './timelineWords';

/** The key of a scenario control: its data-action, which also lets a redraw give the focus back. */
export function scenarioKey(scenario: Scenario): string {
  return scenario.kind === 'succeeds'
    ? 'scenario-succeeds'
    : `scenario-${scenario.kind}-${scenario.container}`;
}

/** The outcome in one sentence, with the notes of what the simulation left out. */
export function renderOutcome(
  parent: Element,
  result: SimulationResult,
  graph: StartOrderGraph,
): void {
  const trouble = result.task.stops || result.containers.some((c) => !c.started) ? 'stops' : 'runs';
  const section = html('section', { class: `outcome ${trouble}`, 'aria-label': 'Outcome' }, parent);
  const names = [...graph.nodes.map((n) => n.name), ...result.containers.map((c) => c.name)];
  withIsolatedNames(html('p', { class: 'outcome-sentence' }, section), result.outcome, names);
  if (result.notes.length > 0) {
    const notes = html('ul', { class: 'outcome-notes' }, section);
    for (const note of result.notes) withIsolatedNames(html('li', {}, notes), note, names);
  }
}

/**
 * The scenario controls: one radio button per scenario that makes sense for the task. `choose`
 * runs when the user picks one.
 */
export function renderScenarios(
  parent: Element,
  graph: StartOrderGraph,
  current: Scenario,
  choose: (scenario: Scenario) => void,
): HTMLFieldSetElement {
  const fieldset = html('fieldset', { class: 'scenarios' }, parent);
  html('legend', {}, fieldset, 'Scenario');
  const list = html('div', { class: 'scenario-list' }, fieldset);
  for (const scenario of scenarioChoices(graph)) {
    const label = html('label', { class: 'scenario' }, list);
    const input = html(
      'input',
      { type: 'radio', name: 'scenario', 'data-action': scenarioKey(scenario) },
      label,
    );
    input.checked = sameScenario(scenario, current);
    input.addEventListener('change', () => {
      if (input.checked) choose(scenario);
    });
    const text = html('span', {}, label);
    for (const part of scenarioLabel(scenario, graph))
      if (typeof part === 'string') text.append(part);
      else html('bdi', {}, text, part.name);
  }
  return fieldset;
}

/** Checks the control of `scenario` (after the extension answered with it). */
export function checkScenario(fieldset: HTMLFieldSetElement, scenario: Scenario): void {
  const key = scenarioKey(scenario);
  for (const input of fieldset.querySelectorAll('input'))
    input.checked = input.getAttribute('data-action') === key;
}

const LEGEND: { label: string; swatch: string }[] = [
  { label: 'waiting', swatch: 'phase waiting' },
  { label: 'never starts (waits in vain)', swatch: 'phase blocked' },
  { label: 'running', swatch: 'phase running' },
  { label: 'healthy', swatch: 'phase healthy' },
  { label: 'unhealthy', swatch: 'phase unhealthy' },
  { label: 'stopping (SIGTERM, then its stopTimeout)', swatch: 'phase stopping' },
  { label: 'exited or stopped', swatch: 'bar-end exited' },
  { label: 'exited non-zero, or stopped without starting', swatch: 'bar-end exited failed' },
  { label: 'ECS stops the task', swatch: 'task-stop' },
];

export function renderTimelineLegend(parent: Element): void {
  const legend = html('section', { class: 'legend', 'aria-label': 'Legend' }, parent);
  const list = html('ul', {}, legend);
  for (const item of LEGEND) {
    const li = html('li', {}, list);
    const swatch = html('span', { class: 'timeline-swatch', 'aria-hidden': 'true' }, li);
    html('span', { class: item.swatch }, swatch);
    html('span', {}, li, item.label);
  }
}

/** The table of events: what the chart shows, in words, second by second. */
export function renderEvents(
  parent: Element,
  result: SimulationResult,
  graph: StartOrderGraph,
): void {
  const section = html('section', { class: 'events', 'aria-labelledby': 'events-heading' }, parent);
  html('h2', { id: 'events-heading' }, section, 'Second by second');
  const rows = eventRows(result);
  if (rows.length === 0) {
    html('p', { class: 'placeholder' }, section, 'Nothing happens.');
    return;
  }
  const table = html('table', { 'aria-labelledby': 'events-heading' }, section);
  const head = html('tr', {}, html('thead', {}, table));
  for (const title of ['Time', 'Container', 'Event', 'What happens'])
    html('th', { scope: 'col' }, head, title);
  const body = html('tbody', {}, table);
  const names = [...graph.nodes.map((n) => n.name), ...result.containers.map((c) => c.name)];
  for (const r of rows) {
    const tr = html('tr', {}, body);
    html('td', { class: 'event-time' }, tr, seconds(r.at));
    const who = html('th', { scope: 'row' }, tr);
    if (r.container === null) who.append('the task');
    else html('bdi', {}, who, r.container);
    html('td', { class: 'event-kind' }, tr, r.what);
    withIsolatedNames(html('td', {}, tr), r.detail, names);
  }
}
