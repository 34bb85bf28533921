package dev.wslnet.watch;

import dev.wslnet.apply.Applier;
import dev.wslnet.apply.ApplyResult;
import dev.wslnet.apply.NotElevatedException;
import dev.wslnet.host.Applied;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostBusyException;
import dev.wslnet.host.HostException;
import dev.wslnet.host.HostLock;
import dev.wslnet.log.LogLine;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.PlanningException;
import dev.wslnet.scheduledtask.ConvergeTask;
import dev.wslnet.scheduledtask.ObservedTask;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import dev.wslnet.scheduledtask.TaskStart;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps a host converged in the foreground: checks the host (observes and plans it) whenever the
 * WSL VM's address or running mode may have changed, and applies when the plan is not empty.
 *
 * <p>Where the host reads the VM for free (inside a WSL distro, its own interface), it reads it
 * every interval and checks the host only when it changed, or after a failure. Elsewhere it checks
 * the host every interval: one PowerShell process, as a plan takes, and one more when it applies.
 *
 * <p>A failed check (the host cannot be observed, a change fails, it needs an administrator) is
 * logged and retried after a wait that doubles with each failure in a row, up to {@code maxWait};
 * it never ends the watch. What the desired-state supplier throws does: the file became invalid.
 * The apply lock is held only while a check runs.
 */
public final class Watcher {
  private final Host host;
  private final Path file;
  private final Supplier<DesiredState> desired;
  private final Backoff backoff;
  private final Clock clock;
  private final Consumer<String> log;

  /**
   * @param file the desired-state file, as the user named it
   * @param desired the desired state, read again for each check; what it throws ends the watch
   * @param log where each event goes, as one line with its time
   */
  public Watcher(
      Host host,
      Path file,
      Supplier<DesiredState> desired,
      Duration interval,
      Duration maxWait,
      Clock clock,
      Consumer<String> log) {
    this.host = host;
    this.file = file;
    this.desired = desired;
    this.backoff = new Backoff(interval, maxWait);
    this.clock = clock;
    this.log = log;
  }

  /** Watches until {@code stop} is signalled; returns once no check runs and the lock is free. */
  public void run(StopSignal stop) {
    // Where the VM can be read here (inside WSL), it can at every look: asked once.
    boolean readsVmHere = host.wslHere().isPresent();
    log(
        "watching "
            + file
            + " on "
            + host.name()
            + (readsVmHere ? ": reads the WSL VM's address every " : ": observes the host every ")
            + Durations.text(backoff.interval()));
    Optional<VmState> known = Optional.empty();
    boolean checkDue = true;
    int failures = 0;
    while (!stop.isStopped()) {
      Optional<VmState> here = readsVmHere ? host.wslHere().map(VmState::of) : Optional.empty();
      if (here.isPresent() && known.isPresent() && !here.equals(known)) {
        here.get().changesSince(known.get()).forEach(this::log);
        known = here;
        checkDue = true;
      }
      if (here.isEmpty() || checkDue) {
        Check check = check(readDesired(), known, readsVmHere);
        if (check.result() == Result.START_TASK) {
          startTask();
        }
        Optional<VmState> before = known;
        known = check.vm().or(() -> here).or(() -> before);
        // A started task runs on its own: until a check finds the host converged, the watch waits
        // longer each time, as after a failure.
        failures =
            check.result() == Result.FAILED || check.result() == Result.START_TASK
                ? failures + 1
                : 0;
        checkDue = check.result() != Result.CONVERGED;
      }
      Duration wait = backoff.after(failures);
      if (failures > 0) {
        log("next try in " + Durations.text(wait));
      }
      if (stop.await(wait)) {
        break;
      }
    }
    log("stopped");
  }

  /** The desired state; a file that became invalid ends the watch, and says so in the log. */
  private DesiredState readDesired() {
    try {
      return desired.get();
    } catch (RuntimeException e) {
      log("stopped: " + file + " is not valid any more (its diagnostics are on stderr)");
      throw e;
    }
  }

  /**
   * How a check ended: the host matches, it failed, another apply held the lock, or the changes
   * need an administrator that the scheduled task has.
   */
  private enum Result {
    CONVERGED,
    FAILED,
    BUSY,
    START_TASK
  }

  /** One check: what the VM was found to be, and whether the host now matches the file. */
  private record Check(Optional<VmState> vm, Result result) {}

  private Check check(DesiredState state, Optional<VmState> known, boolean readsVmHere) {
    Optional<VmState> seen = Optional.empty();
    try (HostLock lock = host.lock()) {
      ObservedState observed = host.observe(state.managedGroup());
      VmState vm = VmState.of(observed.facts());
      seen = Optional.of(vm);
      // What the observation found beside what was last seen: inside WSL the probe may have caught
      // the VM between two addresses (none, as while it restarts).
      if (known.isPresent()) {
        vm.changesSince(known.get()).forEach(this::log);
      }
      Plan plan = Planner.plan(state, observed);
      if (plan.isEmpty()) {
        if (known.isEmpty()) {
          log("the host matches the file");
        }
        return new Check(seen, Result.CONVERGED);
      }
      long needAdministrator = plan.needing(Need.ADMINISTRATOR);
      if (needAdministrator > 0 && !observed.facts().elevated()) {
        Optional<ObservedTask> task = ScheduledTaskKind.task(observed);
        Optional<String> otherFile =
            readsVmHere ? Optional.empty() : task.flatMap(this::otherFileOf);
        boolean startTask = task.isPresent() && otherFile.isEmpty();
        if (otherFile.isPresent()) {
          log(
              plural(needAdministrator, "change needs", "changes need")
                  + " an administrator, and this watch is not elevated; the scheduled task "
                  + ConvergeTask.FULL_NAME
                  + " applies "
                  + otherFile.get()
                  + ", not "
                  + file
                  + ". Run the watch elevated, or install the task for this file (wslnet schedule"
                  + " install -f "
                  + file
                  + ")");
          return new Check(seen, Result.FAILED);
        }
        log(
            plural(needAdministrator, "change needs", "changes need")
                + " an administrator, and this watch is not elevated: "
                + Change.list(plan.changes())
                + (startTask
                    ? ". Starting the scheduled task "
                        + ConvergeTask.FULL_NAME
                        + ", which applies as one"
                    : ". Run it from an elevated terminal, or install the scheduled task (wslnet"
                        + " schedule install), which the watch then starts"));
        return new Check(seen, startTask ? Result.START_TASK : Result.FAILED);
      }
      ApplyResult result = new Applier(host, false).apply(state, observed, plan, false);
      log(result.summary());
      return new Check(
          Optional.of(VmState.of(result.after().facts())),
          result.failed() == 0 && result.converged() ? Result.CONVERGED : Result.FAILED);
    } catch (HostBusyException e) {
      // Another apply (the scheduled task, say) is at work: look again after the interval.
      log(e.getMessage());
      return new Check(seen, Result.BUSY);
    } catch (HostException | PlanningException | NotElevatedException e) {
      log("failed: " + e.getMessage());
      return new Check(seen, Result.FAILED);
    }
  }

  /** Starts the scheduled task, with the lock free for its apply. */
  private void startTask() {
    try {
      Applied started = host.apply(List.of(new TaskStart()), Optional.empty());
      started.results().get(0).error().ifPresent(error -> log("failed: " + error));
    } catch (HostException e) {
      log("failed: " + e.getMessage());
    }
  }

  /**
   * The file the task applies, when it is not this watch's. (From inside WSL the task's Windows
   * path cannot be compared with the distro's: the task is started, and the next check shows
   * whether it helped.)
   */
  private Optional<String> otherFileOf(ObservedTask task) {
    Optional<String> applied = task.task().file();
    try {
      Path ours = file.toAbsolutePath().normalize();
      if (applied.isPresent() && Path.of(applied.get()).toAbsolutePath().normalize().equals(ours)) {
        return Optional.empty();
      }
    } catch (InvalidPathException e) {
      // A path this side cannot read is another file.
    }
    return Optional.of(applied.orElse("no file"));
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private void log(String event) {
    log.accept(LogLine.of(clock, event));
  }
}
