import { prop } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';
import { checkRange, type Limits } from './timeout-range';

/** The ECS HealthCheck ranges and defaults (API reference, HealthCheck). */
export const HEALTH_CHECK_LIMITS: Record<
  'interval' | 'timeout' | 'retries' | 'startPeriod',
  Limits & { default: string }
> = {
  interval: { min: 5, max: 300, basis: '5 to 300 seconds', default: '30 seconds' },
  timeout: { min: 2, max: 60, basis: '2 to 60 seconds', default: '5 seconds' },
  retries: { min: 1, max: 10, basis: '1 to 10 retries', default: '3' },
  startPeriod: { min: 0, max: 300, basis: '0 to 300 seconds', default: 'off' },
};

export const healthcheckRange: Rule = {
  id: 'healthcheck-range',
  severity: 'error',
  summary:
    'A healthCheck interval, timeout, retries or startPeriod outside the range ECS accepts (5–300 s, 2–60 s, 1–10, 0–300 s), or written as a string.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const hc = c.healthCheckNode;
      if (!hc || hc.type !== 'object') continue;
      for (const [key, limits] of Object.entries(HEALTH_CHECK_LIMITS)) {
        const node = prop(hc, key);
        if (!node) continue;
        const spec = checkRange(
          ctx.edit,
          node,
          `The health-check ${key} of ${displayName(c)}`,
          limits,
          ` Leave it out for the default (${limits.default}).`,
        );
        // The JSON schema reports the same ranges and types.
        if (spec) ctx.report({ ...spec, container: c, schemaCovered: true });
      }
    }
  },
};
