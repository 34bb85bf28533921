package dev.wslnet.apply;

import dev.wslnet.plan.Plan;
import java.util.List;

/**
 * What an apply did: each change's result, and the plan made after it, which is empty when the host converged.
 *
 * @param restartPending .wslconfig changed but WSL has not been restarted, so it still runs the old settings
 */
public record ApplyResult(List<ChangeResult> results, Plan after, boolean restartPending) {
  public ApplyResult {
    results = List.copyOf(results);
  }

  public boolean converged() {
    return after.isEmpty();
  }

  public long failed() {
    return results.stream().filter(r -> !r.succeeded()).count();
  }
}
