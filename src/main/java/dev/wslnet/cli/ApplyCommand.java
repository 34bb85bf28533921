package dev.wslnet.cli;

import dev.wslnet.apply.Applier;
import dev.wslnet.apply.ApplyResult;
import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.host.Host;
import dev.wslnet.host.HostLock;
import dev.wslnet.host.IoErrors;
import dev.wslnet.log.LogLine;
import dev.wslnet.log.RotatingLog;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.planfile.PlanFile;
import dev.wslnet.planfile.SavedPlan;
import dev.wslnet.render.Style;
import dev.wslnet.render.plan.ApplyTextView;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.render.plan.PlanTextView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "apply",
    description = {
      "Plans (or loads a saved plan), shows it, asks, changes the host, then checks that it"
          + " converged.",
      "Exit 0 when the host matches the file afterwards, 1 otherwise."
    })
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand WslnetCommand parent;

  @Mixin HostOption hostOption;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The desired-state file. Default: wslnet.yaml.")
  String file;

  @Parameters(
      paramLabel = "PLANFILE",
      arity = "0..1",
      description = "A plan saved by `wslnet plan --out`.")
  Path planFile;

  @Option(
      names = "--auto-approve",
      description = "Apply without asking. Required without a terminal.")
  Boolean autoApprove;

  @Option(
      names = "--json",
      description = "Print the plan and the results as one JSON document, and nothing else.")
  Boolean json;

  @Option(
      names = "--elevate",
      description =
          "Run the changes in an elevated PowerShell: Windows asks for approval in a UAC prompt.")
  Boolean elevate;

  @Option(
      names = "--restart-wsl",
      description =
          "Run `wsl --shutdown` after .wslconfig changes, then point $wsl forwards at the restarted"
              + " VM.")
  Boolean restartWsl;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description =
          "Also append one line to FILE: the time, what was applied, the result. Rotated at 1 MiB"
              + " to FILE.1. The scheduled task logs this way.")
  Path log;

  /** What this apply did, in one line for --log. */
  private String outcome = "no changes";

  private final Console console;

  ApplyCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (log == null) {
      return applyFile();
    }
    if (Files.isDirectory(log)) {
      throw new ExitException(ExitCode.USAGE, "--log " + log + " is a folder, not a log file");
    }
    try {
      int exitCode = applyFile();
      appendToLog(outcome);
      return exitCode;
    } catch (ExitException e) {
      appendToLog("failed: " + (e.getMessage() != null ? e.getMessage() : "the file is not valid"));
      throw e;
    } catch (RuntimeException e) {
      appendToLog("failed: " + e.getMessage());
      throw e;
    }
  }

  private void appendToLog(String event) {
    String source = planFile != null ? planFile.toString() : file != null ? file : "wslnet.yaml";
    try {
      new RotatingLog(log).append(LogLine.of(Clock.systemUTC(), source + ": " + event));
    } catch (IOException e) {
      console.err().println("error: cannot write the log " + log + ": " + IoErrors.reason(e));
      console.err().flush();
    }
  }

  private int applyFile() {
    if (file != null && planFile != null) {
      throw new ExitException(ExitCode.USAGE, "give either -f FILE or PLANFILE, not both");
    }
    boolean asJson = Boolean.TRUE.equals(json);
    boolean color = console.color(parent.noColor());
    String source = planFile != null ? planFile.toString() : file != null ? file : "wslnet.yaml";
    SavedPlan saved = null;
    DesiredStateFile desired;
    if (planFile != null && Files.exists(planFile) && !Files.isDirectory(planFile)) {
      byte[] bytes = PlanFile.readOnce(planFile);
      saved = PlanFile.readIfPlan(planFile, bytes, WslnetCommand.version()).orElse(null);
      desired =
          saved != null
              ? saved.desired()
              : DesiredStates.read(source, bytes, console, asJson, color);
    } else {
      desired = DesiredStates.read(source, console, asJson, color);
    }
    String sourceName = saved != null ? saved.source() : source;
    DesiredState state = desired.state().orElseThrow();
    boolean elevated = Boolean.TRUE.equals(elevate);
    Host host = Hosts.select(hostOption.host, console, elevated);
    if (Boolean.TRUE.equals(restartWsl) && !host.canRestartWsl()) {
      throw new ExitException(
          ExitCode.ERROR,
          "--restart-wsl cannot run from inside WSL: `wsl --shutdown` would stop wslnet itself."
              + " Apply without it, then run `wsl.exe --shutdown` and apply again from a new"
              + " shell");
    }
    try (HostLock lock = host.lock()) {
      return apply(host, state, saved, sourceName, asJson, color, elevated);
    }
  }

  private int apply(
      Host host,
      DesiredState state,
      SavedPlan saved,
      String sourceName,
      boolean asJson,
      boolean color,
      boolean elevated) {
    if (saved != null) {
      saved.refuseOnAnotherHost(host.name());
    }
    ObservedState observed = host.observe(state.managedGroup());
    if (saved != null) {
      saved.refuseIfStale(Planner.fingerprints(state, observed));
    }
    Plan plan = Planner.plan(state, observed);
    if (saved != null) {
      saved.refuseIfEdited(plan);
    }
    if (!asJson) {
      new PlanTextView(new Style(color)).render(plan, sourceName, console.out());
      console.out().flush();
    }
    boolean restartOnly = Boolean.TRUE.equals(restartWsl) && plan.pendingRestart().isPresent();
    if (plan.isEmpty() && !restartOnly) {
      if (asJson) {
        console.out().println(PlanJson.write(PlanJson.plan(plan)));
      }
      return ExitCode.OK.code();
    }
    confirm();
    console
        .err()
        .println(
            "Applying "
                + plan.changes().size()
                + (plan.changes().size() == 1 ? " change to " : " changes to ")
                + host.name()
                + "...");
    console.err().flush();
    ApplyResult result =
        new Applier(host, elevated).apply(state, observed, plan, Boolean.TRUE.equals(restartWsl));
    outcome = result.summary();
    if (asJson) {
      console.out().println(PlanJson.write(PlanJson.apply(plan, result)));
    } else {
      new ApplyTextView(new Style(color)).render(result, sourceName, console.out());
    }
    console.out().flush();
    return (result.failed() == 0 && result.converged() ? ExitCode.OK : ExitCode.ERROR).code();
  }

  private void confirm() {
    if (Boolean.TRUE.equals(autoApprove)) {
      return;
    }
    if (!console.promptable()) {
      throw new ExitException(
          ExitCode.ERROR,
          "no terminal to ask for approval: review the plan, then run apply with --auto-approve");
    }
    console.err().print("\nApply these changes? Only 'y' or 'yes' approves. [y/N] ");
    console.err().flush();
    String answer;
    try {
      answer = console.in().readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null
        || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
      throw new ExitException(ExitCode.ERROR, "apply cancelled; nothing was changed");
    }
  }
}
