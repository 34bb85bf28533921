package dev.wslnet.apply;

import dev.wslnet.plan.Plan;
import dev.wslnet.resource.Change;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an apply did: each change's result, and the plan made after it, which is empty when the host
 * converged.
 *
 * @param restartPending .wslconfig changed but WSL has not been restarted, so it still runs the old
 *     settings
 * @param restartError why {@code wsl --shutdown} failed, when --restart-wsl asked for it and it did
 */
public record ApplyResult(
    List<ChangeResult> results, Plan after, boolean restartPending, Optional<String> restartError) {
  public ApplyResult {
    results = List.copyOf(results);
    Objects.requireNonNull(restartError, "restartError");
  }

  public boolean converged() {
    return after.isEmpty();
  }

  /** Failed changes, and a failed restart, which counts as one. */
  public long failed() {
    return results.stream().filter(r -> !r.succeeded()).count()
        + (restartError.isPresent() ? 1 : 0);
  }

  /**
   * What the apply did, in one line for a log: {@code applied 1 change (~ portProxy[v4tov4
   * 0.0.0.0:3000]): ok}, or the first failure.
   */
  public String summary() {
    List<ChangeResult> failedChanges = results.stream().filter(r -> !r.succeeded()).toList();
    String changes =
        (results.size() == 1 ? " change (" : " changes (")
            + Change.list(results.stream().map(ChangeResult::change).toList())
            + ")";
    if (!failedChanges.isEmpty()) {
      ChangeResult first = failedChanges.get(0);
      return failedChanges.size()
          + " of "
          + results.size()
          + changes
          + " failed; "
          + first.change().address().text()
          + ": "
          + first.error().orElseThrow();
    }
    String applied = "applied " + results.size() + changes;
    if (restartError.isPresent()) {
      return applied + ", but wsl --shutdown failed: " + restartError.get();
    }
    if (!converged()) {
      return applied + ", but the host still differs: " + Change.list(after.changes());
    }
    return applied
        + ": ok"
        + (restartPending ? "; .wslconfig takes effect after wsl --shutdown" : "");
  }
}
