package dev.wslnet.firewall;

import dev.wslnet.model.FirewallRule;
import dev.wslnet.resource.Resource;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A firewall rule with the fields a change is about, shown the same way in both firewalls; each
 * firewall says what ensuring and removing it takes.
 */
public interface RuleResource extends Resource {
  FirewallRule rule();

  @Override
  default Map<String, String> fields() {
    return RuleFields.displayed(rule().fields());
  }

  @Override
  default ObjectNode json() {
    return RuleFields.json(rule().fields());
  }
}
