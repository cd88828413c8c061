/**
 * The discrete-event run: virtual seconds from the task's start; containers start the moment all
 * their dependencies are met (image pulls and Docker calls take no time here), exit after their
 * runtime, pass or fail health checks, and stop in reverse dependency order when the task stops.
 * It follows the ECS agent's managedTask.progressTask loop: after anything happens, every waiting
 * container is checked again until nothing more can change.
 */
import type {
  SimulatedContainer,
  SimulationEvent,
  SimulationEventKind,
  StopKind,
} from '../../../../shared/src/simulation';
import type { ContainerModel } from '../model';
import { AGENT_CHOICES, DEPENDENCY_ERROR_EXIT_CODE } from './choices';
import type { AgentDependency } from './dependencies';
import { healthTiming, type ContainerPlan } from './plan';
import { STOPPED_FIRST } from './outcome';
import { conditionLabel, listOf, seconds } from './words';

type Phase = 'waiting' | 'running' | 'stopped';

/** What the run records of a container is what the simulation reports of it. */
type Recorded = Pick<
  SimulatedContainer,
  | 'startedAt'
  | 'healthyAt'
  | 'unhealthyAt'
  | 'exitCode'
  | 'stopRequestedAt'
  | 'stoppedAt'
  | 'stopReason'
  | 'stopKind'
  | 'neverStartsBecause'
>;

export interface ContainerState extends Recorded {
  plan: ContainerPlan;
  deps: AgentDependency[];
  phase: Phase;
  health: 'none' | 'starting' | 'healthy' | 'unhealthy';
  /** The target's startTimeout has run out (hasDependencyTimedOut). */
  deadlinePassed: boolean;
}

/** Timeouts come last among the things that happen at one moment: a target that exits or turns healthy exactly at its deadline is in time. */
type PendingKind = 'exit' | 'stop-done' | 'healthy' | 'unhealthy' | 'deadline';

interface Pending {
  at: number;
  seq: number;
  kind: PendingKind;
  state: ContainerState;
}

type Verdict =
  | { kind: 'ready' }
  | { kind: 'blocked'; on: AgentDependency }
  | { kind: 'terminal'; reason: string };

export interface RunResult {
  states: ContainerState[];
  timeline: SimulationEvent[];
  stoppedBy: ContainerState | null;
  taskReason: string | null;
  stoppingAt: number | null;
}

export function runSimulation(
  plans: ContainerPlan[],
  depsOf: Map<ContainerModel, AgentDependency[]>,
  dependentsOf: Map<ContainerModel, ContainerModel[]>,
): RunResult {
  return new Simulation(plans, depsOf, dependentsOf).run();
}

class Simulation {
  private readonly states: ContainerState[];
  private readonly byModel = new Map<ContainerModel, ContainerState>();
  private readonly pending: Pending[] = [];
  private readonly timeline: SimulationEvent[] = [];
  private seq = 0;
  private now = 0;
  private stoppingAt: number | null = null;
  private stoppedBy: ContainerState | null = null;
  private taskReason: string | null = null;

  constructor(
    plans: ContainerPlan[],
    depsOf: Map<ContainerModel, AgentDependency[]>,
    private readonly dependentsOf: Map<ContainerModel, ContainerModel[]>,
  ) {
    this.states = plans.map((plan) => ({
      plan,
      deps: depsOf.get(plan.model) ?? [],
      phase: 'waiting',
      health: 'none',
      deadlinePassed: false,
      startedAt: null,
      healthyAt: null,
      unhealthyAt: null,
      exitCode: null,
      stopRequestedAt: null,
      stoppedAt: null,
      stopReason: null,
      stopKind: null,
      neverStartsBecause: null,
    }));
    for (const s of this.states) this.byModel.set(s.plan.model, s);
  }

  run(): RunResult {
    this.progress();
    while (this.pending.length > 0) {
      const head = this.pending[0]!;
      this.now = head.at;
      // Everything that happens at this moment, then (separately) the timeouts due now.
      const deadlines = head.kind === 'deadline';
      while (
        this.pending.length > 0 &&
        this.pending[0]!.at === this.now &&
        (this.pending[0]!.kind === 'deadline') === deadlines
      )
        this.apply(this.pending.shift()!);
      this.progress();
    }
    this.waitForever();
    return {
      states: this.states,
      timeline: this.timeline,
      stoppedBy: this.stoppedBy,
      taskReason: this.taskReason,
      stoppingAt: this.stoppingAt,
    };
  }

  private schedule(at: number, kind: PendingKind, state: ContainerState): void {
    const order: Record<PendingKind, number> = {
      exit: 0,
      'stop-done': 0,
      healthy: 1,
      unhealthy: 1,
      deadline: 2,
    };
    const item = { at, seq: this.seq++, kind, state };
    const before = (a: Pending, b: Pending) =>
      a.at < b.at ||
      (a.at === b.at &&
        (order[a.kind] < order[b.kind] || (order[a.kind] === order[b.kind] && a.seq < b.seq)));
    let i = this.pending.length;
    while (i > 0 && before(item, this.pending[i - 1]!)) i--;
    this.pending.splice(i, 0, item);
  }

  private emit(s: ContainerState, event: SimulationEventKind, detail: string): void {
    this.timeline.push({ at: this.now, container: s.plan.name, event, detail });
  }

  private apply(p: Pending): void {
    const s = p.state;
    switch (p.kind) {
      case 'exit':
        if (s.phase === 'running')
          this.stop(s, s.plan.exitCode, 'exited', `exited with code ${s.plan.exitCode}`, 'exit');
        break;
      case 'stop-done':
        if (s.phase === 'running')
          this.stop(
            s,
            null,
            'task-stopping',
            `stopped by ECS as the task stops: SIGTERM at ${seconds(s.stopRequestedAt!)}, SIGKILL after its stopTimeout (${seconds(s.plan.stopTimeout)}) at the latest`,
            'stopped',
          );
        break;
      case 'healthy':
        if (s.phase === 'running' && s.health === 'starting') {
          s.health = 'healthy';
          s.healthyAt = this.now;
          this.emit(
            s,
            'healthy',
            `its first health check passed (interval ${seconds(s.plan.health!.interval)})`,
          );
        }
        break;
      case 'unhealthy':
        if (s.phase === 'running' && s.health === 'starting') {
          const h = s.plan.health!;
          s.health = 'unhealthy';
          s.unhealthyAt = this.now;
          this.emit(
            s,
            'unhealthy',
            `${h.retries} health check${h.retries === 1 ? '' : 's'} in a row failed (retries ${h.retries}, interval ${seconds(h.interval)}${h.startPeriod > 0 ? `, failures in the first ${seconds(h.startPeriod)} not counted` : ''})`,
          );
        }
        break;
      case 'deadline':
        s.deadlinePassed = true;
        break;
    }
  }

  /** managedTask.progressTask: move every container that can move, until none can. */
  private progress(): void {
    for (let changed = true; changed;) {
      changed = false;
      if (this.stoppingAt === null) {
        for (const s of this.states) {
          if (s.phase !== 'waiting') continue;
          const verdict = this.evaluate(s);
          if (verdict.kind === 'blocked') continue;
          changed = true;
          if (verdict.kind === 'terminal') this.stopWithoutStarting(s, verdict.reason);
          else this.start(s);
          if (this.stoppingAt !== null) break;
        }
      }
      if (this.stoppingAt !== null) changed = this.shutdownStep() || changed;
    }
    if (
      this.stoppingAt === null &&
      this.states.length > 0 &&
      this.states.every((s) => s.phase === 'stopped')
    ) {
      // No essential container stopped, yet none is left: the task's known status is STOPPED.
      const last = this.states.reduce((a, b) => (b.stoppedAt! >= a.stoppedAt! ? b : a));
      this.stoppingAt = this.now;
      this.stoppedBy = last;
      this.taskReason = `every container has stopped (the last, ${last.plan.name}, at ${seconds(last.stoppedAt!)})`;
    }
  }

  /**
   * verifyContainerOrderingStatusResolvable (graph.go), entry by entry: first the terminal errors
   * (the target's startTimeout ran out, a SUCCESS target exited non-zero, the target will never
   * start), then whether the condition is met.
   */
  private evaluate(s: ContainerState): Verdict {
    let blocked: AgentDependency | undefined;
    for (const d of s.deps) {
      const t = this.byModel.get(d.target!)!;
      const who = s.plan.name;
      const target = t.plan.name;
      const label = conditionLabel(d);
      if (
        t.phase !== 'stopped' &&
        t.deadlinePassed &&
        (d.condition === 'SUCCESS' || d.condition === 'COMPLETE' || d.condition === 'HEALTHY')
      )
        return {
          kind: 'terminal',
          reason: `${target} did not reach ${d.condition} within its startTimeout (${seconds(t.plan.startTimeout!)} from its start at ${seconds(t.startedAt!)}) and ${who} waits for it (${label})`,
        };
      if (t.phase === 'stopped' && t.startedAt === null)
        return {
          kind: 'terminal',
          reason: `${target} never starts and ${who} waits for it (${label})`,
        };
      if (d.condition === 'SUCCESS' && t.phase === 'stopped' && t.exitCode !== 0)
        return {
          kind: 'terminal',
          reason: `${target} ${t.exitCode === null ? 'was stopped without an exit code' : `exited with code ${t.exitCode}`} and ${who} waits for SUCCESS`,
        };
      if (!this.met(d, t)) blocked ??= d;
    }
    return blocked ? { kind: 'blocked', on: blocked } : { kind: 'ready' };
  }

  /** containerOrderingDependenciesIsResolved (graph.go), with the START choice of choices.ts. */
  private met(d: AgentDependency, t: ContainerState): boolean {
    switch (d.condition) {
      case 'CREATE':
        return t.startedAt !== null;
      case 'START':
        return (
          t.phase === 'running' ||
          (AGENT_CHOICES.startMetByStoppedTarget && t.phase === 'stopped' && t.startedAt !== null)
        );
      case 'COMPLETE':
        return t.phase === 'stopped' && t.exitCode !== null;
      case 'SUCCESS':
        return t.phase === 'stopped' && t.exitCode === 0;
      case 'HEALTHY':
        return t.health === 'healthy';
      default:
        return false;
    }
  }

  private start(s: ContainerState): void {
    const { plan } = s;
    s.phase = 'running';
    s.startedAt = this.now;
    this.emit(s, 'create', 'created');
    const waited = s.deps.map((d) => `${d.targetName} (${conditionLabel(d)})`);
    const parts = [waited.length > 0 ? `after ${listOf(waited)}` : 'nothing to wait for'];
    if (plan.oneShot)
      parts.push(`one-shot: exits after ${seconds(plan.runtime)} with code ${plan.exitCode}`);
    this.emit(s, 'start', parts.join('; '));
    if (plan.oneShot) this.schedule(this.now + plan.runtime, 'exit', s);
    if (plan.health) {
      s.health = 'starting';
      const { healthyAfter, unhealthyAfter } = healthTiming(plan.health);
      if (healthyAfter !== undefined) this.schedule(this.now + healthyAfter, 'healthy', s);
      if (unhealthyAfter !== undefined) this.schedule(this.now + unhealthyAfter, 'unhealthy', s);
    }
    if (plan.startTimeout !== undefined) this.schedule(this.now + plan.startTimeout, 'deadline', s);
  }

  private stop(
    s: ContainerState,
    exitCode: number | null,
    kind: StopKind,
    reason: string,
    event: SimulationEventKind,
  ): void {
    s.phase = 'stopped';
    s.exitCode = exitCode;
    s.stoppedAt = this.now;
    s.stopKind = kind;
    s.stopReason = reason;
    this.emit(s, event, reason);
    if (s.plan.essential && this.stoppingAt === null) {
      // updateTaskDesiredStatusUnsafe (task.go): an essential container that stops, whatever its
      // exit code, makes the task's desired status STOPPED.
      this.stoppingAt = this.now;
      this.stoppedBy = s;
      this.taskReason =
        kind === 'dependency-error'
          ? `${s.plan.name} is essential and was stopped without starting at ${seconds(this.now)}`
          : `${s.plan.name} is essential and ${reason} at ${seconds(this.now)}`;
    }
  }

  /** handleTerminalDependencyError (task_manager.go): stopped without starting, exit code 143. */
  private stopWithoutStarting(s: ContainerState, why: string): void {
    s.neverStartsBecause = why;
    this.emit(s, 'blocked', why);
    this.stop(
      s,
      DEPENDENCY_ERROR_EXIT_CODE,
      'dependency-error',
      `stopped without starting (exit code ${DEPENDENCY_ERROR_EXIT_CODE}): ${why}`,
      'stopped',
    );
  }

  /**
   * verifyShutdownOrder (graph.go): a container stops only once every container that waits for it
   * has stopped; DockerTaskEngine.stopContainer gives a running one its stopTimeout.
   */
  private shutdownStep(): boolean {
    let changed = false;
    for (const s of this.states) {
      if (s.phase === 'stopped' || s.stopRequestedAt !== null) continue;
      const waiting = this.dependentsOf.get(s.plan.model) ?? [];
      if (waiting.some((m) => this.byModel.get(m)!.phase !== 'stopped')) continue;
      changed = true;
      if (s.phase === 'waiting') {
        s.neverStartsBecause = STOPPED_FIRST;
        this.stop(s, null, 'task-stopping', 'never started: the task stopped first', 'stopped');
      } else {
        s.stopRequestedAt = this.now;
        this.schedule(this.now + s.plan.stopTimeout, 'stop-done', s);
      }
    }
    return changed;
  }

  /** Containers still waiting when nothing else can happen wait forever: say for what. */
  private waitForever(): void {
    for (const s of this.states) {
      if (s.phase !== 'waiting') continue;
      const verdict = this.evaluate(s);
      if (verdict.kind !== 'blocked') continue;
      const d = verdict.on;
      const t = this.byModel.get(d.target!)!;
      s.neverStartsBecause = `it waits for ${t.plan.name} (${conditionLabel(d)}), and ${this.neverMet(d, t)}`;
      this.emit(s, 'blocked', s.neverStartsBecause);
    }
  }

  private neverMet(d: AgentDependency, t: ContainerState): string {
    const name = t.plan.name;
    if (t.phase === 'waiting') return `${name} never starts`;
    if (d.condition === 'HEALTHY') {
      const limit = t.plan.startTimeout === undefined ? ' and has no startTimeout' : '';
      if (t.health === 'unhealthy')
        return `${name} is unhealthy from ${seconds(t.unhealthyAt!)}${limit}`;
      return `${name} stopped at ${seconds(t.stoppedAt!)} without turning healthy`;
    }
    if (t.phase === 'running') return `${name} runs until it is stopped`;
    return `${name} stopped at ${seconds(t.stoppedAt!)}, which does not meet ${d.condition}`;
  }
}
