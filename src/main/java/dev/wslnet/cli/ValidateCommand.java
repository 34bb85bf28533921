package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.config.FileReport;
import dev.wslnet.render.diagnostics.DiagnosticsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    description = {
      "Checks desired-state files offline: YAML 1.2, the schema, and what WSL or Windows would"
          + " reject or ignore.",
      "Reports every problem of every file. Exit 0 when valid (warnings allowed unless --strict), 1"
          + " when not."
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand WslnetCommand parent;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Files to check (default: wslnet.yaml).")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, json, github (workflow annotations) or sarif (SARIF 2.1.0). Default:"
              + " ${DEFAULT-VALUE}.")
  DiagnosticsFormat format;

  @Option(names = "--strict", description = "Fail on warnings too.")
  Boolean strict;

  @Option(
      names = "--sarif-root",
      paramLabel = "DIR",
      description =
          "With --format sarif: the folder that paths are relative to. Default: the git"
              + " repository's root around the working directory, else the working directory.")
  Path sarifRoot;

  private final Console console;

  ValidateCommand(Console console) {
    this.console = console;
  }

  /**
   * The nearest folder above the working directory with a .git (a folder, or a worktree's file),
   * found without starting git; else the working directory.
   */
  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path folder = here; folder != null; folder = folder.getParent()) {
      if (Files.exists(folder.resolve(".git"))) {
        return folder;
      }
    }
    return here;
  }

  @Override
  public Integer call() {
    if (sarifRoot != null && !Files.isDirectory(sarifRoot)) {
      throw new ExitException(
          ExitCode.USAGE, "--sarif-root " + sarifRoot + " is not a folder that exists");
    }
    List<String> targets = files.isEmpty() ? List.of("wslnet.yaml") : files;
    DesiredStateValidator validator = new DesiredStateValidator();
    // The first file alone, so that the schema's validators are built once, on this thread; the
    // rest on every core, their reports in the order of the arguments.
    List<FileReport> reports = new ArrayList<>(List.of(validator.validate(targets.get(0))));
    reports.addAll(
        targets.subList(1, targets.size()).parallelStream().map(validator::validate).toList());
    format
        .view(
            console.color(parent.noColor()),
            WslnetCommand.version(),
            sarifRoot != null ? sarifRoot : repositoryRoot())
        .render(reports, console.out());
    console.out().flush();
    boolean failed =
        reports.stream().anyMatch(FileReport::hasErrors)
            || Boolean.TRUE.equals(strict)
                && reports.stream().anyMatch(r -> !r.diagnostics().isEmpty());
    return (failed ? ExitCode.ERROR : ExitCode.OK).code();
  }
}
