package dev.wslnet.plan;

import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.HostFacts;
import dev.wslnet.resource.Action;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What apply would do on a host: an ordered list of changes, and the warnings planning found. (A
 * saved plan also keeps the fingerprints of what it observed, {@link Planner#fingerprints}; only
 * saving needs them, so a plan does not compute them.)
 */
public record Plan(
    HostFacts facts,
    List<Change> changes,
    List<Diagnostic> warnings,
    Optional<PendingRestart> pendingRestart) {

  /**
   * WSL runs with other networking than .wslconfig says now: the file changed since WSL started,
   * and takes effect at the next {@code wsl --shutdown}.
   */
  public record PendingRestart(String running, String configured) {}

  public Plan {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(pendingRestart, "pendingRestart");
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Terraform's counts: a replace adds one and deletes one. */
  public long count(Action action) {
    return changes.stream()
        .filter(
            c ->
                c.action() == action
                    || c.action() == Action.REPLACE
                        && (action == Action.CREATE || action == Action.DELETE))
        .count();
  }

  public long needing(Need need) {
    return changes.stream().filter(c -> c.needs().contains(need)).count();
  }
}
