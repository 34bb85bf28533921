package dev.wslnet.cli;

import dev.wslnet.config.schema.DesiredStateSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "schema",
    description = "Prints the JSON Schema (2020-12) of the desired-state file.")
final class SchemaCommand implements Callable<Integer> {
  private final Console console;

  SchemaCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    console.out().print(DesiredStateSchema.text());
    console.out().flush();
    return ExitCode.OK.code();
  }
}
