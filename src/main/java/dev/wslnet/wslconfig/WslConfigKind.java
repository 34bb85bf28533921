package dev.wslnet.wslconfig;

import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.Section;
import dev.wslnet.model.WslKey;
import dev.wslnet.model.WslSection;
import dev.wslnet.model.WslValueType;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.ResourceKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The keys of .wslconfig the file declares, against the values WSL reads now. */
public final class WslConfigKind implements ResourceKind {
  /** The keys the file declares, in file order; an empty value removes the key. */
  public static final Section<List<WslSetting>> DESIRED =
      new Section<>("wslconfig", WslConfigKind::declared);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]*)(B|K|M|G|T|KB|MB|GB|TB)?");
  private static final Pattern ABSOLUTE_PATH =
      Pattern.compile("([A-Za-z]:[\\\\/]|\\\\\\\\).*", Pattern.DOTALL);

  /** .wslconfig as WSL reads it now; a missing file reads as an empty one. */
  public static ParsedWslConfig read(ObservedState observed) {
    return WslConfigParser.parse(WslConfigText.decode(observed.wslconfig().orElse(new byte[0])));
  }

  private static List<WslSetting> declared(JsonNode document) {
    JsonNode node = document.path("wslconfig");
    List<WslSetting> settings = new ArrayList<>();
    for (WslSection section : WslSection.values()) {
      for (Map.Entry<String, JsonNode> entry : node.path(section.fileName()).properties()) {
        WslKey key =
            WslKey.find(section, entry.getKey())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "not a validated document: " + entry.getKey()));
        settings.add(new WslSetting(key, wslValue(entry.getValue())));
      }
    }
    return settings;
  }

  /** A .wslconfig value as WSL should read it: booleans as true/false, lists comma-separated. */
  private static Optional<String> wslValue(JsonNode value) {
    if (value.isNull()) {
      return Optional.empty();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asString()));
      return Optional.of(String.join(",", items));
    }
    return Optional.of(value.asString());
  }

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    return WslConfigDiff.diff(desired.section(DESIRED), read(observed));
  }

  @Override
  public List<Diagnostic> warnings(
      DesiredState desired, ObservedState observed, List<Change> changes) {
    return observed.wslconfig().isPresent()
        ? WslConfigLint.check(read(observed), observed.wslconfigPath())
        : List.of();
  }

  @Override
  public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<Address, String> fingerprints = new HashMap<>();
    ParsedWslConfig wslconfig = read(observed);
    for (WslSetting setting : desired.section(DESIRED)) {
      String name = setting.key().qualifiedName().toLowerCase(Locale.ROOT);
      fingerprints.put(
          WslConfigSetting.address(setting.key()),
          Fingerprint.of(wslconfig.value(name).orElse("\0absent")));
    }
    return fingerprints;
  }

  /** Values WSL rejects are left out (WSL applies its default for them). */
  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    ParsedWslConfig parsed = read(observed);
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
                + escaped(raw.get())
                + "\" and uses its default (WSLNET051)");
        continue;
      }
      if (!expressible(key.type(), raw.get())) {
        leftOut.add(
            key.qualifiedName()
                + ": WSL reads it as \""
                + escaped(raw.get())
                + "\", which is not a valid value (single backslashes in a path?)");
        continue;
      }
      ObjectNode section =
          wslconfig.has(key.section().fileName())
              ? (ObjectNode) wslconfig.get(key.section().fileName())
              : wslconfig.putObject(key.section().fileName());
      section.set(key.fileName(), wslValue(key.type(), raw.get(), meaning.get()));
    }
    if (!wslconfig.isEmpty()) {
      document.set("wslconfig", wslconfig);
    }
  }

  private static String escaped(String raw) {
    return raw.replace("\t", "\\t").replace("\n", "\\n").replace("\b", "\\b");
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
              : NODES.numberNode(new BigInteger(meaning));
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
}
