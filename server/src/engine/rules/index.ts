/**
 * The rule catalog, in the order rules run (findings are sorted by position afterwards).
 * Adding a rule: write rules/<id>.ts, docs/rules/<id>.md, a ruleTester table in
 * test/unit/rules/<id>.test.ts, and list it here; a test checks that every listed rule has its doc
 * and a README row.
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
// Task and container validity
import { noEssentialContainer } from './no-essential-container';
import { duplicateContainerName } from './duplicate-container-name';
import { missingRequiredField } from './missing-required-field';
import { unknownField } from './unknown-field';
import { invalidContainerName } from './invalid-container-name';
import { unknownVolume } from './unknown-volume';
import { volumesFromUnknownContainer } from './volumes-from-unknown-container';
import { fargateNetworkMode } from './fargate-network-mode';
import { fargateCpuMemory } from './fargate-cpu-memory';
import { awsvpcHostPort } from './awsvpc-host-port';
import { portProtocolDuplicate } from './port-protocol-duplicate';
import { timeoutRange } from './timeout-range';
import { healthcheckRange } from './healthcheck-range';
import { awslogsMissingOption } from './awslogs-missing-option';
import { imageLatestTag } from './image-latest-tag';
import { plaintextSecret } from './plaintext-secret';
import { repositoryCredentialsInconsistent } from './repository-credentials-inconsistent';
import { volumeNeverWritten } from './volume-never-written';
// Mistakes seen in real-world task definitions
import { linksUnknownContainer } from './links-unknown-container';
import { linksInAwsvpc } from './links-in-awsvpc';
import { fargateUnsupportedParameter } from './fargate-unsupported-parameter';
import { healthcheckCommand } from './healthcheck-command';
import { invalidNetworkMode } from './invalid-network-mode';
import { tooManyContainers } from './too-many-containers';
import { memoryReservationExceedsMemory } from './memory-reservation-exceeds-memory';
import { ec2ContainerMemoryMissing } from './ec2-container-memory-missing';
import { healthcheckCommandShape } from './healthcheck-command-shape';
import { healthcheckAlwaysPasses } from './healthcheck-always-passes';
import { initWritesReadOnlyMount } from './init-writes-read-only-mount';
import { localhostAcrossBridge } from './localhost-across-bridge';
import { sidecarNotAwaited } from './sidecar-not-awaited';
import { proxyNotAwaited } from './proxy-not-awaited';
import { startWhereHealthyAvailable } from './start-where-healthy-available';
import { startTimeoutWithoutEffect } from './start-timeout-without-effect';
import { launchTypeImplied } from './launch-type-implied';
import { registerReadonlyField } from './register-readonly-field';
import { taskDefinitionTooLarge } from './task-definition-too-large';

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
  volumeNeverWritten,
  entrypointOverridesShell,
  awsCliWithoutTaskRole,
  awslogsExecutionRole,
  completeIgnoresExitCode,
  // Task and container validity
  noEssentialContainer,
  duplicateContainerName,
  missingRequiredField,
  unknownField,
  invalidContainerName,
  unknownVolume,
  volumesFromUnknownContainer,
  fargateNetworkMode,
  fargateCpuMemory,
  awsvpcHostPort,
  portProtocolDuplicate,
  timeoutRange,
  healthcheckRange,
  awslogsMissingOption,
  imageLatestTag,
  plaintextSecret,
  repositoryCredentialsInconsistent,
  // Mistakes seen in real-world task definitions
  linksUnknownContainer,
  linksInAwsvpc,
  fargateUnsupportedParameter,
  healthcheckCommand,
  invalidNetworkMode,
  tooManyContainers,
  memoryReservationExceedsMemory,
  ec2ContainerMemoryMissing,
  healthcheckCommandShape,
  healthcheckAlwaysPasses,
  initWritesReadOnlyMount,
  localhostAcrossBridge,
  sidecarNotAwaited,
  proxyNotAwaited,
  startWhereHealthyAvailable,
  startTimeoutWithoutEffect,
  launchTypeImplied,
  registerReadonlyField,
  taskDefinitionTooLarge,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
