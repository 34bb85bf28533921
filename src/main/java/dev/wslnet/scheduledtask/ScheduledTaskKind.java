package dev.wslnet.scheduledtask;

import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.Section;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.ResourceKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scheduled task {@code \wslnet\converge}. A desired-state file does not declare it: {@code
 * wslnet schedule install} and {@code remove} plan a document of their own, whose {@code
 * scheduledTask} is the task to register, or null for none.
 */
public final class ScheduledTaskKind implements ResourceKind {
  static final String SECTION = "scheduledTask";

  /**
   * The event that marks the start of the WSL VM: its network adapter connecting to a port of WSL's
   * virtual switch, Microsoft-Windows-Hyper-V-VmSwitch event 232 in the System log. No Microsoft
   * document names a WSL start event; this one is reported by users who trigger tasks on it
   * (pawelgnatowski/WSL2-Network-Fix#11). Other VMs fire it too, which costs an apply that changes
   * nothing.
   */
  static final String VM_START_PROVIDER = "Microsoft-Windows-Hyper-V-VmSwitch";

  static final String VM_START_EVENT = "EventID=232";

  /** What the document asks for: the task, or none. */
  record Wanted(Optional<ConvergeTask> task) {}

  /** The task the document asks for; empty when it says nothing of the task. */
  public static final Section<Optional<Wanted>> DESIRED =
      new Section<>(SECTION, ScheduledTaskKind::declared);

  /** The task on the host, if there is one. */
  public static final Section<Optional<ObservedTask>> OBSERVED =
      new Section<>(SECTION, ScheduledTaskKind::observed);

  /** The document that makes the host hold this task. */
  public static JsonNode installing(String execute, String arguments, int everyMinutes) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("version", 1);
    ObjectNode task = document.putObject(SECTION);
    task.put("execute", execute);
    task.put("arguments", arguments);
    task.put("everyMinutes", everyMinutes);
    return document;
  }

  /** The document that makes the host hold no such task. */
  public static JsonNode removing() {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("version", 1);
    document.putNull(SECTION);
    return document;
  }

  public static Optional<ObservedTask> task(ObservedState observed) {
    return observed.section(OBSERVED);
  }

  private static Optional<Wanted> declared(JsonNode document) {
    if (!document.has(SECTION)) {
      return Optional.empty();
    }
    JsonNode task = document.get(SECTION);
    if (!task.isObject()) {
      return Optional.of(new Wanted(Optional.empty()));
    }
    return Optional.of(
        new Wanted(
            Optional.of(
                new ConvergeTask(
                    task.path("execute").asString(),
                    task.path("arguments").asString(),
                    true,
                    true,
                    task.path("everyMinutes").asInt(),
                    true))));
  }

  private static Optional<ObservedTask> observed(JsonNode document) {
    JsonNode task = document.path(SECTION);
    if (!task.isObject()) {
      return Optional.empty();
    }
    boolean atLogon = false;
    boolean atVmStart = false;
    int everyMinutes = 0;
    for (JsonNode trigger : task.path("triggers")) {
      if (!trigger.path("enabled").asBoolean(true)) {
        continue;
      }
      switch (trigger.path("type").asString("")) {
        case "logon" -> atLogon = true;
        case "event" -> {
          String subscription = trigger.path("subscription").asString("");
          atVmStart |=
              subscription.contains(VM_START_PROVIDER) && subscription.contains(VM_START_EVENT);
        }
        case "time" -> everyMinutes = Math.max(everyMinutes, minutes(trigger.path("repetition")));
        default -> {}
      }
    }
    JsonNode lastRun = task.path("lastRunTime");
    return Optional.of(
        new ObservedTask(
            new ConvergeTask(
                task.path("execute").asString(""),
                task.path("arguments").asString(""),
                atLogon,
                atVmStart,
                everyMinutes,
                task.path("runLevel").asString("").equals("Highest")),
            lastRun.isString() ? Optional.of(lastRun.asString()) : Optional.empty(),
            task.path("lastTaskResult").asLong(ObservedTask.HAS_NOT_RUN),
            task.path("state").asString("Unknown")));
  }

  /** A repetition interval, as Task Scheduler keeps it (PT15M), in whole minutes; 0 for none. */
  private static int minutes(JsonNode repetition) {
    try {
      return (int) Duration.parse(repetition.asString("")).toMinutes();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    Optional<Wanted> wanted = desired.section(DESIRED);
    if (wanted.isEmpty()) {
      return List.of();
    }
    Optional<ConvergeTask> present = task(observed).map(ObservedTask::task);
    Optional<ConvergeTask> task = wanted.get().task();
    Set<Need> needs = Set.of(Need.ADMINISTRATOR);
    if (task.isEmpty()) {
      return present
          .map(
              before ->
                  List.of(
                      Change.delete(ConvergeTask.ADDRESS, before, "schedule remove asked", needs)))
          .orElse(List.of());
    }
    if (present.isEmpty()) {
      return List.of(Change.create(ConvergeTask.ADDRESS, task.get(), needs));
    }
    if (present.get().equals(task.get())) {
      return List.of();
    }
    return List.of(
        Change.update(ConvergeTask.ADDRESS, present.get(), task.get(), Optional.empty(), needs));
  }

  @Override
  public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
    if (desired.section(DESIRED).isEmpty()) {
      return Map.of();
    }
    return task(observed)
        .map(task -> Map.of(ConvergeTask.ADDRESS, Fingerprint.of(task.task().fields().toString())))
        .orElse(Map.of());
  }

  /** A desired-state file cannot declare the task: {@code wslnet schedule} manages it. */
  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    task(observed)
        .ifPresent(
            task ->
                leftOut.add(
                    "the scheduled task "
                        + ConvergeTask.FULL_NAME
                        + ": see it with wslnet schedule status"));
  }
}
