package dev.wslnet.hypervfirewall;

import dev.wslnet.firewall.RuleFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.operation.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * New-NetFirewallHyperVRule, or Set-NetFirewallHyperVRule with the given fields when the rule
 * exists.
 */
public record HyperVRuleEnsure(FirewallRule rule) implements Operation {
  public static final String KIND = "hyperVRule.ensure";

  /** The operation as the script reads it. */
  public static HyperVRuleEnsure of(JsonNode arguments) {
    return new HyperVRuleEnsure(RuleFields.rule(arguments.path("rule")));
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
    node.set("rule", RuleFields.ruleArguments(rule));
    return node;
  }
}
