package dev.wslnet.cli;

import dev.wslnet.host.Host;
import dev.wslnet.host.windows.WindowsCommandLine;
import dev.wslnet.scheduledtask.ConvergeTask;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import dev.wslnet.sim.SimHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "install",
    description = {
      "Registers \\wslnet\\converge: the installed launcher runs `apply --auto-approve -f FILE`"
          + " with highest privileges at logon, when the WSL VM starts, and every --every. Needs an"
          + " administrator once (or --elevate); running it again changes nothing."
    })
final class ScheduleInstallCommand implements Callable<Integer> {
  @ParentCommand ScheduleCommand schedule;

  @Mixin HostOption hostOption;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "wslnet.yaml",
      description =
          "The desired-state file the task applies, by its absolute path. Default:"
              + " ${DEFAULT-VALUE}.")
  String file;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      defaultValue = "15m",
      converter = DurationConverter.class,
      description =
          "How often the task runs besides logon and the VM's start, in whole minutes. Default:"
              + " ${DEFAULT-VALUE}.")
  Duration every;

  @Option(
      names = "--elevate",
      description = "Register it from an elevated PowerShell: Windows asks in a UAC prompt.")
  Boolean elevate;

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      description =
          "The program the task runs. Default: this installation's bin\\wslnet.exe, else"
              + " bin\\wslnet.cmd.")
  Path launcher;

  private final Console console;

  ScheduleInstallCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    boolean color = console.color(schedule.parent.noColor());
    if (every.toMillis() % 60_000 != 0 || every.toMinutes() < 1) {
      throw new ExitException(
          ExitCode.USAGE,
          "--every takes whole minutes, from 1m to 31 days (Task Scheduler repeats by them), e.g."
              + " 15m");
    }
    Path desired = Path.of(file).toAbsolutePath().normalize();
    DesiredStates.read(desired.toString(), console, false, color);
    Host host = Hosts.select(hostOption.host, console, Boolean.TRUE.equals(elevate));
    ScheduleCommand.refuseInsideWsl(host, "install");
    Path program = launcher != null ? launcher.toAbsolutePath() : InstalledLauncher.find();
    if (!Files.isRegularFile(program)) {
      throw new ExitException(ExitCode.ERROR, "the launcher " + program + " does not exist");
    }
    Optional<Path> simulated = simulatedHostFolder();
    List<String> arguments =
        new ArrayList<>(List.of("apply", "--auto-approve", "-f", desired.toString()));
    arguments.addAll(List.of("--log", taskLog(simulated).toString()));
    simulated.ifPresent(folder -> arguments.addAll(List.of("--host", SimHost.PREFIX + folder)));
    refuseWhatCmdCannotCarry(program, arguments);
    refuseWhatCmdCannotCarry(program, List.of(program.toString()));
    String commandLine =
        WindowsCommandLine.join(
            arguments, isBatch(program) ? WindowsCommandLine.BATCH_SPECIALS : "");
    return ScheduleCommand.converge(
        console,
        host,
        ScheduledTaskKind.installing(program.toString(), commandLine, (int) every.toMinutes()),
        Boolean.TRUE.equals(elevate),
        color,
        ConvergeTask.FULL_NAME + " is installed as asked; nothing to change.");
  }

  private static boolean isBatch(Path program) {
    String name = program.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".cmd") || name.endsWith(".bat");
  }

  /**
   * A .cmd runs through cmd.exe, which expands %NAME% in its arguments even inside quotes, and
   * whose own quoting breaks at a quote that the C runtime's escaping keeps: an argument with % or
   * " would reach wslnet changed (cmd.exe's help, "set /?" and "cmd /?").
   */
  private static void refuseWhatCmdCannotCarry(Path program, List<String> arguments) {
    if (!isBatch(program)) {
      return;
    }
    for (String argument : arguments) {
      if (argument.contains("%") || argument.contains("\"")) {
        throw new ExitException(
            ExitCode.ERROR,
            "'"
                + argument
                + "' cannot pass through "
                + program.getFileName()
                + " (cmd.exe expands %NAME% and ends quotes at \"): move the file, or use"
                + " bin\\wslnet.exe with --launcher");
      }
    }
  }

  /** The folder of a simulated host, absolute, which the task names as its --host. */
  private Optional<Path> simulatedHostFolder() {
    return Optional.ofNullable(hostOption.host)
        .filter(host -> host.startsWith(SimHost.PREFIX))
        .map(host -> Path.of(host.substring(SimHost.PREFIX.length())).toAbsolutePath());
  }

  /**
   * %LOCALAPPDATA%\wslnet\converge.log; on a simulated host, the same place under its folder, which
   * is its user profile.
   */
  private Path taskLog(Optional<Path> simulated) {
    if (simulated.isPresent()) {
      return simulated.get().resolve("AppData/Local/wslnet/converge.log");
    }
    String local = console.environment().get("LOCALAPPDATA");
    if (local == null) {
      throw new ExitException(
          ExitCode.ERROR, "LOCALAPPDATA is not set, so the task's log has no place");
    }
    return Path.of(local, "wslnet", "converge.log");
  }
}
