package dev.wslnet.cli;

import dev.wslnet.host.Host;
import dev.wslnet.model.ObservedState;
import dev.wslnet.render.Visible;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.render.show.ObservedDocument;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

@Command(
    name = "show",
    description = {
      "Prints the host's current state as a desired-state file: `show > wslnet.yaml` then `plan`"
          + " shows no changes."
    })
final class ShowCommand implements Callable<Integer> {
  /** The output formats of show. */
  enum Format {
    YAML,
    JSON
  }

  @Mixin HostOption hostOption;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "yaml or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      defaultValue = "wslnet",
      description = "The Windows firewall group whose rules to show. Default: ${DEFAULT-VALUE}.")
  String group;

  private final Console console;

  ShowCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Host host = Hosts.select(hostOption.host, console, false);
    ObservedState observed = host.observe(Optional.of(group));
    ObservedDocument.Result result = ObservedDocument.of(observed, group);
    ObjectNode document = result.document();
    result.leftOut().forEach(note -> console.err().println("show: left out " + Visible.of(note)));
    if (format == Format.JSON) {
      console.out().println(PlanJson.write(document));
    } else {
      console.out().println("# The state of " + host.name() + ", as `wslnet show` observed it.");
      console
          .out()
          .print(
              YAMLMapper.builder()
                  .build()
                  .writeValueAsString(document)
                  .replaceFirst("^---\\n", ""));
    }
    console.out().flush();
    return ExitCode.OK.code();
  }
}
