package dev.wslnet.hypervfirewall;

import dev.wslnet.firewall.RuleResource;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import java.util.Map;

/** A Hyper-V firewall rule of WSL's VM creator, with the fields the change is about. */
public record HyperVRule(FirewallRule rule) implements RuleResource {

  /** {@code hyperVFirewall.rules[Allow dev server]}. */
  @Override
  public Address address() {
    return address(rule.name());
  }

  public static Address address(String name) {
    return new Address("hyperVRule", Map.of("name", name), "hyperVFirewall.rules[" + name + "]");
  }

  /** New-NetFirewallHyperVRule, or Set-NetFirewallHyperVRule with these fields. */
  @Override
  public Effect ensure() {
    return Effect.onWindows(new HyperVRuleEnsure(rule));
  }

  @Override
  public Effect remove() {
    return Effect.onWindows(new HyperVRuleRemove(rule.name()));
  }
}
