package dev.wslnet.host.windows;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Firewall values in the forms Windows prints them, as the script reports them ({@code "True"},
 * {@code "Private, Public"}, {@code ["80", "443"]}, {@code 2}), and back: the one codec between
 * Windows' forms and wslnet's, used by the real host to read and by the simulated host to write.
 */
public final class WindowsValues {
  private WindowsValues() {}

  /** The Hyper-V VM settings as Get-NetFirewallHyperVVMSetting reports them; none for null. */
  public static Map<String, FieldValue> settings(JsonNode settings) {
    Map<String, FieldValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> setting : settings.properties()) {
      values.put(setting.getKey(), setting(setting.getKey(), setting.getValue()));
    }
    return values;
  }

  /**
   * Rules as Get-NetFirewallRule or Get-NetFirewallHyperVRule report them, the fields Windows
   * reports as unset left out; the group is how the script asked, not a field.
   */
  public static List<FirewallRule> rules(JsonNode rules) {
    List<FirewallRule> result = new ArrayList<>();
    for (JsonNode rule : rules) {
      Map<String, FieldValue> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : rule.properties()) {
        String name = field.getKey();
        if (name.equals("name") || name.equals("group") || unset(name, field.getValue())) {
          continue;
        }
        fields.put(name, ruleField(name, field.getValue()));
      }
      result.add(new FirewallRule(rule.path("name").asString(), fields));
    }
    return result;
  }

  /** A Hyper-V VM setting as Get-NetFirewallHyperVVMSetting reports it. */
  public static FieldValue setting(String name, JsonNode value) {
    return read(name, value, WindowsEnum.ofSetting(name));
  }

  /** A rule field as Get-NetFirewallRule or Get-NetFirewallHyperVRule reports it. */
  public static FieldValue ruleField(String name, JsonNode value) {
    return read(name, value, WindowsEnum.ofRuleField(name));
  }

  /** Windows reports "Any" or nothing for a program or interface a rule does not name. */
  public static boolean unset(String field, JsonNode value) {
    boolean optional =
        field.equals("program") || field.equals("interfaceAliases") || field.equals("description");
    if (!optional) {
      return false;
    }
    String text =
        value.isArray()
            ? (value.size() == 1 ? value.get(0).asString() : value.isEmpty() ? "" : "many")
            : value.asString();
    return text.isEmpty() || text.equalsIgnoreCase("Any");
  }

  /** A value in the form the file uses; enumerations through their value map. */
  private static FieldValue read(String name, JsonNode value, Optional<WindowsEnum> enumeration) {
    if (enumeration.isPresent() && (value.isString() || value.isNumber())) {
      return enumeration.get().read(value.asString());
    }
    if (enumeration.isPresent() && value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(part -> parts.add(part.asString()));
      return enumeration.get().read(String.join(", ", parts));
    }
    if (!value.isString()) {
      return FieldValueJson.read(value);
    }
    if (FirewallFields.LIST_FIELDS.contains(name)) {
      return new FieldValue.Texts(List.of(value.asString()));
    }
    return FieldValueJson.field(name, value);
  }

  /** A Hyper-V VM setting as the script reports it: booleans as True or False. */
  public static String settingText(FieldValue value) {
    return text(value);
  }

  /**
   * A rule's fields as the script reports them: profiles as one flags text ({@code "Private,
   * Public"}), other lists as lists, booleans as True or False, the rest as text.
   */
  public static void writeRuleFields(ObjectNode node, Map<String, FieldValue> fields) {
    fields.forEach(
        (name, value) -> {
          if (name.equals("profiles") && value instanceof FieldValue.Texts texts) {
            node.put(name, String.join(", ", texts.values()));
          } else if (value instanceof FieldValue.Texts texts) {
            ArrayNode list = node.putArray(name);
            texts.values().forEach(list::add);
          } else {
            node.put(name, text(value));
          }
        });
  }

  private static String text(FieldValue value) {
    return value instanceof FieldValue.Flag flag
        ? (flag.value() ? "True" : "False")
        : value.display();
  }
}
