package dev.wslnet.windowsfirewall;

import dev.wslnet.firewall.RuleFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.operation.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * New-NetFirewallRule -Group, or Set-NetFirewallRule with the given fields when the rule exists.
 */
public record FirewallRuleEnsure(String group, FirewallRule rule) implements Operation {
  public static final String KIND = "firewallRule.ensure";

  /** The operation as the script reads it. */
  public static FirewallRuleEnsure of(JsonNode arguments) {
    return new FirewallRuleEnsure(
        arguments.path("group").asString(), RuleFields.rule(arguments.path("rule")));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    return rule.name();
  }

  @Override
  public ObjectNode arguments() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("group", group);
    node.set("rule", RuleFields.ruleArguments(rule));
    return node;
  }
}
