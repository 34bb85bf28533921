package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.ChangeKinds;
import dev.wslnet.plan.Resource;
import dev.wslnet.wslconfig.WslEdit;
import java.util.List;

/**
 * One executor per kind of resource: it turns a change into idempotent operations ("ensure present with these
 * fields", "ensure absent"). Executors do what the plan says; they never decide what to change.
 */
final class Executors {
  private Executors() {}

  /** The Windows operations of a change; .wslconfig changes have none (see {@link #wslEdit}). */
  static List<Operation> operations(Change change) {
    return switch (ChangeKinds.of(change)) {
      case WSLCONFIG -> List.of();
      case PORT_PROXY -> portProxy(change);
      case HYPER_V_SETTINGS -> List.of(new Operation.HyperVSettingsSet(
          ((Resource.HyperVSettings) change.after().orElseThrow()).settings()));
      case HYPER_V_RULE -> change.after()
          .map(after -> List.<Operation>of(new Operation.HyperVRuleEnsure(((Resource.HyperVRule) after).rule())))
          .orElseGet(() -> List.of(new Operation.HyperVRuleRemove(((Resource.HyperVRule) change.before().orElseThrow()).rule().name())));
      case WINDOWS_RULE -> windowsRule(change);
    };
  }

  private static List<Operation> portProxy(Change change) {
    PortProxyEntry after = change.after().map(r -> ((Resource.PortProxy) r).entry()).orElse(null);
    PortProxyEntry before = change.before().map(r -> ((Resource.PortProxy) r).entry()).orElse(null);
    return switch (change.action()) {
      case CREATE, UPDATE -> List.of(new Operation.PortProxySet(after));
      case DELETE -> List.of(delete(before));
      case REPLACE -> List.of(delete(before), new Operation.PortProxySet(after));
    };
  }

  private static Operation delete(PortProxyEntry entry) {
    return new Operation.PortProxyDelete(entry.type(), entry.listenAddress(), entry.listenPort());
  }

  private static List<Operation> windowsRule(Change change) {
    if (change.after().isPresent()) {
      Resource.WindowsRule after = (Resource.WindowsRule) change.after().get();
      return List.of(new Operation.FirewallRuleEnsure(after.group(), after.rule()));
    }
    Resource.WindowsRule before = (Resource.WindowsRule) change.before().orElseThrow();
    FirewallRule rule = before.rule();
    return List.of(new Operation.FirewallRuleRemove(before.group(), rule.name()));
  }

  /** The .wslconfig edit of a change to a key. */
  static WslEdit wslEdit(Change change) {
    Resource.WslSetting setting = (Resource.WslSetting) change.after().or(change::before).orElseThrow();
    return change.after().isPresent()
        ? new WslEdit.Set(setting.key(), setting.value())
        : new WslEdit.Remove(setting.key());
  }
}
