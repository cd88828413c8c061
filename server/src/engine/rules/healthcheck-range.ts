import { numberFields, rangesText, type FieldFacts } from '../fields/index';
import { prop } from '../json';
import { displayName } from '../model';
import type { Rule } from './rule';
import { checkRange, type Limits } from './timeout-range';

/** A HealthCheck number's limits and default, as the field table has them ("5 to 300 seconds"). */
function limitsOf(field: FieldFacts): Limits & { default: string } {
  const value = field.value;
  const min = value.type === 'integer' ? (value.minimum ?? 0) : 0;
  const max = value.type === 'integer' ? (value.maximum ?? Number.MAX_SAFE_INTEGER) : 0;
  const unit = value.type === 'integer' && value.unit === 'seconds' ? 'seconds' : field.name;
  return {
    min,
    max,
    basis: `${min} to ${max} ${unit}`,
    default:
      field.default === undefined
        ? (field.whenAbsent ?? 'none')
        : `${String(field.default)}${unit === 'seconds' ? ' seconds' : ''}`,
  };
}

/** The ECS HealthCheck ranges and defaults: interval, timeout, retries and startPeriod. */
export const HEALTH_CHECK_LIMITS: ReadonlyMap<string, Limits & { default: string }> = new Map(
  numberFields('HealthCheck').map((f) => [f.name, limitsOf(f)]),
);

export const healthcheckRange: Rule = {
  id: 'healthcheck-range',
  severity: 'error',
  summary: `A healthCheck interval, timeout, retries or startPeriod outside the range ECS accepts (${rangesText('HealthCheck', { names: false, defaults: false })}), or written as a string.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const hc = c.healthCheckNode;
      if (!hc || hc.type !== 'object') continue;
      for (const [key, limits] of HEALTH_CHECK_LIMITS) {
        const node = prop(hc, key);
        if (!node) continue;
        const spec = checkRange(
          ctx.edit,
          node,
          `The health-check ${ctx.spell.key(key)} of ${displayName(c)}`,
          limits,
          ` Leave it out for the default (${limits.default}).`,
        );
        // The JSON schema reports the same ranges and types.
        if (spec) ctx.report({ ...spec, container: c, schemaCovered: true });
      }
    }
  },
};
