package dev.wslnet.host.powershell;

import dev.wslnet.operation.Operation;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Operations as the apply script reads them: one JSON object each, named by {@code kind}. */
public final class OperationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OperationJson() {}

  public static ArrayNode encode(List<Operation> operations) {
    ArrayNode array = NODES.arrayNode();
    operations.forEach(operation -> array.add(encode(operation)));
    return array;
  }

  static ObjectNode encode(Operation operation) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", operation.kind());
    node.setAll(operation.arguments());
    return node;
  }
}
