package dev.wslnet.apply;

import dev.wslnet.plan.Plan;
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
}
