package dev.wslnet.windowsfirewall;

import dev.wslnet.firewall.RuleResource;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Windows firewall rule of the managed group, with the fields the change is about. */
public record WindowsRule(String group, FirewallRule rule) implements RuleResource {

  /** {@code windowsFirewall.rules[Allow dev server]}. */
  @Override
  public Address address() {
    return address(group, rule.name());
  }

  public static Address address(String group, String name) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("group", group);
    identity.put("name", name);
    return new Address("windowsRule", identity, "windowsFirewall.rules[" + name + "]");
  }

  /** New-NetFirewallRule -Group, or Set-NetFirewallRule with these fields. */
  @Override
  public Effect ensure() {
    return Effect.onWindows(new FirewallRuleEnsure(group, rule));
  }

  @Override
  public Effect remove() {
    return Effect.onWindows(new FirewallRuleRemove(group, rule.name()));
  }
}
