/**
 * The extension's side of the timeline, for the webview tests: a task definition analysed and
 * simulated by the engine (as the language server does), and answers to the page's `simulate`
 * messages as the graph panel gives them (client/src/graphPanel.ts, which test/unit/graphPanel
 * tests): a scenario the graph allows is run, any other gets the current scenario once more.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyze, simulate } from '../../server/src/engine/index';
import type { StartOrderGraph } from '../../shared/src/graph';
import {
  SUCCEEDS,
  parseScenario,
  scenarioApplies,
  scenarioOverrides,
  type Scenario,
} from '../../shared/src/scenarios';
import type { SimulationResult } from '../../shared/src/simulation';
import { ROOT } from './harness';
import { posted, send } from './session';

export interface Task {
  uri: string;
  graph: StartOrderGraph;
  /** The scenario the extension runs now. */
  scenario: Scenario;
  simulate(scenario: Scenario): SimulationResult;
}

/** A task definition of the repository (`examples/…`, `test/webview/sources/…`), analysed. */
export function task(path: string, text = readFileSync(join(ROOT, path), 'utf8')): Task {
  const uri = `file:///workspace/${path.slice(path.lastIndexOf('/') + 1)}`;
  const analysis = analyze(text, { uri });
  const graph = analysis.graph();
  assert.ok(graph && analysis.model, `${path} is a task definition`);
  const model = analysis.model;
  return {
    uri,
    graph,
    scenario: SUCCEEDS,
    simulate: (scenario) => simulate(model, scenarioOverrides(graph, scenario)),
  };
}

/** The `simulate` messages the page has posted so far. */
export async function asked(page: Page): Promise<Scenario[]> {
  return (await posted(page))
    .filter((m) => m.command === 'simulate')
    .map((m) => parseScenario(m.scenario)!);
}

/** Sends the simulation in a scenario, as the panel posts it. */
export async function sendSimulation(page: Page, t: Task, scenario = t.scenario): Promise<void> {
  await send(page, {
    command: 'simulation',
    documentUri: t.uri,
    scenario,
    result: t.simulate(scenario),
  });
}

/**
 * Answers the page's newest `simulate` message as the panel would, and returns the scenario run.
 * Fails when the page has asked for nothing since `since` messages.
 */
export async function answer(page: Page, t: Task, since: number): Promise<Scenario> {
  const scenarios = await asked(page);
  assert.ok(scenarios.length > since, 'the page asked for a simulation');
  const wanted = scenarios.at(-1)!;
  if (scenarioApplies(t.graph, wanted)) t.scenario = wanted;
  await sendSimulation(page, t);
  return t.scenario;
}

/** Shows the graph and switches to the timeline, answering its first simulate message. */
export async function openTimeline(page: Page, t: Task): Promise<void> {
  await send(page, { command: 'update', graph: t.graph, documentUri: t.uri });
  const button = page.getByRole('button', { name: 'Timeline', exact: true });
  if ((await button.getAttribute('aria-pressed')) === 'true') {
    // Another document in the timeline: the panel sends its simulation without being asked.
    await sendSimulation(page, t);
  } else {
    const before = (await asked(page)).length;
    await button.click();
    await answer(page, t, before);
  }
  await page.waitForSelector('.timeline [data-node-id]');
}
