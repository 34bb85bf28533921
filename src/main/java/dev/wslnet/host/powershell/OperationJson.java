package dev.wslnet.host.powershell;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.operation.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Operations as the apply script reads them: one JSON object each, named by {@code kind}. */
public final class OperationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OperationJson() {}

  public static ArrayNode encode(List<Operation> operations) {
    ArrayNode array = NODES.arrayNode();
    operations.forEach(operation -> array.add(encode(operation)));
    return array;
  }

  static ObjectNode encode(Operation operation) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", operation.kind());
    operation.accept(
        new Operation.Visitor<Void>() {
          @Override
          public Void portProxySet(Operation.PortProxySet set) {
            writeEntry(node, set.entry());
            return null;
          }

          @Override
          public Void portProxyDelete(Operation.PortProxyDelete delete) {
            node.put("type", delete.type().netshName());
            node.put("listenAddress", delete.listenAddress());
            node.put("listenPort", delete.listenPort());
            return null;
          }

          @Override
          public Void hyperVSettingsSet(Operation.HyperVSettingsSet set) {
            ObjectNode settings = node.putObject("settings");
            new java.util.TreeMap<>(set.settings())
                .forEach((name, value) -> settings.set(name, value(value)));
            return null;
          }

          @Override
          public Void hyperVRuleEnsure(Operation.HyperVRuleEnsure ensure) {
            node.set("rule", rule(ensure.rule()));
            return null;
          }

          @Override
          public Void hyperVRuleRemove(Operation.HyperVRuleRemove remove) {
            node.put("name", remove.name());
            return null;
          }

          @Override
          public Void firewallRuleEnsure(Operation.FirewallRuleEnsure ensure) {
            node.put("group", ensure.group());
            node.set("rule", rule(ensure.rule()));
            return null;
          }

          @Override
          public Void firewallRuleRemove(Operation.FirewallRuleRemove remove) {
            node.put("group", remove.group());
            node.put("name", remove.name());
            return null;
          }

          @Override
          public Void wslShutdown(Operation.WslShutdown shutdown) {
            return null;
          }
        });
    return node;
  }

  private static ObjectNode rule(FirewallRule rule) {
    ObjectNode node = NODES.objectNode();
    node.put("name", rule.name());
    ObjectNode fields = node.putObject("fields");
    rule.fields().forEach((name, value) -> fields.set(name, value(value)));
    return node;
  }

  private static JsonNode value(FieldValue value) {
    return FieldValueJson.write(value);
  }

  /**
   * What the apply script receives, read back as operations: the other half of {@link
   * #encode(List)}.
   */
  public static List<Operation> decode(JsonNode operations) {
    List<Operation> decoded = new ArrayList<>();
    for (JsonNode node : operations) {
      decoded.add(
          switch (node.path("kind").asString()) {
            case "portProxy.set" -> new Operation.PortProxySet(readEntry(node));
            case "portProxy.delete" ->
                new Operation.PortProxyDelete(
                    type(node),
                    node.path("listenAddress").asString(),
                    node.path("listenPort").asString());
            case "hyperVSettings.set" ->
                new Operation.HyperVSettingsSet(fields(node.path("settings")));
            case "hyperVRule.ensure" ->
                new Operation.HyperVRuleEnsure(decodeRule(node.path("rule")));
            case "hyperVRule.remove" ->
                new Operation.HyperVRuleRemove(node.path("name").asString());
            case "firewallRule.ensure" ->
                new Operation.FirewallRuleEnsure(
                    node.path("group").asString(), decodeRule(node.path("rule")));
            case "firewallRule.remove" ->
                new Operation.FirewallRuleRemove(
                    node.path("group").asString(), node.path("name").asString());
            case "wsl.shutdown" -> new Operation.WslShutdown();
            default ->
                throw new IllegalArgumentException("unknown operation: " + node.path("kind"));
          });
    }
    return decoded;
  }

  /** A forward's fields, named as in the desired-state file; host.json uses the same shape. */
  public static ObjectNode writeEntry(ObjectNode node, PortProxyEntry entry) {
    node.put("type", entry.type().netshName());
    node.put("listenAddress", entry.listenAddress());
    node.put("listenPort", entry.listenPort());
    node.put("connectAddress", entry.connectAddress());
    node.put("connectPort", entry.connectPort());
    return node;
  }

  public static PortProxyEntry readEntry(JsonNode node) {
    return new PortProxyEntry(
        type(node),
        node.path("listenAddress").asString(),
        node.path("listenPort").asInt(),
        node.path("connectAddress").asString(),
        node.path("connectPort").asInt());
  }

  /** A missing type is v4tov4, the table netsh's examples use. */
  private static PortProxyType type(JsonNode node) {
    return PortProxyType.fromNetshName(node.path("type").asString("v4tov4"))
        .orElseThrow(
            () -> new IllegalArgumentException("unknown portproxy type: " + node.path("type")));
  }

  private static FirewallRule decodeRule(JsonNode node) {
    return new FirewallRule(node.path("name").asString(), fields(node.path("fields")));
  }

  private static Map<String, FieldValue> fields(JsonNode node) {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    node.properties()
        .forEach(field -> fields.put(field.getKey(), FieldValueJson.read(field.getValue())));
    return fields;
  }
}
