package dev.wslnet.portproxy;

import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.operation.Operation;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * netsh interface portproxy set: adds the entry, or overwrites the one on the same listen address
 * and port.
 */
public record PortProxySet(PortProxyEntry entry) implements Operation {
  public static final String KIND = "portProxy.set";

  public PortProxySet {
    Objects.requireNonNull(entry, "entry");
  }

  /** The operation as the script reads it. */
  public static PortProxySet of(JsonNode arguments) {
    return new PortProxySet(ForwardJson.read(arguments));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    return entry.type().netshName() + " " + entry.listenEndpoint();
  }

  @Override
  public ObjectNode arguments() {
    return ForwardJson.write(JsonNodeFactory.instance.objectNode(), entry);
  }
}
