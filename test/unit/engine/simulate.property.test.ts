/**
 * Properties of the start simulator on random task definitions and scenarios: it ends; no container
 * starts before the conditions it waits for are met; an essential container's stop always stops the
 * task; at shutdown a container is asked to stop only once everything that waits for it has stopped.
 * The dependencies are derived here from the generated JSON, on their own, as the agent adds them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  analyze,
  simulate,
  type ScenarioOverrides,
  type SimulatedContainer,
  type SimulationResult,
} from '../../../server/src/engine/index';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

interface Definition {
  name: string;
  image: string;
  essential: boolean;
  dependsOn?: { containerName: string; condition: string }[];
  links?: string[];
  volumesFrom?: { sourceContainer: string }[];
  healthCheck?: { command: string[]; interval: number; retries: number; startPeriod: number };
  startTimeout?: number;
  stopTimeout?: number;
  firelensConfiguration?: { type: string };
  logConfiguration?: { logDriver: string };
}

const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;

/**
 * A target: mostly a container defined earlier (so most tasks have no cycle and really run), now
 * and then any container, the container itself or a name no container has.
 */
const targetArb = fc.record({
  pick: fc.nat({ max: 999 }),
  wild: fc.nat({ max: 15 }).map((n) => n === 0),
});

const containerArb = fc.record({
  kind: fc.constantFrom('app', 'init', 'sidecar'),
  essential: fc.boolean(),
  dependsOn: fc.array(fc.record({ target: targetArb, condition: fc.constantFrom(...CONDITIONS) }), {
    maxLength: 3,
  }),
  links: fc.array(targetArb, { maxLength: 2 }),
  volumesFrom: fc.array(targetArb, { maxLength: 1 }),
  healthCheck: fc.option(
    fc.record({
      interval: fc.integer({ min: 1, max: 60 }),
      retries: fc.integer({ min: 1, max: 5 }),
      startPeriod: fc.integer({ min: 0, max: 60 }),
    }),
    { freq: 4 },
  ),
  startTimeout: fc.option(fc.integer({ min: 1, max: 120 })),
  stopTimeout: fc.option(fc.integer({ min: 1, max: 60 })),
  router: fc.boolean(),
  firelensLogs: fc.boolean(),
});

const scenarioArb = fc.array(
  fc.option(
    fc.record(
      {
        exitCode: fc.integer({ min: 0, max: 2 }),
        runtime: fc.integer({ min: 0, max: 100 }),
        neverHealthy: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  ),
  { minLength: 6, maxLength: 6 },
);

const taskArb = fc.array(containerArb, { minLength: 1, maxLength: 6 });

type Spec = typeof containerArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: Spec[]): Definition[] {
  const names = specs.map((s, i) => `${s.kind}-${i}`);
  return specs.map((s, i) => {
    type Target = { pick: number; wild: boolean };
    const usable = (t: Target) => t.wild || i > 0;
    const nameOf = (t: Target) =>
      t.wild ? (names[t.pick % (names.length + 1)] ?? 'ghost') : names[t.pick % i]!;
    const d: Definition = { name: names[i]!, image: 'busybox', essential: s.essential };
    const dependsOn = s.dependsOn.filter((x) => usable(x.target));
    const links = s.links.filter(usable);
    const volumesFrom = s.volumesFrom.filter(usable);
    if (dependsOn.length > 0)
      d.dependsOn = dependsOn.map((x) => ({
        containerName: nameOf(x.target),
        condition: x.condition,
      }));
    if (links.length > 0) d.links = links.map(nameOf);
    if (volumesFrom.length > 0)
      d.volumesFrom = volumesFrom.map((t) => ({ sourceContainer: nameOf(t) }));
    if (s.healthCheck) d.healthCheck = { command: ['CMD-SHELL', 'true'], ...s.healthCheck };
    if (s.startTimeout) d.startTimeout = s.startTimeout;
    if (s.stopTimeout) d.stopTimeout = s.stopTimeout;
    if (s.router) d.firelensConfiguration = { type: 'fluentbit' };
    if (s.firelensLogs) d.logConfiguration = { logDriver: 'awsfirelens' };
    return d;
  });
}

interface Wait {
  dependent: string;
  target: string;
  condition: 'CREATE' | (typeof CONDITIONS)[number];
}

/** The dependencies as the agent adds them (task.go: initializeContainerOrdering, addFirelensContainerDependency). */
function waitsOf(defs: Definition[]): Wait[] {
  const waits: Wait[] = [];
  for (const d of defs) {
    for (const x of d.dependsOn ?? [])
      waits.push({
        dependent: d.name,
        target: x.containerName,
        condition: x.condition as Wait['condition'],
      });
    for (const v of d.volumesFrom ?? [])
      waits.push({ dependent: d.name, target: v.sourceContainer, condition: 'CREATE' });
    for (const l of d.links ?? []) waits.push({ dependent: d.name, target: l, condition: 'START' });
  }
  const router = defs.filter((d) => d.firelensConfiguration).at(-1);
  if (router && !waits.some((w) => w.dependent === router.name)) {
    for (const d of defs) {
      if (d === router || d.logConfiguration?.logDriver !== 'awsfirelens') continue;
      if (waits.some((w) => w.dependent === d.name && w.target === router.name)) continue;
      waits.push({ dependent: d.name, target: router.name, condition: 'START' });
    }
  }
  return waits;
}

function met(w: Wait, target: SimulatedContainer, at: number): boolean {
  const ran = target.startedAt !== null && target.startedAt <= at;
  const exited =
    ran && target.stoppedAt !== null && target.stoppedAt <= at && target.exitCode !== null;
  switch (w.condition) {
    case 'CREATE':
    case 'START':
      return ran;
    case 'COMPLETE':
      return exited;
    case 'SUCCESS':
      return exited && target.exitCode === 0;
    case 'HEALTHY':
      return target.healthyAt !== null && target.healthyAt <= at;
  }
}

function check(defs: Definition[], result: SimulationResult): void {
  const byName = new Map(result.containers.map((c) => [c.name, c]));
  const { task } = result;
  if (task.failedBeforeStart) {
    assert.ok(result.containers.every((c) => !c.started));
    return;
  }
  const waits = waitsOf(defs);
  for (const c of result.containers) {
    // No container starts before its dependencies' conditions are met, nor once the task stops.
    if (c.started) {
      for (const w of waits.filter((x) => x.dependent === c.name))
        assert.ok(
          met(w, byName.get(w.target)!, c.startedAt!),
          `${c.name} started at ${c.startedAt} before ${w.target} met ${w.condition}`,
        );
      if (task.stoppingAt !== null) assert.ok(c.startedAt! <= task.stoppingAt);
    }
    // Every stop of an essential container stops the task.
    if (c.essential && c.stoppedAt !== null) {
      assert.ok(task.stops, `${c.name} is essential and stopped, the task does not`);
      assert.ok(task.stoppingAt !== null && task.stoppingAt <= c.stoppedAt);
    }
    // Shutdown goes in reverse dependency order: what waits for a container stops before it is asked to.
    const askedAt =
      c.stopRequestedAt ?? (c.stopKind === 'task-stopping' && !c.started ? c.stoppedAt : null);
    if (askedAt !== null) {
      for (const w of waits.filter((x) => x.target === c.name)) {
        const dependent = byName.get(w.dependent)!;
        assert.ok(
          dependent.stoppedAt !== null && dependent.stoppedAt <= askedAt,
          `${c.name} was asked to stop at ${askedAt} before ${w.dependent} stopped`,
        );
      }
    }
  }
  if (task.stops) {
    assert.ok(
      result.containers.every((c) => c.stoppedAt !== null && c.stoppedAt <= task.stoppedAt!),
    );
    assert.ok(task.reason && byName.has(task.stoppedBy!));
  }
}

test(`simulate: properties on random task definitions and scenarios (${RUNS} cases, seed ${SEED})`, () => {
  const outcomes = { refused: 0, stops: 0, runs: 0 };
  fc.assert(
    fc.property(taskArb, scenarioArb, (specs, scenario) => {
      const defs = build(specs);
      const model = analyze(JSON.stringify({ family: 'p', containerDefinitions: defs })).model;
      assert.ok(model);
      const overrides: ScenarioOverrides = {};
      defs.forEach((d, i) => {
        if (scenario[i]) overrides[d.name] = scenario[i];
      });
      const result = simulate(model, overrides);
      // It ends, after a bounded number of steps.
      assert.ok(result.timeline.length <= defs.length * 8, `${result.timeline.length} events`);
      check(defs, result);
      outcomes[result.task.failedBeforeStart ? 'refused' : result.task.stops ? 'stops' : 'runs']++;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  console.log(`simulate properties: ${JSON.stringify(outcomes)}`);
  // Most cases must really run, or the properties above would hold for want of anything to check.
  assert.ok(outcomes.stops + outcomes.runs > RUNS / 2, JSON.stringify(outcomes));
});
