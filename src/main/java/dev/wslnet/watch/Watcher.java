package dev.wslnet.watch;

import dev.wslnet.apply.Applier;
import dev.wslnet.apply.ApplyResult;
import dev.wslnet.apply.ChangeResult;
import dev.wslnet.apply.NotElevatedException;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostBusyException;
import dev.wslnet.host.HostException;
import dev.wslnet.host.HostLock;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.PlanningException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
  private final String source;
  private final Supplier<DesiredState> desired;
  private final Backoff backoff;
  private final Clock clock;
  private final Consumer<String> log;

  /**
   * @param source the desired-state file, as the user named it
   * @param desired the desired state, read again for each check; what it throws ends the watch
   * @param log where each event goes, as one line with its time
   */
  public Watcher(
      Host host,
      String source,
      Supplier<DesiredState> desired,
      Duration interval,
      Duration maxWait,
      Clock clock,
      Consumer<String> log) {
    this.host = host;
    this.source = source;
    this.desired = desired;
    this.backoff = new Backoff(interval, maxWait);
    this.clock = clock;
    this.log = log;
  }

  /** Watches until {@code stop} is signalled; returns once no check runs and the lock is free. */
  public void run(StopSignal stop) {
    log(
        "watching "
            + source
            + " on "
            + host.name()
            + (host.wslHere().isPresent()
                ? ": reads the WSL VM's address every "
                : ": observes the host every ")
            + text(backoff.interval()));
    Optional<VmState> known = Optional.empty();
    boolean checkDue = true;
    int failures = 0;
    while (!stop.isStopped()) {
      Optional<VmState> here = host.wslHere().map(VmState::of);
      if (here.isPresent() && known.isPresent() && !here.equals(known)) {
        here.get().changesSince(known.get()).forEach(this::log);
        known = here;
        checkDue = true;
      }
      if (here.isEmpty() || checkDue) {
        Check check = check(desired.get(), known, here.isEmpty());
        known = check.vm().or(() -> here);
        failures = check.succeeded() ? 0 : failures + 1;
        checkDue = !check.succeeded();
      }
      Duration wait = backoff.after(failures);
      if (failures > 0) {
        log("next try in " + text(wait));
      }
      if (stop.await(wait)) {
        break;
      }
    }
    log("stopped");
  }

  /** One check: what the VM was found to be, and whether the host now matches the file. */
  private record Check(Optional<VmState> vm, boolean succeeded) {}

  private Check check(DesiredState state, Optional<VmState> known, boolean followVmHere) {
    Optional<VmState> seen = Optional.empty();
    try (HostLock lock = host.lock()) {
      ObservedState observed = host.observe(state.managedGroup());
      VmState vm = VmState.of(observed.facts());
      seen = Optional.of(vm);
      if (followVmHere && known.isPresent()) {
        vm.changesSince(known.get()).forEach(this::log);
      }
      Plan plan = Planner.plan(state, observed);
      if (plan.isEmpty()) {
        if (known.isEmpty()) {
          log("the host matches the file");
        }
        return new Check(seen, true);
      }
      long needAdministrator = plan.needing(Need.ADMINISTRATOR);
      if (needAdministrator > 0 && !observed.facts().elevated()) {
        log(
            plural(needAdministrator, "change needs", "changes need")
                + " an administrator, and this watch is not elevated: "
                + addresses(plan.changes())
                + ". Run it from an elevated terminal");
        return new Check(seen, false);
      }
      ApplyResult result = new Applier(host, false).apply(state, observed, plan, false);
      log(summary(result));
      return new Check(
          Optional.of(VmState.of(result.after().facts())),
          result.failed() == 0 && result.converged());
    } catch (HostBusyException e) {
      log(e.getMessage());
      return new Check(seen, false);
    } catch (HostException | PlanningException | NotElevatedException e) {
      log("failed: " + e.getMessage());
      return new Check(seen, false);
    }
  }

  private static String summary(ApplyResult result) {
    List<ChangeResult> failed = result.results().stream().filter(r -> !r.succeeded()).toList();
    String changes = addresses(result.results().stream().map(ChangeResult::change).toList());
    if (!failed.isEmpty()) {
      ChangeResult first = failed.get(0);
      return "applied "
          + plural(result.results().size(), "change", "changes")
          + " ("
          + changes
          + "): "
          + failed.size()
          + " failed; "
          + first.change().address().text()
          + ": "
          + first.error().orElseThrow();
    }
    String applied =
        "applied " + plural(result.results().size(), "change", "changes") + " (" + changes + ")";
    if (!result.converged()) {
      return applied + ", but the host still differs: " + addresses(result.after().changes());
    }
    return applied
        + ": ok"
        + (result.restartPending() ? "; .wslconfig takes effect after wsl --shutdown" : "");
  }

  private static String addresses(List<Change> changes) {
    return changes.stream()
        .map(change -> change.action().symbol() + " " + change.address().text())
        .collect(Collectors.joining(", "));
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** 500ms, 2s, 1m30s, 5m: how long, as people and --interval write it. */
  static String text(Duration duration) {
    if (duration.toMillis() % 1000 != 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
  }

  private void log(String event) {
    log.accept(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + event);
  }
}
