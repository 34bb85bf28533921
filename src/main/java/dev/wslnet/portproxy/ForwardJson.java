package dev.wslnet.portproxy;

import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A forward's fields, named as in the desired-state file: the script's requests and the simulated
 * host's host.json use the same shape.
 */
public final class ForwardJson {
  private ForwardJson() {}

  public static ObjectNode write(ObjectNode node, PortProxyEntry entry) {
    node.put("type", entry.type().netshName());
    node.put("listenAddress", entry.listenAddress());
    node.put("listenPort", entry.listenPort());
    node.put("connectAddress", entry.connectAddress());
    node.put("connectPort", entry.connectPort());
    return node;
  }

  public static PortProxyEntry read(JsonNode node) {
    return new PortProxyEntry(
        type(node),
        node.path("listenAddress").asString(),
        node.path("listenPort").asInt(),
        node.path("connectAddress").asString(),
        node.path("connectPort").asInt());
  }

  /** A missing type is v4tov4, the table netsh's examples use. */
  static PortProxyType type(JsonNode node) {
    return PortProxyType.fromNetshName(node.path("type").asString("v4tov4"))
        .orElseThrow(
            () -> new IllegalArgumentException("unknown portproxy type: " + node.path("type")));
  }
}
