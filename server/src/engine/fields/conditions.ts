/**
 * The dependsOn conditions: the values ECS accepts, what each waits for and the constraints ECS
 * puts on it (AWS: API_ContainerDependency). The rules, the hovers, completion and the JSON schema
 * all read them here.
 */
import type { Condition } from '../types';

export interface ConditionFacts {
  /** What the waiting container waits for, as the end of "starts once …". */
  meaning: string;
  /** The same in a few words, after the other container's name: "fetch-config has exited". */
  reached: string;
  /** One line per constraint ECS puts on the condition. */
  constraints: readonly string[];
}

const NOT_ON_ESSENTIAL =
  'Can\'t be set on an essential container: the container waited for must be `"essential": false` (when an essential container exits, the task stops).';

export const CONDITION_FACTS: Readonly<Record<Condition, ConditionFacts>> = {
  START: {
    meaning:
      'the other container has started (the order `links` already imply; `volumesFrom` only waits for the other container to be created)',
    reached: 'has started',
    constraints: ['The other container only has to be started: nothing says it is ready.'],
  },
  COMPLETE: {
    meaning: 'the other container has run and exited, whatever its exit code',
    reached: 'has exited',
    constraints: [
      NOT_ON_ESSENTIAL,
      'A failed run (non-zero exit code) still lets the waiting container start; use SUCCESS to require exit code 0.',
    ],
  },
  SUCCESS: {
    meaning: 'the other container has run and exited with code 0',
    reached: 'has exited with code 0',
    constraints: [NOT_ON_ESSENTIAL],
  },
  HEALTHY: {
    meaning: "the other container's healthCheck passes",
    reached: 'is healthy',
    constraints: [
      'The container waited for needs a `healthCheck` in the task definition (a HEALTHCHECK in its image is not watched by ECS).',
      'Checked only at startup: if the container becomes unhealthy later, the containers that waited for it keep running.',
    ],
  },
};

/** The conditions in the order ECS documents them: START, COMPLETE, SUCCESS, HEALTHY. */
export const CONDITIONS = Object.keys(CONDITION_FACTS) as readonly Condition[];

export function isCondition(value: string): value is Condition {
  return Object.hasOwn(CONDITION_FACTS, value);
}

/** The conditions that wait for the other container to exit: ECS refuses them on an essential one. */
export function waitsForExit(condition: string): boolean {
  return condition === 'COMPLETE' || condition === 'SUCCESS';
}
