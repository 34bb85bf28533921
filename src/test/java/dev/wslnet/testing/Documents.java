package dev.wslnet.testing;

import dev.wslnet.hypervfirewall.HyperVSpec;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.PortProxyRule;
import dev.wslnet.portproxy.PortProxySpec;
import dev.wslnet.windowsfirewall.WindowsFirewallSpec;
import dev.wslnet.wslconfig.WslSetting;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Desired states for property tests, written as the document a file would hold, so that each kind
 * reads them as it reads a file.
 */
public final class Documents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Documents() {}

  public static DesiredState desired(
      List<WslSetting> wslconfig,
      Optional<PortProxySpec> portProxy,
      Optional<HyperVSpec> hyperV,
      Optional<WindowsFirewallSpec> windows) {
    ObjectNode root = NODES.objectNode();
    root.put("version", 1);
    if (!wslconfig.isEmpty()) {
      ObjectNode sections = root.putObject("wslconfig");
      for (WslSetting setting : wslconfig) {
        ObjectNode section =
            sections.has(setting.key().section().fileName())
                ? (ObjectNode) sections.get(setting.key().section().fileName())
                : sections.putObject(setting.key().section().fileName());
        if (setting.value().isPresent()) {
          section.put(setting.key().fileName(), setting.value().get());
        } else {
          section.putNull(setting.key().fileName());
        }
      }
    }
    portProxy.ifPresent(
        spec -> {
          ObjectNode node = root.putObject("portProxy");
          node.put("prune", spec.prune());
          ArrayNode rules = node.putArray("rules");
          for (PortProxyRule rule : spec.rules()) {
            rules
                .addObject()
                .put("type", rule.type().netshName())
                .put("listenAddress", rule.listenAddress())
                .put("listenPort", rule.listenPort())
                .put("connectAddress", rule.connectAddress().text())
                .put("connectPort", rule.connectPort());
          }
        });
    hyperV.ifPresent(
        spec -> {
          ObjectNode node = root.putObject("hyperVFirewall");
          if (!spec.settings().isEmpty()) {
            ObjectNode settings = node.putObject("settings");
            new TreeMap<>(spec.settings())
                .forEach((name, value) -> settings.set(name, FieldValueJson.write(value)));
          }
          node.put("prune", spec.prune());
          rules(node.putArray("rules"), spec.rules());
        });
    windows.ifPresent(
        spec -> {
          ObjectNode node = root.putObject("windowsFirewall");
          node.put("group", spec.group());
          node.put("prune", spec.prune());
          rules(node.putArray("rules"), spec.rules());
        });
    return new DesiredState(root);
  }

  private static void rules(ArrayNode array, List<FirewallRule> rules) {
    for (FirewallRule rule : rules) {
      ObjectNode node = array.addObject().put("name", rule.name());
      rule.fields().forEach((name, value) -> node.set(name, FieldValueJson.write(value)));
    }
  }
}
