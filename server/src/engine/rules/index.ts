/**
 * The rule catalog, in the order rules run (findings are sorted by position afterwards).
 * Adding a rule: write rules/<id>.ts, docs/rules/<id>.md, tests in test/unit/rules/<id>.test.ts,
 * and list it here; a test checks that every listed rule has its doc and a README row.
 */
import type { Rule } from './rule';
// Start order and init containers
import { dependencyUnknownContainer } from './dependency-unknown-container';
import { dependencySelf } from './dependency-self';
import { dependencyCycle } from './dependency-cycle';
import { dependencyInvalidCondition } from './dependency-invalid-condition';
import { dependencyDuplicate } from './dependency-duplicate';
import { completionConditionOnEssential } from './completion-condition-on-essential';
import { healthyWithoutHealthcheck } from './healthy-without-healthcheck';
import { essentialInitContainer } from './essential-init-container';
import { initNotAwaited } from './init-not-awaited';
import { startConditionOnInit } from './start-condition-on-init';
import { initOutputNotShared } from './init-output-not-shared';
import { entrypointOverridesShell } from './entrypoint-overrides-shell';
import { awsCliWithoutTaskRole } from './aws-cli-without-task-role';
import { awslogsExecutionRole } from './awslogs-execution-role';
import { completeIgnoresExitCode } from './complete-ignores-exit-code';
// @catalog-imports (task and container validity rules are listed below this line)

export const allRules: readonly Rule[] = [
  dependencyUnknownContainer,
  dependencySelf,
  dependencyCycle,
  dependencyInvalidCondition,
  dependencyDuplicate,
  completionConditionOnEssential,
  healthyWithoutHealthcheck,
  essentialInitContainer,
  initNotAwaited,
  startConditionOnInit,
  initOutputNotShared,
  entrypointOverridesShell,
  awsCliWithoutTaskRole,
  awslogsExecutionRole,
  completeIgnoresExitCode,
  // @catalog-rules (task and container validity rules are listed below this line)
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
