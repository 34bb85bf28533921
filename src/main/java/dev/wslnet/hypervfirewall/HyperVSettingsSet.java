package dev.wslnet.hypervfirewall;

import dev.wslnet.firewall.RuleFields;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.operation.Operation;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Set-NetFirewallHyperVVMSetting for WSL's VM creator, with the given settings only. */
public record HyperVSettingsSet(Map<String, FieldValue> settings) implements Operation {
  public static final String KIND = "hyperVSettings.set";

  public HyperVSettingsSet {
    settings = Map.copyOf(settings);
  }

  /** The operation as the script reads it. */
  public static HyperVSettingsSet of(JsonNode arguments) {
    return new HyperVSettingsSet(RuleFields.values(arguments.path("settings")));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    return "WSL";
  }

  @Override
  public ObjectNode arguments() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ObjectNode values = node.putObject("settings");
    new TreeMap<>(settings).forEach((name, value) -> values.set(name, FieldValueJson.write(value)));
    return node;
  }
}
