package dev.wslnet.firewall;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Firewall settings and rule fields as plans and {@code show} write them, by field name. */
public final class RuleFields {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RuleFields() {}

  /** The fields as the plan's text shows them. */
  public static Map<String, String> displayed(Map<String, FieldValue> values) {
    Map<String, String> fields = new LinkedHashMap<>();
    new TreeMap<>(values).forEach((name, value) -> fields.put(name, value.display()));
    return fields;
  }

  /** The fields as the plan's JSON gives them: booleans, texts and lists of texts. */
  public static ObjectNode json(Map<String, FieldValue> values) {
    ObjectNode node = NODES.objectNode();
    new TreeMap<>(values).forEach((name, value) -> node.set(name, FieldValueJson.write(value)));
    return node;
  }

  /** Rules as a desired-state file declares them: fields at Windows' defaults left out. */
  public static void show(ArrayNode array, List<FirewallRule> rules) {
    for (FirewallRule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("name", rule.name());
      for (String field : FirewallFields.RULE_FIELDS) {
        Optional<FieldValue> value = rule.field(field);
        Optional<FieldValue> fallback = FirewallFields.ruleDefault(field, rule.name());
        if (value.isPresent()
            && !(fallback.isPresent() && FirewallFields.same(field, fallback.get(), value.get()))) {
          node.set(field, show(field, value.get()));
        }
      }
    }
  }

  /** A value as a desired-state file declares it: ports as numbers. */
  public static JsonNode show(String field, FieldValue value) {
    if (value instanceof FieldValue.Texts texts && field.endsWith("Ports")) {
      ArrayNode array = NODES.arrayNode();
      texts
          .values()
          .forEach(
              item -> {
                if (item.matches("[0-9]{1,5}")) {
                  array.add(Integer.parseInt(item));
                } else {
                  array.add(item);
                }
              });
      return array;
    }
    return FieldValueJson.write(value);
  }

  /** A rule as the script reads it: {@code {name, fields: {...}}}. */
  public static ObjectNode ruleArguments(FirewallRule rule) {
    ObjectNode node = NODES.objectNode();
    node.put("name", rule.name());
    ObjectNode fields = node.putObject("fields");
    rule.fields().forEach((name, value) -> fields.set(name, FieldValueJson.write(value)));
    return node;
  }

  /** The other half of {@link #ruleArguments}. */
  public static FirewallRule rule(JsonNode node) {
    return new FirewallRule(node.path("name").asString(), values(node.path("fields")));
  }

  /** Settings or fields as the script reads them: booleans, texts and lists of texts. */
  public static Map<String, FieldValue> values(JsonNode node) {
    Map<String, FieldValue> values = new LinkedHashMap<>();
    node.properties()
        .forEach(field -> values.put(field.getKey(), FieldValueJson.read(field.getValue())));
    return values;
  }
}
