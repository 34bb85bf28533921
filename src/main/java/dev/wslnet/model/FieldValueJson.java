package dev.wslnet.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Firewall fields in JSON as wslnet writes them everywhere (desired-state files, host.json, plans,
 * the script's requests): booleans, texts, and lists of texts. Windows' own forms are {@code
 * host.windows.WindowsValues}'.
 */
public final class FieldValueJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> PROTOCOL_NAMES =
      Map.of("6", "TCP", "17", "UDP", "1", "ICMPv4", "58", "ICMPv6");

  private FieldValueJson() {}

  /** A field exactly as the JSON holds it; list items and numbers become text. */
  public static FieldValue read(JsonNode value) {
    if (value.isBoolean()) {
      return new FieldValue.Flag(value.asBoolean());
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asString()));
      return new FieldValue.Texts(items);
    }
    return new FieldValue.Text(value.asString());
  }

  public static JsonNode write(FieldValue value) {
    if (value instanceof FieldValue.Flag flag) {
      return NODES.booleanNode(flag.value());
    }
    if (value instanceof FieldValue.Texts texts) {
      ArrayNode array = NODES.arrayNode();
      texts.values().forEach(array::add);
      return array;
    }
    return NODES.stringNode(((FieldValue.Text) value).value());
  }

  /**
   * A field as the file and host.json write it: a protocol by number becomes its name, as Windows
   * reports it (6 is TCP).
   */
  public static FieldValue field(String field, JsonNode value) {
    return field.equals("protocol") && !value.isArray() && !value.isBoolean()
        ? new FieldValue.Text(PROTOCOL_NAMES.getOrDefault(value.asString(), value.asString()))
        : read(value);
  }

  /**
   * Firewall rules from a list of objects with a name and fields, as the file and host.json write
   * them.
   */
  public static List<FirewallRule> rules(JsonNode list) {
    List<FirewallRule> rules = new ArrayList<>();
    for (JsonNode rule : list) {
      Map<String, FieldValue> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : rule.properties()) {
        if (!entry.getKey().equals("name")) {
          fields.put(entry.getKey(), field(entry.getKey(), entry.getValue()));
        }
      }
      rules.add(new FirewallRule(rule.get("name").asString(), fields));
    }
    return rules;
  }
}
