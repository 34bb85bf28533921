package dev.wslnet.windowsfirewall;

import dev.wslnet.operation.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Remove-NetFirewallRule of a rule of the managed group; a rule that is already gone is no failure.
 */
public record FirewallRuleRemove(String group, String name) implements Operation {
  public static final String KIND = "firewallRule.remove";

  /** The operation as the script reads it. */
  public static FirewallRuleRemove of(JsonNode arguments) {
    return new FirewallRuleRemove(
        arguments.path("group").asString(), arguments.path("name").asString());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    return name;
  }

  @Override
  public ObjectNode arguments() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("group", group);
    node.put("name", name);
    return node;
  }
}
