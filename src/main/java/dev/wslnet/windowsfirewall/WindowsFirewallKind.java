package dev.wslnet.windowsfirewall;

import dev.wslnet.firewall.FirewallDiff;
import dev.wslnet.firewall.RuleFields;
import dev.wslnet.host.windows.WindowsValues;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.Section;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.ResourceKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Windows firewall rules of the group the file manages; no other rule is read or changed. */
public final class WindowsFirewallKind implements ResourceKind {
  /** The windowsFirewall section of the file, if it has one. */
  public static final Section<Optional<WindowsFirewallSpec>> DESIRED =
      new Section<>("windowsFirewall", WindowsFirewallKind::declared);

  /** The rules of the managed group, as the script reports them. */
  public static final Section<List<FirewallRule>> OBSERVED =
      new Section<>(
          "windowsFirewall", document -> WindowsValues.rules(document.path("windowsRules")));

  /** The rules of the managed group on the host. */
  public static List<FirewallRule> rules(ObservedState observed) {
    return observed.section(OBSERVED);
  }

  private static Optional<WindowsFirewallSpec> declared(JsonNode document) {
    JsonNode node = document.path("windowsFirewall");
    if (!node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new WindowsFirewallSpec(
            node.get("group").asString(),
            node.path("prune").asBoolean(false),
            FieldValueJson.rules(node.path("rules"))));
  }

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    Optional<WindowsFirewallSpec> declared = desired.section(DESIRED);
    if (declared.isEmpty()) {
      return List.of();
    }
    WindowsFirewallSpec spec = declared.get();
    return FirewallDiff.diff(
        spec.rules(),
        rules(observed),
        spec.prune(),
        name -> WindowsRule.address(spec.group(), name),
        rule -> new WindowsRule(spec.group(), rule),
        name -> false);
  }

  @Override
  public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<Address, String> fingerprints = new HashMap<>();
    desired
        .managedGroup()
        .ifPresent(
            group -> {
              for (FirewallRule rule : rules(observed)) {
                fingerprints.put(
                    WindowsRule.address(group, rule.name()),
                    Fingerprint.of(rule.fields().toString()));
              }
            });
    return fingerprints;
  }

  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    if (!rules(observed).isEmpty()) {
      ObjectNode windows = document.putObject("windowsFirewall");
      windows.put("group", group);
      RuleFields.show(windows.putArray("rules"), rules(observed));
    }
  }
}
