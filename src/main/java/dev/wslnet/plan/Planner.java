package dev.wslnet.plan;

import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.ResourceKind;
import dev.wslnet.wslconfig.WslConfigKind;
import dev.wslnet.wslconfig.WslValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a host: a pure function of the desired and the observed state. Changes come kind by kind,
 * in the order of {@link Kinds#ALL}; within a kind, in the order of the file, then deletions.
 */
public final class Planner {
  private Planner() {}

  public static Plan plan(DesiredState desired, ObservedState observed) {
    List<Change> changes = changes(Kinds.ALL, desired, observed);
    List<Diagnostic> warnings = new ArrayList<>();
    for (ResourceKind kind : Kinds.ALL) {
      warnings.addAll(kind.warnings(desired, observed, changes));
    }
    String configured = WslValues.networkingModeAtStart(WslConfigKind.read(observed));
    Optional<Plan.PendingRestart> pendingRestart =
        observed
            .facts()
            .runningNetworkingMode()
            .filter(running -> !running.equalsIgnoreCase(configured))
            .map(running -> new Plan.PendingRestart(running, configured));
    return new Plan(observed.facts(), changes, warnings, pendingRestart);
  }

  /**
   * The kinds' changes in the kinds' order, planned on both cores: each reads its own sections of
   * the observation, and a large one (5,000 portproxy values, 5,000 firewall rules) takes a tenth
   * of a second cold. Each kind's failure comes back as a value and the first in the kinds' order
   * is thrown, as it is: the same message whichever thread was faster, and not one that the
   * fork-join pool re-creates around it.
   */
  static List<Change> changes(
      List<ResourceKind> kinds, DesiredState desired, ObservedState observed) {
    List<Change> changes = new ArrayList<>();
    for (Planned planned :
        kinds.parallelStream().map(kind -> Planned.of(kind, desired, observed)).toList()) {
      if (planned.failure() != null) {
        throw planned.failure();
      }
      changes.addAll(planned.changes());
    }
    return changes;
  }

  /** One kind's changes, or why it could not plan them. */
  private record Planned(List<Change> changes, RuntimeException failure) {
    static Planned of(ResourceKind kind, DesiredState desired, ObservedState observed) {
      try {
        return new Planned(kind.changes(desired, observed), null);
      } catch (RuntimeException e) {
        return new Planned(List.of(), e);
      }
    }
  }

  /**
   * A short hash of each observed resource that the desired state manages, by address: a saved plan
   * keeps them, and applying it names every address that moved since.
   */
  public static Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<Address, String> fingerprints = new HashMap<>();
    for (ResourceKind kind : Kinds.ALL) {
      fingerprints.putAll(kind.fingerprints(desired, observed));
    }
    return fingerprints;
  }
}
