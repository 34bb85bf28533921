package dev.wslnet.cli;

import dev.wslnet.host.Host;
import dev.wslnet.scheduledtask.ConvergeTask;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "remove",
    description =
        "Deletes \\wslnet\\converge. Needs an administrator (or --elevate); nothing to do when"
            + " it is not there.")
final class ScheduleRemoveCommand implements Callable<Integer> {
  @ParentCommand ScheduleCommand schedule;

  @Mixin HostOption hostOption;

  @Option(
      names = "--elevate",
      description = "Remove it from an elevated PowerShell: Windows asks in a UAC prompt.")
  Boolean elevate;

  private final Console console;

  ScheduleRemoveCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Host host = Hosts.select(hostOption.host, console, Boolean.TRUE.equals(elevate));
    return ScheduleCommand.converge(
        console,
        host,
        ScheduledTaskKind.removing(),
        Boolean.TRUE.equals(elevate),
        console.color(schedule.parent.noColor()),
        ConvergeTask.FULL_NAME + " is not installed; nothing to remove.");
  }
}
