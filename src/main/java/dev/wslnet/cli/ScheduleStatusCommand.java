package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.host.Host;
import dev.wslnet.render.Visible;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.scheduledtask.ConvergeTask;
import dev.wslnet.scheduledtask.ObservedTask;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "status",
    description =
        "Says whether \\wslnet\\converge exists, when it runs, the file it applies and whether"
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
    Optional<String> file = task.flatMap(t -> t.task().file());
    Optional<Boolean> fileValid = file.flatMap(f -> validity(host, f));
    if (Boolean.TRUE.equals(json)) {
      console.out().println(PlanJson.write(json(task, file, fileValid)));
    } else {
      text(task, file, fileValid);
    }
    console.out().flush();
    return ExitCode.OK.code();
  }

  /**
   * Whether the file exists and is valid; unknown from inside WSL, where the task's Windows path is
   * not this side's.
   */
  private static Optional<Boolean> validity(Host host, String file) {
    if (host.name().equals("wsl")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Files.isRegularFile(Path.of(file))
              && new DesiredStateValidator().read(file).state().isPresent());
    } catch (InvalidPathException e) {
      return Optional.of(false);
    }
  }

  private static ObjectNode json(
      Optional<ObservedTask> task, Optional<String> file, Optional<Boolean> fileValid) {
    ObjectNode root = PlanJson.document("schedule-status");
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
              ConvergeTask.FULL_NAME
                  + " is not installed. Install it with: wslnet schedule install -f FILE");
      return;
    }
    ObservedTask t = task.get();
    console
        .out()
        .println(ConvergeTask.FULL_NAME + " is installed (" + Visible.of(t.state()) + ").");
    console
        .out()
        .println(
            "  runs:     "
                + Visible.of(t.task().execute())
                + " "
                + Visible.of(t.task().arguments()));
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
                + file.map(Visible::of).orElse("(none: the task does not apply a file with -f)")
                + valid
                    .map(v -> v ? " (valid)" : " (missing or invalid: the task fails)")
                    .orElse(""));
    console
        .out()
        .println(
            "  last run: "
                + t.lastRunTime()
                    .map(time -> Visible.of(time) + ", " + t.lastResultText())
                    .orElse("never"));
  }
}
