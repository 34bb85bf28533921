package dev.wslnet.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a desired-state file says, bound from its validated YAML. Absent sections are not managed at
 * all.
 *
 * @param wslconfig the .wslconfig keys the file declares, in file order; an empty value removes the
 *     key
 */
public record DesiredState(
    List<WslSetting> wslconfig,
    Optional<PortProxySpec> portProxy,
    Optional<HyperVSpec> hyperVFirewall,
    Optional<WindowsFirewallSpec> windowsFirewall) {

  public DesiredState {
    wslconfig = List.copyOf(wslconfig);
    Objects.requireNonNull(portProxy, "portProxy");
    Objects.requireNonNull(hyperVFirewall, "hyperVFirewall");
    Objects.requireNonNull(windowsFirewall, "windowsFirewall");
  }

  /** One declared .wslconfig key: a value as WSL should read it, or empty for "remove it". */
  public record WslSetting(WslKey key, Optional<String> value) {
    public WslSetting {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  public record PortProxySpec(boolean prune, List<PortProxyRule> rules) {
    public PortProxySpec {
      rules = List.copyOf(rules);
    }
  }

  /** Only the declared settings are managed. */
  public record HyperVSpec(
      Map<String, FieldValue> settings, boolean prune, List<FirewallRule> rules) {
    public HyperVSpec {
      settings = Map.copyOf(settings);
      rules = List.copyOf(rules);
    }
  }

  public record WindowsFirewallSpec(String group, boolean prune, List<FirewallRule> rules) {
    public WindowsFirewallSpec {
      Objects.requireNonNull(group, "group");
      rules = List.copyOf(rules);
    }
  }

  /** The group whose Windows firewall rules this file manages, if any. */
  public Optional<String> managedGroup() {
    return windowsFirewall.map(WindowsFirewallSpec::group);
  }
}
