package dev.wslnet.windowsfirewall;

import dev.wslnet.firewall.FirewallDiff;
import dev.wslnet.firewall.RuleFields;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.DesiredState.WindowsFirewallSpec;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/** The Windows firewall rules of the group the file manages; no other rule is read or changed. */
public final class WindowsFirewallKind implements ResourceKind {

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    if (desired.windowsFirewall().isEmpty()) {
      return List.of();
    }
    WindowsFirewallSpec spec = desired.windowsFirewall().get();
    return FirewallDiff.diff(
        spec.rules(),
        observed.windowsRules(),
        spec.prune(),
        name -> WindowsRule.address(spec.group(), name),
        rule -> new WindowsRule(spec.group(), rule),
        name -> false);
  }

  @Override
  public Map<String, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<String, String> fingerprints = new TreeMap<>();
    desired
        .managedGroup()
        .ifPresent(
            group -> {
              for (FirewallRule rule : observed.windowsRules()) {
                fingerprints.put(
                    WindowsRule.address(group, rule.name()).text(),
                    Fingerprint.of(rule.fields().toString()));
              }
            });
    return fingerprints;
  }

  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    if (!observed.windowsRules().isEmpty()) {
      ObjectNode windows = document.putObject("windowsFirewall");
      windows.put("group", group);
      RuleFields.show(windows.putArray("rules"), observed.windowsRules());
    }
  }
}
