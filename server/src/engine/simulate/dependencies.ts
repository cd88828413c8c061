/**
 * The dependencies as the ECS agent holds them (a container's DependsOnUnsafe): the user's
 * dependsOn entries as written, then those PostUnmarshalTask adds, and the checks that refuse a task
 * before any container starts. Unlike the start-order graph, nothing is merged or dropped: the agent
 * checks every entry on its own.
 */
import { CONDITIONS, isCondition, wordList } from '../fields/index';
import { str } from '../json';
import { displayName, type ContainerModel, type TaskModel } from '../model';
import { isPlaceholder } from '../placeholders';
import { isLogRouter } from '../roles';
import { orderCycle, stronglyConnected } from '../startOrder';

/** CREATE is the agent's own condition for volumesFrom; a task definition cannot use it. */
export type AgentCondition = 'CREATE' | 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

export type DependencySource = 'dependsOn' | 'volumesFrom' | 'links' | 'firelens';

export interface AgentDependency {
  /** The container that waits. */
  dependent: ContainerModel;
  /** The container it waits for; undefined when no container has that name. */
  target?: ContainerModel;
  targetName: string;
  /** As written in dependsOn (possibly not a condition at all), or as the agent adds it. */
  condition: string;
  source: DependencySource;
}

export interface ValidationProblem {
  /** The containers the problem is about (the waiting one first). */
  containers: ContainerModel[];
  message: string;
}

export interface AgentDependencies {
  /** Each container's dependencies, in the agent's order. */
  of: Map<ContainerModel, AgentDependency[]>;
  /** The containers that list each container as a dependency: they stop before it. */
  dependents: Map<ContainerModel, ContainerModel[]>;
  /** Why the agent refuses the task before starting any container; empty when it starts it. */
  problems: ValidationProblem[];
  /** Entries left out of the simulation (template placeholders). */
  notes: string[];
}

export function agentDependencies(model: TaskModel): AgentDependencies {
  const of = new Map<ContainerModel, AgentDependency[]>();
  const notes: string[] = [];
  const problems: ValidationProblem[] = [];
  for (const c of model.containers) of.set(c, []);
  const add = (
    c: ContainerModel,
    targetName: string,
    condition: string,
    source: DependencySource,
  ) =>
    of
      .get(c)!
      .push({ dependent: c, target: model.byName.get(targetName), targetName, condition, source });

  for (const c of model.containers) {
    for (const dep of c.dependsOn) {
      const name = dep.containerName?.value ?? '';
      const condition = dep.condition?.value ?? '';
      if (isPlaceholder(name) || isPlaceholder(condition)) {
        notes.push(
          `${displayName(c)}: a dependsOn entry is a template placeholder (${isPlaceholder(name) ? name : condition}) and is left out.`,
        );
        continue;
      }
      add(c, name, condition, 'dependsOn');
    }
  }
  // PostUnmarshalTask → initializeContainerOrdering (task.go): volumesFrom for every container,
  // then links; an unknown name fails the task (ResourceInitError) before anything starts.
  for (const c of model.containers) {
    for (const v of c.volumesFrom) {
      const name = v.sourceContainer?.value;
      if (name === undefined) continue;
      if (isPlaceholder(name)) {
        notes.push(
          `${displayName(c)}: volumesFrom ${name} is a template placeholder and is left out.`,
        );
        continue;
      }
      if (!model.byName.has(name))
        problems.push({
          containers: [c],
          message:
            name === ''
              ? `${displayName(c)} has a volumesFrom entry without a sourceContainer`
              : `${displayName(c)} takes the volumes of "${name}" (volumesFrom), but no container has that name`,
        });
      else add(c, name, 'CREATE', 'volumesFrom');
    }
  }
  for (const c of model.containers) {
    for (const link of c.links) {
      const written = str(link.node) ?? link.target;
      if (isPlaceholder(link.target)) {
        notes.push(
          `${displayName(c)}: the link ${written} is a template placeholder and is left out.`,
        );
        continue;
      }
      if (written.split(':').length > 2)
        problems.push({
          containers: [c],
          message: `${displayName(c)} has the link "${written}", which is not name or name:alias`,
        });
      else if (!model.byName.has(link.target))
        problems.push({
          containers: [c],
          message: `${displayName(c)} links to "${written}", but no container has that name`,
        });
      else add(c, link.target, 'START', 'links');
    }
  }
  addFireLensDependencies(model, of);
  problems.push(...dependencyProblems(model, of));

  const dependents = new Map<ContainerModel, ContainerModel[]>();
  for (const c of model.containers) dependents.set(c, []);
  for (const [c, deps] of of) {
    for (const d of deps) if (d.target && d.target !== c) dependents.get(d.target)!.push(c);
  }
  return { of, dependents, problems, notes };
}

/**
 * addFirelensContainerDependency (task.go): the FireLens container (the last one with a
 * firelensConfiguration) gets a START dependency from every other container that logs through
 * awsfirelens and does not already name it; none at all when the FireLens container has any
 * dependency of its own, links and volumesFrom included.
 */
function addFireLensDependencies(model: TaskModel, of: Map<ContainerModel, AgentDependency[]>) {
  const router = model.containers.filter(isLogRouter).at(-1);
  const routerName = router?.name?.value;
  if (!router || !routerName || of.get(router)!.length > 0) return;
  for (const c of model.containers) {
    if (c === router || c.logDriver?.value !== 'awsfirelens') continue;
    const deps = of.get(c)!;
    if (deps.some((d) => d.targetName === routerName)) continue;
    deps.push({
      dependent: c,
      target: router,
      targetName: routerName,
      condition: 'START',
      source: 'firelens',
    });
  }
}

/**
 * dependencygraph.ValidDependencies (graph.go) places containers one by one once all they wait for
 * is placed; the task fails when some cannot be: an unknown name (itself included: a container is
 * never placed before itself), a condition the agent does not know, HEALTHY on a container without
 * a health check (containerOrderingDependenciesCanResolve), or a cycle.
 */
function dependencyProblems(
  model: TaskModel,
  of: Map<ContainerModel, AgentDependency[]>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const waitedBy = new Map<ContainerModel, { to: ContainerModel }[]>();
  for (const c of model.containers) waitedBy.set(c, []);
  for (const c of model.containers) {
    for (const d of of.get(c)!) {
      const who = displayName(c);
      if (d.targetName === '')
        problems.push({
          containers: [c],
          message: `${who} has a dependsOn entry without a container name`,
        });
      else if (!d.target)
        problems.push({
          containers: [c],
          message: `${who} waits for "${d.targetName}", but no container has that name`,
        });
      else if (d.target === c)
        problems.push({
          containers: [c],
          message:
            d.source === 'dependsOn'
              ? `${who} waits for itself`
              : `${who} names itself in ${d.source}`,
        });
      else if (d.source === 'dependsOn' && !isCondition(d.condition))
        problems.push({
          containers: [c],
          message: `${who} waits for ${displayName(d.target)} with ${d.condition === '' ? 'no condition' : `the condition "${d.condition}"`}, and ECS knows only ${wordList(CONDITIONS, 'and')}`,
        });
      else if (d.condition === 'HEALTHY' && !d.target.healthCheckNode)
        problems.push({
          containers: [c, d.target],
          message: `${who} waits for ${displayName(d.target)} to be HEALTHY, but ${displayName(d.target)} has no healthCheck`,
        });
      else waitedBy.get(d.target)!.push({ to: c });
    }
  }
  for (const scc of stronglyConnected(model.containers, waitedBy)) {
    if (scc.length < 2) continue;
    const cycle = orderCycle(scc, waitedBy);
    problems.push({
      containers: cycle,
      message: `${[...cycle, cycle[0]!].map(displayName).join(' → ')} wait for each other in a cycle`,
    });
  }
  return problems;
}
