package dev.wslnet.apply;

import dev.wslnet.host.Operation;
import dev.wslnet.plan.Change;
import dev.wslnet.plan.Resource;
import java.util.List;

/** Set-NetFirewallHyperVVMSetting with the settings that differ. */
final class HyperVSettingsExecutor implements Executor {
  @Override
  public List<Operation> operations(Change change) {
    return List.of(
        new Operation.HyperVSettingsSet(
            ((Resource.HyperVSettings) change.after().orElseThrow()).settings()));
  }
}
