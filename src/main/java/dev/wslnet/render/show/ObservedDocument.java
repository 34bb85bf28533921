package dev.wslnet.render.show;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.WslKey;
import dev.wslnet.model.WslValueType;
import dev.wslnet.plan.Planner;
import dev.wslnet.wslconfig.ParsedWslConfig;
import dev.wslnet.wslconfig.WslValues;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The observed state of a host written as a desired-state document, so that {@code show >
 * wslnet.yaml} followed by {@code plan} finds nothing to change. Values WSL rejects are left out
 * (WSL applies its default for them), as are rule fields at Windows' defaults and WSL's own
 * WslCore-* rules.
 */
public final class ObservedDocument {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]*)(B|K|M|G|T|KB|MB|GB|TB)?");

  private static final Pattern ABSOLUTE_PATH =
      Pattern.compile("([A-Za-z]:[\\\\/]|\\\\\\\\).*", Pattern.DOTALL);

  /** The document, and what was left out of it because a desired-state file cannot say it. */
  public record Result(ObjectNode document, List<String> leftOut) {}

  private ObservedDocument() {}

  public static Result of(ObservedState observed, String group) {
    ObjectNode root = NODES.objectNode();
    List<String> leftOut = new java.util.ArrayList<>();
    root.put("version", 1);
    wslconfig(Planner.parseWslConfig(observed), leftOut)
        .ifPresent(node -> root.set("wslconfig", node));
    if (!observed.portProxy().isEmpty()) {
      ArrayNode rules = root.putObject("portProxy").putArray("rules");
      for (PortProxyEntry entry : observed.portProxy()) {
        ObjectNode rule = rules.addObject();
        rule.put("listenAddress", entry.listenAddress());
        rule.put("listenPort", entry.listenPort());
        boolean viaWsl =
            observed
                .facts()
                .wslAddress()
                .filter(entry.connectAddress()::equalsIgnoreCase)
                .isPresent();
        rule.put("connectAddress", viaWsl ? "$wsl" : entry.connectAddress());
        rule.put("connectPort", entry.connectPort());
        rule.put("type", entry.type().netshName());
      }
    }
    ObjectNode hyperV = NODES.objectNode();
    ObjectNode settings = NODES.objectNode();
    for (String name : FirewallFields.HYPER_V_SETTINGS) {
      // NotConfigured is no value: the file cannot say it, and leaving the setting out keeps it.
      Optional.ofNullable(observed.hyperVSettings().get(name))
          .filter(value -> !value.sameAs(new FieldValue.Text("NotConfigured")))
          .ifPresent(value -> settings.set(name, json(name, value)));
    }
    if (!settings.isEmpty()) {
      hyperV.set("settings", settings);
    }
    List<FirewallRule> hyperVRules =
        observed.hyperVRules().stream()
            .filter(
                rule ->
                    !rule.name().toLowerCase(Locale.ROOT).startsWith(Planner.WSL_OWN_RULE_PREFIX))
            .toList();
    if (!hyperVRules.isEmpty()) {
      rules(hyperV.putArray("rules"), hyperVRules);
    }
    if (!hyperV.isEmpty()) {
      root.set("hyperVFirewall", hyperV);
    }
    if (!observed.windowsRules().isEmpty()) {
      ObjectNode windows = root.putObject("windowsFirewall");
      windows.put("group", group);
      rules(windows.putArray("rules"), observed.windowsRules());
    }
    return new Result(root, leftOut);
  }

  private static Optional<ObjectNode> wslconfig(ParsedWslConfig parsed, List<String> leftOut) {
    ObjectNode wslconfig = NODES.objectNode();
    for (WslKey key : WslKey.values()) {
      Optional<String> raw = parsed.value(key.qualifiedName().toLowerCase(Locale.ROOT));
      Optional<String> meaning = raw.flatMap(value -> WslValues.canonical(key.type(), value));
      if (raw.isEmpty()) {
        continue;
      }
      if (meaning.isEmpty()) {
        leftOut.add(
            key.qualifiedName()
                + ": WSL rejects \""
                + raw.get().replace("\t", "\\t").replace("\n", "\\n").replace("\b", "\\b")
                + "\" and uses its default (WSLNET051)");
        continue;
      }
      if (!expressible(key.type(), raw.get())) {
        leftOut.add(
            key.qualifiedName()
                + ": WSL reads it as \""
                + raw.get().replace("\t", "\\t").replace("\n", "\\n").replace("\b", "\\b")
                + "\", which is not a valid value (single backslashes in a path?)");
        continue;
      }
      ObjectNode section =
          wslconfig.has(key.section().fileName())
              ? (ObjectNode) wslconfig.get(key.section().fileName())
              : wslconfig.putObject(key.section().fileName());
      section.set(key.fileName(), wslValue(key.type(), raw.get(), meaning.get()));
    }
    return wslconfig.isEmpty() ? Optional.empty() : Optional.of(wslconfig);
  }

  /**
   * Whether a desired-state file can declare the value WSL reads: no control characters, paths
   * absolute.
   */
  private static boolean expressible(WslValueType type, String raw) {
    boolean control = raw.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    boolean path =
        type != WslValueType.WINDOWS_PATH
            || ABSOLUTE_PATH.matcher(raw).matches() && raw.indexOf('\t') < 0;
    return !control && path;
  }

  private static JsonNode wslValue(WslValueType type, String raw, String meaning) {
    return switch (type) {
      case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(meaning));
      case INTEGER -> NODES.numberNode(Long.parseLong(meaning));
      case SIZE ->
          SIZE.matcher(raw).matches()
              ? NODES.stringNode(raw)
              : NODES.numberNode(new java.math.BigInteger(meaning));
      case PORT_LIST -> {
        ArrayNode ports = NODES.arrayNode();
        if (!meaning.isEmpty()) {
          for (String port : meaning.split(",")) {
            ports.add(Integer.parseInt(port));
          }
        }
        yield ports;
      }
      case NETWORKING_MODE, MEMORY_RECLAIM, TEXT, WINDOWS_PATH, IPV4, MAC_ADDRESS ->
          NODES.stringNode(raw);
    };
  }

  private static void rules(ArrayNode array, List<FirewallRule> rules) {
    for (FirewallRule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("name", rule.name());
      for (String field : FirewallFields.RULE_FIELDS) {
        Optional<FieldValue> value = rule.field(field);
        Optional<FieldValue> fallback = FirewallFields.ruleDefault(field, rule.name());
        if (value.isPresent()
            && !(fallback.isPresent() && FirewallFields.same(field, fallback.get(), value.get()))) {
          node.set(field, json(field, value.get()));
        }
      }
    }
  }

  private static JsonNode json(String field, FieldValue value) {
    if (value instanceof FieldValue.Flag flag) {
      return NODES.booleanNode(flag.value());
    }
    if (value instanceof FieldValue.Texts texts) {
      ArrayNode array = NODES.arrayNode();
      boolean ports = field.endsWith("Ports");
      texts
          .values()
          .forEach(
              item -> {
                if (ports && item.matches("[0-9]{1,5}")) {
                  array.add(Integer.parseInt(item));
                } else {
                  array.add(item);
                }
              });
      return array;
    }
    return NODES.stringNode(((FieldValue.Text) value).value());
  }
}
