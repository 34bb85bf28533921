package dev.wslnet.hypervfirewall;

import dev.wslnet.operation.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Remove-NetFirewallHyperVRule; a rule that is already gone is no failure. */
public record HyperVRuleRemove(String name) implements Operation {
  public static final String KIND = "hyperVRule.remove";

  /** The operation as the script reads it. */
  public static HyperVRuleRemove of(JsonNode arguments) {
    return new HyperVRuleRemove(arguments.path("name").asString());
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
    return JsonNodeFactory.instance.objectNode().put("name", name);
  }
}
