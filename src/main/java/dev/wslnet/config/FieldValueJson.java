package dev.wslnet.config;

import dev.wslnet.model.FieldValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Firewall fields in JSON, the same way everywhere they cross a boundary (desired-state files,
 * host.json, the script's requests): booleans, texts, and lists of texts.
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
   * The name Windows reports for a protocol given by number (6 is TCP), or the protocol as given.
   */
  public static String protocolName(String protocol) {
    return PROTOCOL_NAMES.getOrDefault(protocol, protocol);
  }
}
