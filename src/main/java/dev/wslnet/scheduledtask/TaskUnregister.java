package dev.wslnet.scheduledtask;

import dev.wslnet.operation.Operation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Deletes {@code \wslnet\converge} if it exists: the script's {@code Unregister-ConvergeTask}. */
public record TaskUnregister() implements Operation {
  public static final String KIND = "scheduledTask.unregister";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    return ConvergeTask.FULL_NAME;
  }

  @Override
  public ObjectNode arguments() {
    return JsonNodeFactory.instance.objectNode();
  }
}
