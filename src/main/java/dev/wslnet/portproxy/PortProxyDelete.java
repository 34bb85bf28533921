package dev.wslnet.portproxy;

import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.operation.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * netsh interface portproxy delete; an entry that is already gone is no failure. The port is text,
 * as netsh takes it: a number, or the service name of a value wslnet could not read.
 */
public record PortProxyDelete(PortProxyType type, String listenAddress, String listenPort)
    implements Operation {
  public static final String KIND = "portProxy.delete";

  public static PortProxyDelete of(PortProxyEntry entry) {
    return new PortProxyDelete(
        entry.type(), entry.listenAddress(), Integer.toString(entry.listenPort()));
  }

  /** The operation as the script reads it. */
  public static PortProxyDelete of(JsonNode arguments) {
    return new PortProxyDelete(
        ForwardJson.type(arguments),
        arguments.path("listenAddress").asString(),
        arguments.path("listenPort").asString());
  }

  /** The registry value name netsh keeps the entry under: {@code listenaddress/listenport}. */
  public String valueName() {
    return listenAddress + "/" + listenPort;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    String endpoint = listenAddress.contains(":") ? "[" + listenAddress + "]" : listenAddress;
    return type.netshName() + " " + endpoint + ":" + listenPort;
  }

  @Override
  public ObjectNode arguments() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", type.netshName());
    node.put("listenAddress", listenAddress);
    node.put("listenPort", listenPort);
    return node;
  }
}
