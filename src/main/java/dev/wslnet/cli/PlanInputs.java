package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.config.yaml.LoadedYaml;
import dev.wslnet.diagnostic.Severity;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostException;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What a plan is made of, read side by side: the desired-state file, and the host's observation.
 * The observing process starts first ({@link Host#startObserving}), and gets its request as soon as
 * the file's YAML is read, on a thread of its own, while the schema and the rules check the file:
 * the Windows firewall group it is scoped to is read from the same document that validation then
 * accepts unchanged. A file that turns out invalid stops the observation and is reported as before;
 * nothing of the host is shown.
 *
 * <p>On Windows, PowerShell's start-up then passes while the JVM reads the file, and its
 * observation while the file is checked. On the simulated host, which starts nothing, the
 * observation (reading host.json, and the script's answer) overlaps the check.
 */
record PlanInputs(DesiredStateFile desired, Host host, ObservedState observed) {

  /**
   * Reads the file and observes the host named by {@code hostOption}. Problems are reported in the
   * order the sequential reading had: the file's, then the host's.
   *
   * @throws ExitException after reporting an invalid file, or for a host that cannot be selected
   */
  static PlanInputs read(
      String file,
      String hostOption,
      Console console,
      boolean json,
      boolean color,
      boolean elevate) {
    Host host = null;
    ExitException hostProblem = null;
    try {
      host = Hosts.select(hostOption, console, elevate);
    } catch (ExitException e) {
      hostProblem = e;
    }
    Host.PendingObservation pending = host != null ? host.startObserving() : null;
    Observing observing = null;
    try {
      DesiredStateValidator validator = new DesiredStateValidator();
      LoadedYaml loaded = validator.load(file);
      if (pending != null && loaded.root().isPresent() && !hasErrors(loaded)) {
        observing = new Observing(pending, DesiredState.managedGroup(loaded.root().get()));
      }
      DesiredStateFile desired = DesiredStates.valid(validator.check(loaded), console, json, color);
      if (hostProblem != null) {
        throw hostProblem;
      }
      // A valid file loaded without errors, and a host was selected: the observation has started.
      return new PlanInputs(desired, host, observing.result());
    } finally {
      // Nothing once the observation is over; else it is stopped, its process too.
      if (observing != null) {
        observing.stop();
      }
      if (pending != null) {
        pending.close();
      }
    }
  }

  private static boolean hasErrors(LoadedYaml loaded) {
    return loaded.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }

  /** One observation on a thread of its own; a daemon, so that it never keeps wslnet running. */
  private static final class Observing {
    private final FutureTask<ObservedState> task;
    private final Thread thread;

    Observing(Host.PendingObservation pending, Optional<String> group) {
      task = new FutureTask<>(() -> pending.observe(group));
      thread = new Thread(task, "wslnet-observe");
      thread.setDaemon(true);
      thread.start();
    }

    /** The observation, or what stopped it, as observing on this thread would have thrown it. */
    ObservedState result() {
      try {
        return task.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new HostException("cannot observe the host: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HostException("interrupted while observing the host", e);
      }
    }

    /**
     * Stops an observation nobody will read (nothing once it is over): interrupted, a PowerShell
     * process is killed (see SystemProcessRunner). Waits for the thread, so that wslnet never exits
     * while it is halfway through a file.
     */
    void stop() {
      task.cancel(true);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
