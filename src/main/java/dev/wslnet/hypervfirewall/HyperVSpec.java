package dev.wslnet.hypervfirewall;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import java.util.List;
import java.util.Map;

/** The hyperVFirewall section of a desired-state file; only the declared settings are managed. */
public record HyperVSpec(
    Map<String, FieldValue> settings, boolean prune, List<FirewallRule> rules) {
  public HyperVSpec {
    settings = Map.copyOf(settings);
    rules = List.copyOf(rules);
  }
}
