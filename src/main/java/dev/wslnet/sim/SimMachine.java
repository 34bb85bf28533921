package dev.wslnet.sim;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.UnreadableForward;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a simulated Windows machine holds besides .wslconfig: the contents of host.json.
 *
 * @param windowsRules every Windows firewall rule, its group in the field {@code group}
 * @param unreadablePortProxy portproxy registry values that are not forwards wslnet reads
 * @param nextWslAddresses addresses the WSL VM takes, one per {@code wsl --shutdown}
 * @param faults operations that fail on purpose
 * @param uacAccount the administrator who approves UAC prompts, when it is not the user: UAC
 *     approved with another account's credentials
 * @param convergeTask the scheduled task \wslnet\converge, if it is registered
 */
record SimMachine(
    HostFacts facts,
    List<PortProxyEntry> portProxy,
    Map<String, FieldValue> hyperVSettings,
    List<FirewallRule> hyperVRules,
    List<FirewallRule> windowsRules,
    List<UnreadableForward> unreadablePortProxy,
    List<String> nextWslAddresses,
    List<Fault> faults,
    Optional<String> uacAccount,
    Optional<SimTask> convergeTask) {

  SimMachine {
    portProxy = List.copyOf(portProxy);
    hyperVSettings = Map.copyOf(hyperVSettings);
    hyperVRules = List.copyOf(hyperVRules);
    windowsRules = List.copyOf(windowsRules);
    unreadablePortProxy = List.copyOf(unreadablePortProxy);
    nextWslAddresses = List.copyOf(nextWslAddresses);
    faults = List.copyOf(faults);
  }

  SimMachine withFacts(HostFacts newFacts) {
    return new SimMachine(
        newFacts,
        portProxy,
        hyperVSettings,
        hyperVRules,
        windowsRules,
        unreadablePortProxy,
        nextWslAddresses,
        faults,
        uacAccount,
        convergeTask);
  }

  SimMachine withConvergeTask(Optional<SimTask> task) {
    return new SimMachine(
        facts,
        portProxy,
        hyperVSettings,
        hyperVRules,
        windowsRules,
        unreadablePortProxy,
        nextWslAddresses,
        faults,
        uacAccount,
        task);
  }

  /** Makes every operation of a kind fail, or only the one on a target, with a message. */
  record Fault(String operation, String target, String message) {
    boolean matches(String kind, String operationTarget) {
      return operation.equals(kind) && (target == null || target.equalsIgnoreCase(operationTarget));
    }
  }
}
