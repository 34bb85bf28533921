package dev.wslnet.scheduledtask;

import dev.wslnet.operation.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers {@code \wslnet\converge}, replacing the task of that name if there is one: the script's
 * {@code Register-ConvergeTask}. The triggers and the run level are the script's own constants.
 *
 * @param commandLine the program's arguments as one Windows command line, which the script passes
 *     to New-ScheduledTaskAction -Argument as it is
 */
public record TaskRegister(String execute, String commandLine, int everyMinutes)
    implements Operation {
  public static final String KIND = "scheduledTask.register";

  /** As the script reads it from a request. */
  public static TaskRegister of(JsonNode operation) {
    return new TaskRegister(
        operation.path("execute").asString(),
        operation.path("arguments").asString(),
        operation.path("everyMinutes").asInt());
  }

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
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("execute", execute);
    node.put("arguments", commandLine);
    node.put("everyMinutes", everyMinutes);
    return node;
  }
}
