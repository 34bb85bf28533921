package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.Resource;
import java.util.List;

/**
 * Windows firewall rules of the managed group: ensure present with the declared fields, or ensure
 * absent.
 */
final class WindowsRuleExecutor implements Executor {
  @Override
  public List<Operation> operations(Change change) {
    if (change.after().isPresent()) {
      Resource.WindowsRule after = (Resource.WindowsRule) change.after().get();
      return List.of(new Operation.FirewallRuleEnsure(after.group(), after.rule()));
    }
    Resource.WindowsRule before = (Resource.WindowsRule) change.before().orElseThrow();
    return List.of(new Operation.FirewallRuleRemove(before.group(), before.rule().name()));
  }
}
