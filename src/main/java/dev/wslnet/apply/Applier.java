package dev.wslnet.apply;

import dev.wslnet.host.Applied;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostException;
import dev.wslnet.host.OperationResult;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.WslEdit;
import dev.wslnet.operation.Operation;
import dev.wslnet.operation.WslShutdown;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.wslconfig.WslConfigEditException;
import dev.wslnet.wslconfig.WslConfigEditor;
import dev.wslnet.wslconfig.WslConfigText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a plan on a host and proves the result: checks the preconditions before touching
 * anything, writes .wslconfig, runs every Windows operation in one round trip that also observes
 * the host again, then plans once more: a plan that is not empty then means the host did not
 * converge. The caller holds the host's lock from the observation the plan was made from until this
 * returns.
 */
public final class Applier {
  private final Host host;
  private final boolean elevate;

  /**
   * @param elevate the host runs operations in an elevated process of their own (apply --elevate)
   */
  public Applier(Host host, boolean elevate) {
    this.host = host;
    this.elevate = elevate;
  }

  /**
   * @param observed the observation the plan was made from; the .wslconfig edit starts from its
   *     bytes
   * @param restartWsl run {@code wsl --shutdown} after .wslconfig changed, then plan the rest
   *     against the restarted VM, so that $wsl forwards point at its new address
   */
  public ApplyResult apply(
      DesiredState desired, ObservedState observed, Plan plan, boolean restartWsl) {
    long needAdministrator = plan.needing(Need.ADMINISTRATOR);
    if (needAdministrator > 0 && !plan.facts().elevated() && !elevate) {
      throw new NotElevatedException(
          needAdministrator
              + (needAdministrator == 1 ? " change needs" : " changes need")
              + " an administrator, and "
              + host.name()
              + " is not elevated; nothing was changed. Run from an elevated terminal (or with"
              + " Windows' sudo), or apply with --elevate to approve it in a UAC prompt");
    }
    List<ChangeResult> results = new ArrayList<>();
    boolean wslconfigWritten = writeWslConfig(observed, inWslConfig(plan.changes(), true), results);
    try {
      return applyOnWindows(desired, plan, restartWsl, results, wslconfigWritten);
    } catch (HostException e) {
      List<String> done =
          results.stream()
              .filter(ChangeResult::succeeded)
              .map(r -> r.change().address().text())
              .toList();
      if (done.isEmpty()) {
        throw e;
      }
      // What was written is not undone by a failure after it: the user must hear of it.
      String wslconfig = String.join(", ", done) + " (written to " + observed.wslconfigPath() + ")";
      String message = e.getMessage().replaceFirst("\\.$", "");
      throw new HostException(
          e.changedNothing()
              ? message + ". Only this was changed, before Windows refused: " + wslconfig
              : message
                  + ". Done before that: "
                  + wslconfig
                  + ". The Windows changes may be partly done: plan again to see what is left",
          e);
    }
  }

  private ApplyResult applyOnWindows(
      DesiredState desired,
      Plan plan,
      boolean restartWsl,
      List<ChangeResult> results,
      boolean wslconfigWritten) {
    List<Change> windowsChanges = inWslConfig(plan.changes(), false);
    Optional<String> restartError = Optional.empty();
    ObservedState current = null;
    boolean restartDue = wslconfigWritten || plan.pendingRestart().isPresent();
    if (restartWsl && restartDue) {
      Applied shutdown = host.apply(List.of(new WslShutdown()), desired.managedGroup());
      restartError = shutdown.results().get(0).error();
      current = shutdown.observed();
      if (restartError.isEmpty()) {
        windowsChanges = inWslConfig(Planner.plan(desired, current).changes(), false);
      }
    }
    if (current == null || !windowsChanges.isEmpty()) {
      List<List<Operation>> perChange =
          windowsChanges.stream().map(change -> change.effect().windows()).toList();
      Applied applied =
          host.apply(perChange.stream().flatMap(List::stream).toList(), desired.managedGroup());
      results.addAll(changeResults(windowsChanges, perChange, applied.results()));
      current = applied.observed();
    }
    boolean restarted = restartWsl && restartDue && restartError.isEmpty();
    Plan after = Planner.plan(desired, current);
    boolean pending = !restarted && (wslconfigWritten || after.pendingRestart().isPresent());
    return new ApplyResult(results, after, pending, restartError);
  }

  /** The changes that edit .wslconfig (written by wslnet), or the others (run by Windows). */
  private static List<Change> inWslConfig(List<Change> changes, boolean wslconfig) {
    return changes.stream()
        .filter(change -> change.effect().wslconfig().isEmpty() != wslconfig)
        .toList();
  }

  private boolean writeWslConfig(
      ObservedState observed, List<Change> changes, List<ChangeResult> results) {
    if (changes.isEmpty()) {
      return false;
    }
    List<WslEdit> edits =
        changes.stream().flatMap(change -> change.effect().wslconfig().stream()).toList();
    Optional<String> error;
    try {
      byte[] edited =
          WslConfigEditor.apply(
              WslConfigText.decodeForEditing(observed.wslconfig().orElse(new byte[0])), edits);
      host.writeWslConfig(edited);
      error = Optional.empty();
    } catch (HostException | WslConfigEditException | IllegalArgumentException e) {
      error = Optional.of(e.getMessage());
    }
    for (Change change : changes) {
      results.add(new ChangeResult(change, error));
    }
    return error.isEmpty();
  }

  /** A change succeeds when all its operations do; its error is the first one's. */
  private static List<ChangeResult> changeResults(
      List<Change> changes, List<List<Operation>> perChange, List<OperationResult> outcomes) {
    List<ChangeResult> results = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < changes.size(); i++) {
      Optional<String> error = Optional.empty();
      for (int j = 0; j < perChange.get(i).size(); j++) {
        OperationResult outcome = outcomes.get(next++);
        if (error.isEmpty() && !outcome.succeeded()) {
          error = outcome.error();
        }
      }
      results.add(new ChangeResult(changes.get(i), error));
    }
    return results;
  }
}
