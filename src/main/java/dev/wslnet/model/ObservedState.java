package dev.wslnet.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host holds now, as far as wslnet manages it.
 *
 * @param wslconfigPath where .wslconfig lives, as the host names it
 * @param wslconfig the file's bytes; empty when there is no .wslconfig
 * @param hyperVSettings the Hyper-V firewall VM settings of WSL's VM creator
 * @param hyperVRules the Hyper-V rules of WSL's VM creator, WSL's own WslCore-* rules included
 * @param windowsRules the Windows firewall rules of the managed group
 * @param unreadablePortProxy portproxy registry values that are not forwards wslnet can read
 */
public record ObservedState(
    HostFacts facts,
    String wslconfigPath,
    Optional<byte[]> wslconfig,
    List<PortProxyEntry> portProxy,
    Map<String, FieldValue> hyperVSettings,
    List<FirewallRule> hyperVRules,
    List<FirewallRule> windowsRules,
    List<UnreadableForward> unreadablePortProxy) {

  public ObservedState {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(wslconfigPath, "wslconfigPath");
    Objects.requireNonNull(wslconfig, "wslconfig");
    portProxy = List.copyOf(portProxy);
    hyperVSettings = Map.copyOf(hyperVSettings);
    hyperVRules = List.copyOf(hyperVRules);
    windowsRules = List.copyOf(windowsRules);
    unreadablePortProxy = List.copyOf(unreadablePortProxy);
  }
}
