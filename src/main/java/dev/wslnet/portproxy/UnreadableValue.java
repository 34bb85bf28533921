package dev.wslnet.portproxy;

import dev.wslnet.model.UnreadableForward;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import dev.wslnet.resource.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A portproxy registry value wslnet cannot read as a forward. The planner only ever deletes one,
 * with prune, and only when its name has an address and a port.
 */
public record UnreadableValue(UnreadableForward forward) implements Resource {

  @Override
  public Address address() {
    return address(forward);
  }

  /** {@code portProxy[v4tov4 0.0.0.0/http]}: the registry value as it is named. */
  public static Address address(UnreadableForward forward) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("type", forward.type().netshName());
    identity.put("valueName", forward.name());
    return new Address(
        "portProxy",
        identity,
        "portProxy[" + forward.type().netshName() + " " + forward.name() + "]");
  }

  @Override
  public Map<String, String> fields() {
    return Map.of("data", forward.data());
  }

  @Override
  public ObjectNode json() {
    return JsonNodeFactory.instance.objectNode().put("data", forward.data());
  }

  /** Never planned: wslnet writes forwards, not values it cannot read. */
  @Override
  public Effect ensure() {
    throw new IllegalStateException("wslnet never writes " + address(forward));
  }

  /** netsh's delete takes a service name for the port, as the registry value holds it. */
  @Override
  public Effect remove() {
    String[] listen =
        forward
            .listen()
            .orElseThrow(() -> new IllegalStateException(address(forward) + " has no port"));
    return Effect.onWindows(new PortProxyDelete(forward.type(), listen[0], listen[1]));
  }
}
