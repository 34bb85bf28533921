package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.Resource;
import java.util.List;

/** Hyper-V rules of WSL's VM creator: ensure present with the declared fields, or ensure absent. */
final class HyperVRuleExecutor implements Executor {
  @Override
  public List<Operation> operations(Change change) {
    if (change.after().isPresent()) {
      return List.of(
          new Operation.HyperVRuleEnsure(((Resource.HyperVRule) change.after().get()).rule()));
    }
    return List.of(
        new Operation.HyperVRuleRemove(
            ((Resource.HyperVRule) change.before().orElseThrow()).rule().name()));
  }
}
