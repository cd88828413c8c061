/**
 * Where the ECS agent's versions, or the agent and AWS's documentation, disagree, the simulator
 * follows one of them; every such choice, and every default it assumes, is made here and nowhere
 * else. docs/simulate.md explains each with the agent's file and function.
 */
export const AGENT_CHOICES = {
  /**
   * START is met by a target that ran and has already stopped. This is the agent since PR #3927
   * (merged September 2023, "fixing an edge case for 'START' container dependency"), and what AWS
   * documents. Before it, containerOrderingDependenciesIsResolved (graph.go) met START only while
   * the target was running, so a dependent could wait forever for a target that had exited, and
   * START plus SUCCESS on one target could never both hold. With this choice, START plus SUCCESS on
   * the same target behaves like SUCCESS alone.
   */
  startMetByStoppedTarget: true,
  /**
   * An unset (or zero) startTimeout sets no limit: hasDependencyTimedOut (graph.go) returns false
   * when GetStartTimeout() <= 0, and no agent code fills it in. Older AWS documentation gave a
   * default of 3 minutes (ECS_CONTAINER_START_TIMEOUT), which the agent uses only for Docker's start
   * call.
   */
  defaultStartTimeout: undefined as number | undefined,
  /**
   * An unset (or zero) stopTimeout is 30 s: DockerTaskEngine.stopContainer falls back to
   * ECS_CONTAINER_STOP_TIMEOUT, whose default (defaultDockerStopTimeout) is 30 s; Fargate's is 30 s.
   */
  defaultStopTimeout: 30,
} as const;

/** ECS's health check defaults (HealthCheck: interval 30 s, retries 3, startPeriod off). */
export const HEALTH_CHECK_DEFAULTS = { interval: 30, retries: 3, startPeriod: 0 } as const;

/** The scenario's default for one-shot containers: they exit after 5 s with code 0. */
export const ONE_SHOT_DEFAULTS = { runtime: 5, exitCode: 0 } as const;

/** The exit code the agent records for a container it stops without starting (SIGTERM's 143). */
export const DEPENDENCY_ERROR_EXIT_CODE = 143;
