package dev.wslnet.scheduledtask;

import dev.wslnet.operation.Operation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts {@code \wslnet\converge} now: the script's {@code Start-ConvergeTask}. It needs no
 * administrator: the user who registered a task can run it (Task Scheduler's security contexts),
 * and a task that runs with highest privileges is how a process that is not elevated gets an
 * elevated apply without a prompt.
 */
public record TaskStart() implements Operation {
  public static final String KIND = "scheduledTask.start";

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

  @Override
  public boolean needsElevation() {
    return false;
  }
}
