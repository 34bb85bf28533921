package dev.wslnet.apply;

import dev.wslnet.host.Host;
import dev.wslnet.host.HostException;
import dev.wslnet.host.HostLock;
import dev.wslnet.host.Operation;
import dev.wslnet.host.OperationResult;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.ChangeKinds;
import dev.wslnet.plan.Fingerprints;
import dev.wslnet.plan.Need;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.plan.Resource;
import dev.wslnet.plan.ResourceKind;
import dev.wslnet.wslconfig.WslConfigEditor;
import dev.wslnet.wslconfig.WslConfigEditException;
import dev.wslnet.wslconfig.WslConfigText;
import dev.wslnet.wslconfig.WslEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a plan on a host and proves the result: checks the preconditions before touching anything (elevation;
 * under the host's lock, that the host is still as planned), writes
 * .wslconfig, runs every Windows operation in one round trip, then observes the host again and plans once more; a
 * plan that is not empty then means the host did not converge.
 */
public final class Applier {
  private final Host host;

  public Applier(Host host) {
    this.host = host;
  }

  /**
   * @param restartWsl run {@code wsl --shutdown} after .wslconfig changed, then plan the rest against the restarted
   *     VM, so that $wsl forwards point at its new address
   */
  public ApplyResult apply(DesiredState desired, Plan plan, boolean restartWsl) {
    long needAdministrator = plan.needing(Need.ADMINISTRATOR);
    if (needAdministrator > 0 && !plan.facts().elevated()) {
      throw new NotElevatedException(needAdministrator + (needAdministrator == 1 ? " change needs" : " changes need")
          + " an administrator, and " + host.name() + " is not elevated; nothing was changed. Run from an elevated "
          + "terminal (or with Windows' sudo)");
    }
    try (HostLock lock = host.lock()) {
      ObservedState locked = host.observe(desired.managedGroup());
      if (!Fingerprints.of(desired, locked).equals(plan.fingerprints())) {
        throw new HostException("the host changed after the plan was made (another apply?); nothing was changed. "
            + "Plan again");
      }
      List<ChangeResult> results = new ArrayList<>();
      List<Change> wslconfigChanges = plan.changes().stream()
          .filter(change -> ChangeKinds.of(change) == ResourceKind.WSLCONFIG).toList();
      boolean wslconfigWritten = writeWslConfig(locked, wslconfigChanges, results);
      List<Change> windowsChanges = plan.changes().stream()
          .filter(change -> ChangeKinds.of(change) != ResourceKind.WSLCONFIG).toList();
      boolean restarted = false;
      if (restartWsl && wslconfigWritten) {
        List<OperationResult> shutdown = host.run(List.of(new Operation.WslShutdown()));
        restarted = shutdown.get(0).succeeded();
        if (restarted) {
          ObservedState afterRestart = host.observe(desired.managedGroup());
          windowsChanges = Planner.plan(desired, afterRestart).changes().stream()
              .filter(change -> ChangeKinds.of(change) != ResourceKind.WSLCONFIG).toList();
        }
      }
      results.addAll(runWindows(windowsChanges));
      Plan after = Planner.plan(desired, host.observe(desired.managedGroup()));
      boolean pending = wslconfigWritten && !restarted;
      return new ApplyResult(results, after, pending);
    }
  }

  private boolean writeWslConfig(ObservedState observed, List<Change> changes, List<ChangeResult> results) {
    if (changes.isEmpty()) {
      return false;
    }
    List<WslEdit> edits = changes.stream().map(Applier::wslEdit).toList();
    Optional<String> error;
    try {
      byte[] edited = WslConfigEditor.apply(WslConfigText.decode(observed.wslconfig().orElse(new byte[0])), edits);
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

  /** The .wslconfig edit of a change to a key: set it to the value after, or remove it. */
  private static WslEdit wslEdit(Change change) {
    Resource.WslSetting setting = (Resource.WslSetting) change.after().or(change::before).orElseThrow();
    return change.after().isPresent() ? new WslEdit.Set(setting.key(), setting.value()) : new WslEdit.Remove(setting.key());
  }

  /** Every Windows operation of every change in one round trip; a change succeeds when all its operations do. */
  private List<ChangeResult> runWindows(List<Change> changes) {
    List<List<Operation>> perChange = changes.stream()
        .map(change -> Executor.of(ChangeKinds.of(change)).operations(change)).toList();
    List<Operation> all = perChange.stream().flatMap(List::stream).toList();
    List<OperationResult> outcomes = all.isEmpty() ? List.of() : host.run(all);
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
