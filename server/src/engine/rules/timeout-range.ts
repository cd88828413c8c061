import type { Editor, Spelling } from '../input';
import type { Node } from '../json';
import { displayName, type ContainerModel } from '../model';
import { nearestAllowed, readNumber, replaceWithNumber, shown } from './numbers';
import type { FixSpec, ReportSpec, Rule } from './rule';

export interface Limits {
  min: number;
  max: number;
  /** Where the limits come from, for the message. */
  basis: string;
}

function limitsFor(key: 'startTimeout' | 'stopTimeout', fargate: boolean): Limits {
  if (!fargate)
    return { min: 0, max: Number.MAX_SAFE_INTEGER, basis: 'a whole number of seconds, 0 or more' };
  return key === 'stopTimeout'
    ? { min: 0, max: 120, basis: 'at most 120 seconds on Fargate' }
    : { min: 2, max: 120, basis: '2 to 120 seconds on Fargate' };
}

/** The check shared with healthcheck-range: a whole number within limits, not a string. */
export function checkRange(
  edit: Editor,
  node: Node,
  what: string,
  limits: Limits,
  extra: string,
): Omit<ReportSpec, 'container'> | undefined {
  const read = readNumber(node);
  if (read.kind === 'placeholder') return undefined;
  if (read.kind === 'other') {
    return { at: node, message: `${what} must be a number: ECS accepts ${limits.basis}.${extra}` };
  }
  const { value } = read;
  const whole = Number.isInteger(value);
  const inRange = value >= limits.min && value <= limits.max;
  const fixed = nearestAllowed(value, limits.min, limits.max);
  const fixes: FixSpec[] = [];
  if (read.kind === 'numeric-string' && whole && inRange) {
    fixes.push({
      title: `Change ${shown(read)} to ${value}`,
      isPreferred: true,
      safe: true,
      edits: replaceWithNumber(edit, node, value),
    });
    return {
      at: node,
      message: `${what} is the string ${shown(read)}: the ECS API takes a number here, and the AWS CLI and SDKs reject a string ("Invalid type for parameter"). Write ${value} without quotes.`,
      fixes,
    };
  }
  if (whole && inRange) return undefined;
  fixes.push({
    title: `Change ${shown(read)} to ${fixed}`,
    isPreferred: true,
    safe: false,
    edits: replaceWithNumber(edit, node, fixed),
  });
  const problems: string[] = [];
  if (read.kind === 'numeric-string') problems.push('a string, where ECS takes a number');
  if (!whole) problems.push('not a whole number');
  if (!inRange) problems.push(value < limits.min ? `below ${limits.min}` : `above ${limits.max}`);
  return {
    at: node,
    message: `${what} is ${shown(read)}: ${problems.join('; ')}. ECS accepts ${limits.basis}.${extra}`,
    fixes,
  };
}

const NOTES = {
  startTimeout: (name: string) =>
    ` ${name} is how long the containers that depend on this one wait for it to reach its condition.`,
  stopTimeout: (name: string) =>
    ` ${name} is how long ECS waits after SIGTERM before it kills the container.`,
};

function check(
  edit: Editor,
  spell: Spelling,
  c: ContainerModel,
  key: 'startTimeout' | 'stopTimeout',
  fargate: boolean,
): Omit<ReportSpec, 'container'> | undefined {
  const node = key === 'startTimeout' ? c.startTimeoutNode : c.stopTimeoutNode;
  if (!node) return undefined;
  const name = spell.key(key);
  return checkRange(
    edit,
    node,
    `${name} of ${displayName(c)}`,
    limitsFor(key, fargate),
    NOTES[key](name),
  );
}

export const timeoutRange: Rule = {
  id: 'timeout-range',
  severity: 'error',
  summary:
    "startTimeout or stopTimeout that is not a whole number of seconds, negative, or out of Fargate's range (stopTimeout ≤ 120, startTimeout 2–120).",
  check(ctx) {
    // On EC2 (or when the launch type is not known) AWS documents no range: only the type is checked.
    const fargate = ctx.model.knowsTaskLevel && ctx.model.isFargate;
    for (const c of ctx.model.containers) {
      for (const key of ['startTimeout', 'stopTimeout'] as const) {
        const spec = check(ctx.edit, ctx.spell, c, key, fargate);
        if (spec) ctx.report({ ...spec, container: c });
      }
    }
  },
};
