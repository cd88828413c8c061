/**
 * The scenario per container: what its process does (runs until stopped, or exits after a runtime
 * with an exit code), how its health check behaves, and the timeouts ECS applies to it.
 */
import type { ContainerOverride, ScenarioOverrides } from '../../../../shared/src/simulation';
import { num, prop, str, type Node } from '../json';
import { displayName, type ContainerModel, type TaskModel } from '../model';
import { initContainers } from '../roles';
import { AGENT_CHOICES, HEALTH_CHECK_DEFAULTS, ONE_SHOT_DEFAULTS } from './choices';

export interface HealthPlan {
  interval: number;
  retries: number;
  startPeriod: number;
  neverHealthy: boolean;
}

export interface ContainerPlan {
  model: ContainerModel;
  name: string;
  essential: boolean;
  /** Exits on its own `runtime` seconds after its start, with `exitCode`. */
  oneShot: boolean;
  runtime: number;
  exitCode: number;
  health?: HealthPlan;
  /** Seconds; undefined when ECS sets no limit. */
  startTimeout?: number;
  stopTimeout: number;
}

/** A number as written, or a numeric string (CloudFormation and Terraform often quote them). */
function numeric(node: Node | undefined): number | undefined {
  const n = num(node);
  if (n !== undefined) return n;
  const s = str(node)?.trim();
  return s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

function positive(node: Node | undefined): number | undefined {
  const n = numeric(node);
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * The container's startTimeout in seconds as the agent applies it to whoever waits for the
 * container; undefined when it sets no limit (unset, zero, or not a number).
 */
export function startTimeoutOf(c: ContainerModel): number | undefined {
  return positive(c.startTimeoutNode) ?? AGENT_CHOICES.defaultStartTimeout;
}

export function overrideOf(
  overrides: ScenarioOverrides,
  c: ContainerModel,
): ContainerOverride | undefined {
  return Object.hasOwn(overrides, c.id) ? overrides[c.id] : undefined;
}

export function planContainers(model: TaskModel, overrides: ScenarioOverrides): ContainerPlan[] {
  const inits = initContainers(model);
  return model.containers.map((c) => {
    const o = overrideOf(overrides, c);
    const hc = c.healthCheckNode;
    const retries = positive(prop(hc, 'retries'));
    return {
      model: c,
      name: displayName(c),
      essential: c.essential,
      oneShot: inits.has(c) || o?.exitCode !== undefined || o?.runtime !== undefined,
      runtime: o?.runtime ?? ONE_SHOT_DEFAULTS.runtime,
      exitCode: o?.exitCode ?? ONE_SHOT_DEFAULTS.exitCode,
      health: hc
        ? {
            interval: positive(prop(hc, 'interval')) ?? HEALTH_CHECK_DEFAULTS.interval,
            retries: retries !== undefined ? Math.ceil(retries) : HEALTH_CHECK_DEFAULTS.retries,
            startPeriod: numeric(prop(hc, 'startPeriod')) ?? HEALTH_CHECK_DEFAULTS.startPeriod,
            neverHealthy: o?.neverHealthy === true,
          }
        : undefined,
      startTimeout: startTimeoutOf(c),
      stopTimeout: positive(c.stopTimeoutNode) ?? AGENT_CHOICES.defaultStopTimeout,
    };
  });
}

/**
 * Docker's health monitor (moby daemon/health.go): the first check runs `interval` after the start
 * and one every `interval` after that; a pass makes the container healthy at once; a failure while
 * the start period lasts does not count; `retries` counted failures in a row make it unhealthy.
 * Returns the seconds after the start at which the container turns healthy or unhealthy.
 */
export function healthTiming(h: HealthPlan): { healthyAfter?: number; unhealthyAfter?: number } {
  if (!h.neverHealthy) return { healthyAfter: h.interval };
  // Check k runs at k × interval; the first one that counts is the first at or after the start period.
  const firstCounted = Math.max(1, Math.ceil(h.startPeriod / h.interval));
  return { unhealthyAfter: (firstCounted + h.retries - 1) * h.interval };
}
