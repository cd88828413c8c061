/**
 * The start simulator: what the ECS container agent does with a task definition, step by step,
 * in a scenario (which containers exit, with what code, after how long; which never turn healthy).
 * Pure: a model and a scenario in, a JSON-serialisable result out. docs/simulate.md says what is
 * modelled, with the agent's file and function for each behaviour.
 */
import type {
  ScenarioOverrides,
  SimulatedContainer,
  SimulatedTask,
  SimulationEvent,
  SimulationResult,
} from '../../../../shared/src/simulation';
import { displayName, type ContainerModel, type TaskModel } from '../model';
import { agentDependencies, type ValidationProblem } from './dependencies';
import { outcomeSentence, STOPPED_FIRST, taskClause } from './outcome';
import { overrideOf, planContainers, type ContainerPlan } from './plan';
import { runSimulation, type ContainerState } from './run';
import { listOf } from './words';

export function simulate(model: TaskModel, overrides: ScenarioOverrides = {}): SimulationResult {
  const deps = agentDependencies(model);
  const plans = planContainers(model, overrides);
  const notes = [...deps.notes, ...scenarioNotes(model, plans, overrides)];
  if (deps.problems.length > 0) return refused(plans, deps.problems, notes);

  const run = runSimulation(plans, deps.of, deps.dependents);
  const containers = run.states.map(toContainer);
  const stops = run.stoppedBy !== null;
  const task: SimulatedTask = {
    stops,
    stoppedAt: stops ? Math.max(...run.states.map((s) => s.stoppedAt ?? 0)) : null,
    reason: run.taskReason,
    stoppedBy: run.stoppedBy?.plan.name ?? null,
    stoppingAt: run.stoppingAt,
    failedBeforeStart: false,
  };
  return {
    containers,
    task,
    timeline: run.timeline,
    outcome: outcomeSentence(task, containers),
    notes,
  };
}

function toContainer(s: ContainerState): SimulatedContainer {
  return {
    name: s.plan.name,
    id: s.plan.model.id,
    essential: s.plan.essential,
    oneShot: s.plan.oneShot,
    started: s.startedAt !== null,
    startedAt: s.startedAt,
    healthyAt: s.healthyAt,
    unhealthyAt: s.unhealthyAt,
    exitCode: s.exitCode,
    stopRequestedAt: s.stopRequestedAt,
    stoppedAt: s.stoppedAt,
    stopReason: s.stopReason,
    stopKind: s.stopKind,
    neverStartsBecause: s.neverStartsBecause,
  };
}

/**
 * DockerTaskEngine.AddTask: when PostUnmarshalTask or ValidDependencies fails, the task is STOPPED
 * before any container is pulled.
 */
function refused(
  plans: ContainerPlan[],
  problems: ValidationProblem[],
  notes: string[],
): SimulationResult {
  const timeline: SimulationEvent[] = problems.map((p) => ({
    at: 0,
    container: displayName(p.containers[0]!),
    event: 'blocked',
    detail: p.message,
  }));
  const why = 'never started: the task failed before any container started';
  const containers = plans.map((plan): SimulatedContainer => {
    const own = problems.find((p) => p.containers.includes(plan.model));
    timeline.push({ at: 0, container: plan.name, event: 'stopped', detail: why });
    return {
      name: plan.name,
      id: plan.model.id,
      essential: plan.essential,
      oneShot: plan.oneShot,
      started: false,
      startedAt: null,
      healthyAt: null,
      unhealthyAt: null,
      exitCode: null,
      stopRequestedAt: null,
      stoppedAt: 0,
      stopReason: why,
      stopKind: 'task-failed',
      neverStartsBecause: own ? own.message : 'the task failed before any container started',
    };
  });
  const first = problems[0]!;
  const task: SimulatedTask = {
    stops: true,
    stoppedAt: 0,
    reason:
      problems.length > 1 ? `${first.message} (and ${problems.length - 1} more)` : first.message,
    stoppedBy: displayName(first.containers[0]!),
    stoppingAt: 0,
    failedBeforeStart: true,
  };
  return { containers, task, timeline, outcome: outcomeSentence(task, containers), notes };
}

function scenarioNotes(
  model: TaskModel,
  plans: ContainerPlan[],
  overrides: ScenarioOverrides,
): string[] {
  const notes: string[] = [];
  const ids = new Set(model.containers.map((c) => c.id));
  for (const name of Object.keys(overrides))
    if (!ids.has(name)) notes.push(`No container is named "${name}": its scenario is ignored.`);
  for (const plan of plans)
    if (overrideOf(overrides, plan.model)?.neverHealthy && !plan.health)
      notes.push(`${plan.name} has no healthCheck, so "never healthy" changes nothing.`);
  return notes;
}

/** One line for a hover: what happens when this container fails (exits with code 1). */
export function whatIfFails(model: TaskModel, container: ContainerModel): string {
  const name = displayName(container);
  const base = simulate(model);
  const failed = simulate(model, { [container.id]: { exitCode: 1 } });
  if (failed.task.failedBeforeStart)
    return `If ${name} fails: it never runs anyway: the task fails before any container starts (${failed.task.reason}).`;
  const self = failed.containers.find((c) => c.id === container.id)!;
  if (!self.started)
    return `If ${name} fails: it never starts in the first place (${self.neverStartsBecause}).`;
  const startedBefore = new Set(base.containers.filter((c) => c.started).map((c) => c.id));
  const lost = failed.containers.filter((c) => !c.started && startedBefore.has(c.id));
  const parts: string[] = [];
  if (lost.length === 1)
    parts.push(
      `${lost[0]!.name} never starts${lost[0]!.neverStartsBecause === STOPPED_FIRST ? ' (the task stops first)' : ` (${lost[0]!.neverStartsBecause})`}`,
    );
  else if (lost.length > 1) parts.push(`${listOf(lost.map((c) => c.name))} never start`);
  if (base.task.stops && failed.task.stoppedBy === base.task.stoppedBy)
    // The task stops whether or not this container fails; say so rather than blame it.
    parts.push(
      failed.task.stoppedBy === name
        ? `${taskClause(failed.task, failed.containers, { withEnd: false })}, as it does when ${name} exits with code 0`
        : `the task stops anyway, because ${base.task.reason}`,
    );
  else parts.push(taskClause(failed.task, failed.containers, { withEnd: false }));
  return `If ${name} fails (exits with code 1): ${parts.join('; ')}.`;
}
