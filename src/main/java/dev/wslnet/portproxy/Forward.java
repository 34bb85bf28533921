package dev.wslnet.portproxy;

import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import dev.wslnet.resource.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A netsh portproxy forward.
 *
 * @param viaWsl whether connectAddress is the $wsl address looked up when planning
 */
public record Forward(PortProxyEntry entry, boolean viaWsl) implements Resource {

  /** {@code portProxy[v4tov4 0.0.0.0:4000]}, {@code portProxy[v6tov6 [::]:443]}. */
  public static Address address(PortProxyEntry entry) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("type", entry.type().netshName());
    identity.put("listenAddress", entry.listenAddress());
    identity.put("listenPort", entry.listenPort());
    return new Address(
        "portProxy",
        identity,
        "portProxy[" + entry.type().netshName() + " " + entry.listenEndpoint() + "]");
  }

  @Override
  public Address address() {
    return address(entry);
  }

  /** A looked-up address names where it came from: {@code 172.30.98.229 ($wsl)}. */
  @Override
  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("connectAddress", entry.connectAddress() + (viaWsl ? " ($wsl)" : ""));
    fields.put("connectPort", Integer.toString(entry.connectPort()));
    return fields;
  }

  @Override
  public ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("connectAddress", entry.connectAddress());
    node.put("connectPort", entry.connectPort());
    if (viaWsl) {
      node.put("connectAddressFrom", "$wsl");
    }
    return node;
  }

  /** netsh interface portproxy set adds the entry, or overwrites the one on its socket. */
  @Override
  public Effect ensure() {
    return Effect.onWindows(new PortProxySet(entry));
  }

  @Override
  public Effect remove() {
    return Effect.onWindows(PortProxyDelete.of(entry));
  }
}
