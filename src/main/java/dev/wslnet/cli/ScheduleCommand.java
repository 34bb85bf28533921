package dev.wslnet.cli;

import dev.wslnet.apply.Applier;
import dev.wslnet.apply.ApplyResult;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostLock;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.render.Style;
import dev.wslnet.render.plan.ApplyTextView;
import dev.wslnet.render.plan.PlanTextView;
import dev.wslnet.scheduledtask.ConvergeTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code wslnet schedule}: the scheduled task {@code \wslnet\converge}, which applies a file with
 * an administrator's token at logon, when the WSL VM starts, and every so many minutes.
 */
@Command(
    name = "schedule",
    description = {
      "Manages the scheduled task \\wslnet\\converge, which keeps the host converged without a"
          + " terminal: it applies a file at logon, when the WSL VM starts, and every 15 minutes."
    },
    subcommands = {
      ScheduleInstallCommand.class,
      ScheduleStatusCommand.class,
      ScheduleRunCommand.class,
      ScheduleRemoveCommand.class
    })
final class ScheduleCommand {
  @ParentCommand WslnetCommand parent;

  /**
   * Plans and applies a document that declares only the task, as apply does with a file: the plan
   * shown, then the change, with the same preconditions; nothing when the host already holds it.
   */
  static int converge(
      Console console, Host host, JsonNode document, boolean elevate, boolean color, String what) {
    DesiredState state = new DesiredState(document);
    try (HostLock lock = host.lock()) {
      ObservedState observed = host.observe(state.managedGroup());
      Plan plan = Planner.plan(state, observed);
      if (plan.isEmpty()) {
        console.out().println(what);
        console.out().flush();
        return ExitCode.OK.code();
      }
      new PlanTextView(new Style(color)).render(plan, ConvergeTask.FULL_NAME, console.out());
      console.out().flush();
      ApplyResult result = new Applier(host, elevate).apply(state, observed, plan, false);
      new ApplyTextView(new Style(color)).render(result, ConvergeTask.FULL_NAME, console.out());
      console.out().flush();
      return (result.failed() == 0 && result.converged() ? ExitCode.OK : ExitCode.ERROR).code();
    }
  }

  /** The task is Windows': from inside WSL, a Windows launcher would have to be found first. */
  static void refuseInsideWsl(Host host, String command) {
    if (host.name().equals("wsl")) {
      throw new ExitException(
          ExitCode.ERROR,
          "schedule "
              + command
              + " runs on Windows: run wslnet.exe schedule "
              + command
              + " from a Windows terminal. Inside WSL, wslnet watch --install-unit starts a watch"
              + " with the distro instead");
    }
  }
}
