package dev.wslnet.sim;

import java.util.Optional;

/**
 * The scheduled task {@code \wslnet\converge} on a simulated machine, as the script's
 * Register-ConvergeTask leaves it: its action, its repetition, and how its last run went.
 *
 * @param arguments the action's arguments as one Windows command line
 * @param lastRunTime when it last ran (UTC, ISO 8601); empty when it never ran
 * @param lastTaskResult the exit code of its last run, or SCHED_S_TASK_HAS_NOT_RUN or
 *     SCHED_S_TASK_RUNNING
 */
record SimTask(
    String execute,
    String arguments,
    int everyMinutes,
    Optional<String> lastRunTime,
    long lastTaskResult) {

  SimTask ran(String time, long result) {
    return new SimTask(execute, arguments, everyMinutes, Optional.of(time), result);
  }
}
