package dev.wslnet.config;

import dev.wslnet.model.ConnectAddress;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.DesiredState.HyperVSpec;
import dev.wslnet.model.DesiredState.PortProxySpec;
import dev.wslnet.model.DesiredState.WindowsFirewallSpec;
import dev.wslnet.model.DesiredState.WslSetting;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.PortProxyRule;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.WslKey;
import dev.wslnet.model.WslSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a validated desired-state document into the model; it relies on validation having found no
 * error.
 */
public final class DesiredStateBinder {
  private DesiredStateBinder() {}

  public static DesiredState bind(JsonNode root) {
    return new DesiredState(
        wslconfig(root.path("wslconfig")),
        optional(root, "portProxy").map(DesiredStateBinder::portProxy),
        optional(root, "hyperVFirewall").map(DesiredStateBinder::hyperV),
        optional(root, "windowsFirewall")
            .map(
                node ->
                    new WindowsFirewallSpec(
                        node.get("group").asString(),
                        node.path("prune").asBoolean(false),
                        FieldValueJson.rules(node.path("rules")))));
  }

  private static Optional<JsonNode> optional(JsonNode root, String field) {
    JsonNode node = root.path(field);
    return node.isObject() ? Optional.of(node) : Optional.empty();
  }

  private static List<WslSetting> wslconfig(JsonNode node) {
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

  private static PortProxySpec portProxy(JsonNode node) {
    List<PortProxyRule> rules = new ArrayList<>();
    for (JsonNode rule : node.path("rules")) {
      String listen = rule.get("listenAddress").asString();
      ConnectAddress connect = ConnectAddress.of(rule.get("connectAddress").asString());
      int listenPort = rule.get("listenPort").asInt();
      PortProxyType type =
          rule.has("type")
              ? PortProxyType.fromNetshName(rule.get("type").asString()).orElseThrow()
              : inferType(listen, connect);
      rules.add(
          new PortProxyRule(
              type, listen, listenPort, connect, rule.path("connectPort").asInt(listenPort)));
    }
    return new PortProxySpec(node.path("prune").asBoolean(false), rules);
  }

  /** IPv6 literals make a side IPv6; $wsl, *, IPv4 and host names count as IPv4. */
  static PortProxyType inferType(String listen, ConnectAddress connect) {
    IpLiteral.Family listenFamily =
        IpLiteral.isIpv6(listen) ? IpLiteral.Family.IPV6 : IpLiteral.Family.IPV4;
    IpLiteral.Family connectFamily =
        connect instanceof ConnectAddress.Fixed fixed && IpLiteral.isIpv6(fixed.address())
            ? IpLiteral.Family.IPV6
            : IpLiteral.Family.IPV4;
    return PortProxyType.of(listenFamily, connectFamily);
  }

  private static HyperVSpec hyperV(JsonNode node) {
    Map<String, FieldValue> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.path("settings").properties()) {
      settings.put(entry.getKey(), FieldValueJson.field(entry.getKey(), entry.getValue()));
    }
    return new HyperVSpec(
        settings, node.path("prune").asBoolean(false), FieldValueJson.rules(node.path("rules")));
  }
}
