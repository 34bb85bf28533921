package dev.wslnet.windowsfirewall;

import dev.wslnet.model.FirewallRule;
import java.util.List;
import java.util.Objects;

/** The windowsFirewall section of a desired-state file: the rules of one group. */
public record WindowsFirewallSpec(String group, boolean prune, List<FirewallRule> rules) {
  public WindowsFirewallSpec {
    Objects.requireNonNull(group, "group");
    rules = List.copyOf(rules);
  }
}
