package dev.wslnet.scheduledtask;

import java.util.Optional;

/**
 * {@code \wslnet\converge} as Task Scheduler reports it.
 *
 * @param lastRunTime when it last ran, in UTC (ISO 8601); empty when it never ran
 * @param lastResult the exit code of its last run, or Task Scheduler's own code (SCHED_S_…)
 * @param state Ready, Running, Disabled, Queued or Unknown
 */
public record ObservedTask(
    ConvergeTask task, Optional<String> lastRunTime, long lastResult, String state) {

  /** SCHED_S_TASK_RUNNING (Task Scheduler error and success constants). */
  public static final long RUNNING = 0x41301;

  /** SCHED_S_TASK_HAS_NOT_RUN. */
  public static final long HAS_NOT_RUN = 0x41303;

  /** The last result in words: succeeded, running, has not run, or the exit code it failed with. */
  public String lastResultText() {
    if (lastResult == 0) {
      return "succeeded";
    }
    if (lastResult == RUNNING) {
      return "running";
    }
    if (lastResult == HAS_NOT_RUN) {
      return "has not run yet";
    }
    return "failed with exit code " + lastResult + " (0x" + Long.toHexString(lastResult) + ")";
  }
}
