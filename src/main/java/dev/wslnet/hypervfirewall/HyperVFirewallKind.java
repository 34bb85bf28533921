package dev.wslnet.hypervfirewall;

import dev.wslnet.firewall.FirewallDiff;
import dev.wslnet.firewall.RuleFields;
import dev.wslnet.host.windows.WindowsValues;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.Section;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.PlanningException;
import dev.wslnet.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Hyper-V firewall of WSL's VM creator: its VM settings and its rules. */
public final class HyperVFirewallKind implements ResourceKind {
  /**
   * WSL creates and owns these Hyper-V rules (reference 3.1); wslnet never changes, prunes or shows
   * them.
   */
  static final String WSL_OWN_RULE_PREFIX = "wslcore-";

  /** The hyperVFirewall section of the file, if it has one. */
  public static final Section<Optional<HyperVSpec>> DESIRED =
      new Section<>("hyperVFirewall", HyperVFirewallKind::declared);

  /** WSL's VM creator's settings and rules, as the script reports them. */
  public static final Section<ObservedHyperV> OBSERVED =
      new Section<>(
          "hyperVFirewall",
          document ->
              new ObservedHyperV(
                  WindowsValues.settings(document.path("hyperVSettings")),
                  WindowsValues.rules(document.path("hyperVRules"))));

  /** WSL's VM creator's settings on the host. */
  public static Map<String, FieldValue> settings(ObservedState observed) {
    return observed.section(OBSERVED).settings();
  }

  /** WSL's VM creator's rules on the host, WSL's own included. */
  public static List<FirewallRule> rules(ObservedState observed) {
    return observed.section(OBSERVED).rules();
  }

  private static Optional<HyperVSpec> declared(JsonNode document) {
    JsonNode node = document.path("hyperVFirewall");
    if (!node.isObject()) {
      return Optional.empty();
    }
    Map<String, FieldValue> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.path("settings").properties()) {
      settings.put(entry.getKey(), FieldValueJson.field(entry.getKey(), entry.getValue()));
    }
    return Optional.of(
        new HyperVSpec(
            settings,
            node.path("prune").asBoolean(false),
            FieldValueJson.rules(node.path("rules"))));
  }

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    Optional<HyperVSpec> declared = desired.section(DESIRED);
    if (declared.isEmpty()) {
      return List.of();
    }
    if (!observed.facts().hyperVFirewallAvailable()) {
      throw new PlanningException(
          "the file manages the Hyper-V firewall, but "
              + observed.facts().host()
              + " has no Hyper-V firewall cmdlets (Windows 10, or Windows 11 before 22H2). Remove"
              + " the hyperVFirewall section; windowsFirewall rules filter WSL's NAT traffic"
              + " there");
    }
    HyperVSpec spec = declared.get();
    List<Change> changes = new ArrayList<>();
    Map<String, FieldValue> before =
        FirewallDiff.differing(
            spec.settings(),
            name ->
                Optional.ofNullable(settings(observed).get(name))
                    .or(
                        () ->
                            Optional.ofNullable(
                                FirewallFields.HYPER_V_SETTING_DEFAULTS.get(name))));
    if (!before.isEmpty()) {
      Map<String, FieldValue> after = new LinkedHashMap<>();
      before.keySet().forEach(name -> after.put(name, spec.settings().get(name)));
      changes.add(
          Change.update(
              VmSettings.ADDRESS,
              new VmSettings(before),
              new VmSettings(after),
              Optional.empty(),
              FirewallDiff.NEEDS));
    }
    changes.addAll(
        FirewallDiff.diff(
            spec.rules(),
            rules(observed),
            spec.prune(),
            HyperVRule::address,
            HyperVRule::new,
            HyperVFirewallKind::wslOwn));
    return changes;
  }

  private static boolean wslOwn(String ruleName) {
    return ruleName.toLowerCase(Locale.ROOT).startsWith(WSL_OWN_RULE_PREFIX);
  }

  @Override
  public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<Address, String> fingerprints = new HashMap<>();
    if (desired.section(DESIRED).isPresent()) {
      fingerprints.put(
          VmSettings.ADDRESS, Fingerprint.of(new TreeMap<>(settings(observed)).toString()));
      for (FirewallRule rule : rules(observed)) {
        fingerprints.put(HyperVRule.address(rule.name()), Fingerprint.of(rule.fields().toString()));
      }
    }
    return fingerprints;
  }

  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    ObjectNode hyperV = JsonNodeFactory.instance.objectNode();
    ObjectNode settings = JsonNodeFactory.instance.objectNode();
    for (String name : FirewallFields.HYPER_V_SETTINGS) {
      // NotConfigured is no value: the file cannot say it, and leaving the setting out keeps it.
      Optional.ofNullable(settings(observed).get(name))
          .filter(value -> !value.sameAs(new FieldValue.Text("NotConfigured")))
          .ifPresent(value -> settings.set(name, RuleFields.show(name, value)));
    }
    if (!settings.isEmpty()) {
      hyperV.set("settings", settings);
    }
    List<FirewallRule> rules =
        rules(observed).stream().filter(rule -> !wslOwn(rule.name())).toList();
    if (!rules.isEmpty()) {
      RuleFields.show(hyperV.putArray("rules"), rules);
    }
    if (!hyperV.isEmpty()) {
      document.set("hyperVFirewall", hyperV);
    }
  }
}
