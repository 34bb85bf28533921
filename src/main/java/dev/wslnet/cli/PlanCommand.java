package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.planfile.PlanFile;
import dev.wslnet.render.Style;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.render.plan.PlanTextView;
import dev.wslnet.resource.Address;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "plan",
    description = "Observes the host and shows what apply would change. Changes nothing.")
final class PlanCommand implements Callable<Integer> {
  @ParentCommand WslnetCommand parent;

  @Mixin HostOption hostOption;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      defaultValue = "wslnet.yaml",
      description = "The desired-state file. Default: ${DEFAULT-VALUE}.")
  String file;

  @Option(
      names = "--out",
      paramLabel = "PLANFILE",
      description = "Also save the plan, for `wslnet apply PLANFILE`.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when the plan has changes, 0 when it has none.")
  Boolean detailedExitCode;

  @Option(names = "--json", description = "Print the plan as one JSON document, and nothing else.")
  Boolean json;

  private final Console console;

  PlanCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    boolean asJson = Boolean.TRUE.equals(json);
    PlanInputs inputs =
        PlanInputs.read(
            file,
            () -> Hosts.select(hostOption.host, console, false),
            console,
            asJson,
            console.color(parent.noColor()));
    DesiredStateFile desired = inputs.desired();
    DesiredState state = desired.state().orElseThrow();
    ObservedState observed = inputs.observed();
    Plan plan = Planner.plan(state, observed);
    if (asJson) {
      console.out().println(PlanJson.write(PlanJson.plan(plan)));
    } else {
      new PlanTextView(new Style(console.color(parent.noColor())))
          .render(plan, file, console.out());
    }
    if (out != null) {
      save(plan, Planner.fingerprints(state, observed), desired);
    }
    console.out().flush();
    boolean changes = !plan.isEmpty() && Boolean.TRUE.equals(detailedExitCode);
    return (changes ? ExitCode.CHANGES : ExitCode.OK).code();
  }

  private void save(Plan plan, Map<Address, String> fingerprints, DesiredStateFile desired) {
    PlanFile.write(
        out, plan, fingerprints, WslnetCommand.version(), file, desired.document().orElseThrow());
    if (!Boolean.TRUE.equals(json)) {
      console.out().println();
      console
          .out()
          .println("Saved the plan to " + out + ". Apply exactly it with: wslnet apply " + out);
    }
  }
}
