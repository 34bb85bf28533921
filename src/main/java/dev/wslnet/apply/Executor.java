package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.ResourceKind;
import java.util.List;

/**
 * Turns a change of one kind of resource into idempotent operations ("ensure present with these
 * fields", "ensure absent"). Executors do what the plan says; they never decide what to change.
 */
interface Executor {
  List<Operation> operations(Change change);

  /**
   * The executor of each kind; .wslconfig is written by Java itself, so its changes have no
   * operations.
   */
  static Executor of(ResourceKind kind) {
    return switch (kind) {
      case WSLCONFIG -> change -> List.of();
      case PORT_PROXY -> new PortProxyExecutor();
      case PORT_PROXY_VALUE -> new PortProxyValueExecutor();
      case HYPER_V_SETTINGS -> new HyperVSettingsExecutor();
      case HYPER_V_RULE -> new HyperVRuleExecutor();
      case WINDOWS_RULE -> new WindowsRuleExecutor();
    };
  }
}
