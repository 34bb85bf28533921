package dev.wslnet.scheduledtask;

import dev.wslnet.host.windows.WindowsCommandLine;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import dev.wslnet.resource.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scheduled task {@code \wslnet\converge}, which applies a desired-state file with an
 * administrator's token and no prompt: what it runs, and when.
 *
 * @param execute the program the task starts: the installed launcher, by its absolute path
 * @param arguments its arguments as one Windows command line ({@code apply --auto-approve -f …})
 * @param atLogon runs when the user logs on
 * @param atVmStart runs when the WSL VM starts (its network adapter joins WSL's switch)
 * @param everyMinutes runs every so many minutes as a fallback; 0 when it does not repeat
 * @param highest runs with the user's highest privileges (elevated, without a prompt)
 */
public record ConvergeTask(
    String execute,
    String arguments,
    boolean atLogon,
    boolean atVmStart,
    int everyMinutes,
    boolean highest)
    implements Resource {
  /** The task's path and name as Windows writes them together (TaskPath \wslnet\, TaskName). */
  public static final String FULL_NAME = "\\wslnet\\converge";

  static final Address ADDRESS =
      new Address("scheduledTask", Map.of("path", FULL_NAME), "scheduledTask[" + FULL_NAME + "]");

  @Override
  public Address address() {
    return ADDRESS;
  }

  /** The file it applies: the argument after {@code -f}. */
  public Optional<String> file() {
    List<String> split = WindowsCommandLine.split(arguments);
    int flag = split.indexOf("-f");
    return flag >= 0 && flag + 1 < split.size()
        ? Optional.of(split.get(flag + 1))
        : Optional.empty();
  }

  /** When it runs: {@code at logon, at WSL VM start, every 15m}. */
  public List<String> triggers() {
    List<String> triggers = new ArrayList<>();
    if (atLogon) {
      triggers.add("at logon");
    }
    if (atVmStart) {
      triggers.add("at WSL VM start");
    }
    if (everyMinutes > 0) {
      triggers.add("every " + everyMinutes + "m");
    }
    return triggers;
  }

  @Override
  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("execute", execute);
    fields.put("arguments", arguments);
    fields.put("triggers", String.join(", ", triggers()));
    fields.put("runLevel", highest ? "Highest" : "Limited");
    return fields;
  }

  @Override
  public ObjectNode json() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("execute", execute);
    json.put("arguments", arguments);
    triggers().forEach(json.putArray("triggers")::add);
    json.put("runLevel", highest ? "Highest" : "Limited");
    return json;
  }

  @Override
  public Effect ensure() {
    return Effect.onWindows(new TaskRegister(execute, arguments, everyMinutes));
  }

  @Override
  public Effect remove() {
    return Effect.onWindows(new TaskUnregister());
  }
}
