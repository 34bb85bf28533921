package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.host.Host;
import dev.wslnet.model.ObservedState;
import java.util.function.Supplier;

/**
 * What a plan is made of: the desired-state file, and the host's observation. The observing process
 * starts before the file is read ({@link Host#startObserving}), so that on Windows PowerShell's
 * start-up passes while the JVM reads and checks the file; it gets its request only once the file
 * is valid. An invalid file is reported as if nothing had started, and the waiting process is
 * stopped: nothing of the host is read for it.
 *
 * <p>The request is not sent early, with the group read from the document before it is checked,
 * though that overlapped the check with the observation (6% of the simulated 5,000-rule plan): a
 * file that then turned out invalid had the host observed for nothing, a simulated host created,
 * and its stop waited on a process that might never read its input.
 */
record PlanInputs(DesiredStateFile desired, ObservedState observed) {

  /**
   * Reads the file and observes the host that {@code host} selects. Problems are reported in the
   * order of reading the file first: the file's, then the host's.
   *
   * @throws ExitException after reporting an invalid file, or for a host that cannot be selected
   * @throws RuntimeException as selecting and observing the host throw it, for a valid file
   */
  static PlanInputs read(
      String file, Supplier<Host> host, Console console, boolean json, boolean color) {
    Host.PendingObservation pending = null;
    RuntimeException hostProblem = null;
    try {
      pending = host.get().startObserving();
    } catch (RuntimeException e) {
      hostProblem = e;
    }
    try {
      DesiredStateFile desired =
          DesiredStates.valid(new DesiredStateValidator().read(file), console, json, color);
      if (hostProblem != null) {
        throw hostProblem;
      }
      return new PlanInputs(desired, pending.observe(desired.state().orElseThrow().managedGroup()));
    } finally {
      // Nothing once the observation is over; else its process is stopped.
      if (pending != null) {
        pending.close();
      }
    }
  }
}
