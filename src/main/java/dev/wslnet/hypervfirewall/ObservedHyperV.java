package dev.wslnet.hypervfirewall;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import java.util.List;
import java.util.Map;

/**
 * The Hyper-V firewall of WSL's VM creator as the host reports it.
 *
 * @param settings its VM settings; none when Windows has no setting for WSL's VM creator
 * @param rules its rules, WSL's own WslCore-* rules included
 */
public record ObservedHyperV(Map<String, FieldValue> settings, List<FirewallRule> rules) {
  public ObservedHyperV {
    settings = Map.copyOf(settings);
    rules = List.copyOf(rules);
  }
}
