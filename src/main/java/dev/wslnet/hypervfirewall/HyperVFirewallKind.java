package dev.wslnet.hypervfirewall;

import dev.wslnet.firewall.FirewallDiff;
import dev.wslnet.firewall.RuleFields;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.DesiredState.HyperVSpec;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.PlanningException;
import dev.wslnet.resource.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Hyper-V firewall of WSL's VM creator: its VM settings and its rules. */
public final class HyperVFirewallKind implements ResourceKind {
  /**
   * WSL creates and owns these Hyper-V rules (reference 3.1); wslnet never changes, prunes or shows
   * them.
   */
  static final String WSL_OWN_RULE_PREFIX = "wslcore-";

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    if (desired.hyperVFirewall().isEmpty()) {
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
    HyperVSpec spec = desired.hyperVFirewall().get();
    List<Change> changes = new ArrayList<>();
    Map<String, FieldValue> before =
        FirewallDiff.differing(
            spec.settings(),
            name ->
                Optional.ofNullable(observed.hyperVSettings().get(name))
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
            observed.hyperVRules(),
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
  public Map<String, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<String, String> fingerprints = new TreeMap<>();
    if (desired.hyperVFirewall().isPresent()) {
      fingerprints.put(
          VmSettings.ADDRESS.text(),
          Fingerprint.of(new TreeMap<>(observed.hyperVSettings()).toString()));
      for (FirewallRule rule : observed.hyperVRules()) {
        fingerprints.put(
            HyperVRule.address(rule.name()).text(), Fingerprint.of(rule.fields().toString()));
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
      Optional.ofNullable(observed.hyperVSettings().get(name))
          .filter(value -> !value.sameAs(new FieldValue.Text("NotConfigured")))
          .ifPresent(value -> settings.set(name, RuleFields.show(name, value)));
    }
    if (!settings.isEmpty()) {
      hyperV.set("settings", settings);
    }
    List<FirewallRule> rules =
        observed.hyperVRules().stream().filter(rule -> !wslOwn(rule.name())).toList();
    if (!rules.isEmpty()) {
      RuleFields.show(hyperV.putArray("rules"), rules);
    }
    if (!hyperV.isEmpty()) {
      document.set("hyperVFirewall", hyperV);
    }
  }
}
