package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.host.Host;
import dev.wslnet.host.windows.WindowsCommandLine;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.scheduledtask.ObservedTask;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "status",
    description =
        "Says whether \\\\wslnet\\\\converge exists, when it runs, the file it applies and whether"
            + " that file is still valid, and how its last run went. Changes nothing.")
final class ScheduleStatusCommand implements Callable<Integer> {
  @ParentCommand ScheduleCommand schedule;

  @Mixin HostOption hostOption;

  @Option(
      names = "--json",
      description = "Print the status as one JSON document, and nothing else.")
  Boolean json;

  private final Console console;

  ScheduleStatusCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Host host = Hosts.select(hostOption.host, console, false);
    Optional<ObservedTask> task = ScheduledTaskKind.task(host.observe(Optional.empty()));
    Optional<String> file = task.flatMap(t -> fileOf(t.task().arguments()));
    Optional<Boolean> fileValid = file.flatMap(f -> validity(host, f));
    if (Boolean.TRUE.equals(json)) {
      console.out().println(PlanJson.write(json(task, file, fileValid)));
    } else {
      text(task, file, fileValid);
    }
    console.out().flush();
    return ExitCode.OK.code();
  }

  /** The file after -f in the task's arguments. */
  private static Optional<String> fileOf(String commandLine) {
    List<String> arguments = WindowsCommandLine.split(commandLine);
    int flag = arguments.indexOf("-f");
    return flag >= 0 && flag + 1 < arguments.size()
        ? Optional.of(arguments.get(flag + 1))
        : Optional.empty();
  }

  /**
   * Whether the file exists and is valid; unknown from inside WSL, where the task's Windows path is
   * not this side's.
   */
  private static Optional<Boolean> validity(Host host, String file) {
    if (host.name().equals("wsl")) {
      return Optional.empty();
    }
    Path path = Path.of(file);
    return Optional.of(
        Files.isRegularFile(path) && new DesiredStateValidator().read(file).state().isPresent());
  }

  private static ObjectNode json(
      Optional<ObservedTask> task, Optional<String> file, Optional<Boolean> fileValid) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    root.put("installed", task.isPresent());
    file.ifPresentOrElse(f -> root.put("file", f), () -> root.putNull("file"));
    fileValid.ifPresentOrElse(v -> root.put("fileValid", v), () -> root.putNull("fileValid"));
    task.ifPresentOrElse(
        t -> {
          root.put("execute", t.task().execute());
          root.put("arguments", t.task().arguments());
          t.task().triggers().forEach(root.putArray("triggers")::add);
          root.put("runsElevated", t.task().highest());
          t.lastRunTime()
              .ifPresentOrElse(time -> root.put("lastRun", time), () -> root.putNull("lastRun"));
          root.put("lastResult", t.lastResultText());
          root.put("lastResultCode", t.lastResult());
          root.put("state", t.state());
        },
        () -> {
          root.putNull("execute");
          root.putNull("arguments");
          root.putArray("triggers");
          root.putNull("runsElevated");
          root.putNull("lastRun");
          root.putNull("lastResult");
          root.putNull("lastResultCode");
          root.putNull("state");
        });
    return root;
  }

  private void text(Optional<ObservedTask> task, Optional<String> file, Optional<Boolean> valid) {
    if (task.isEmpty()) {
      console
          .out()
          .println(
              ScheduleCommand.TASK
                  + " is not installed. Install it with: wslnet schedule install -f FILE");
      return;
    }
    ObservedTask t = task.get();
    console.out().println(ScheduleCommand.TASK + " is installed (" + t.state() + ").");
    console.out().println("  runs:     " + t.task().execute() + " " + t.task().arguments());
    console
        .out()
        .println(
            "  when:     "
                + String.join(", ", t.task().triggers())
                + (t.task().highest()
                    ? ", with highest privileges"
                    : ", NOT elevated: it cannot apply"));
    console
        .out()
        .println(
            "  file:     "
                + file.orElse("(none: the task does not apply a file with -f)")
                + valid
                    .map(v -> v ? " (valid)" : " (missing or invalid: the task fails)")
                    .orElse(""));
    console
        .out()
        .println(
            "  last run: "
                + t.lastRunTime().map(time -> time + ", " + t.lastResultText()).orElse("never"));
  }
}
