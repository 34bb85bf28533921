package dev.wslnet.cli;

import dev.wslnet.host.Applied;
import dev.wslnet.host.Host;
import dev.wslnet.scheduledtask.ConvergeTask;
import dev.wslnet.scheduledtask.TaskStart;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "run",
    description = {
      "Starts \\wslnet\\converge now and returns: an elevated apply without a prompt, from a"
          + " terminal that is not elevated. Its result: wslnet schedule status."
    })
final class ScheduleRunCommand implements Callable<Integer> {
  @ParentCommand ScheduleCommand schedule;

  @Mixin HostOption hostOption;

  private final Console console;

  ScheduleRunCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Host host = Hosts.select(hostOption.host, console, false);
    Applied started = host.apply(List.of(new TaskStart()), Optional.empty());
    Optional<String> error = started.results().get(0).error();
    if (error.isPresent()) {
      throw new ExitException(ExitCode.ERROR, error.get());
    }
    console
        .out()
        .println(
            "Started "
                + ConvergeTask.FULL_NAME
                + ". It runs on its own; see how it went with: wslnet schedule status");
    console.out().flush();
    return ExitCode.OK.code();
  }
}
