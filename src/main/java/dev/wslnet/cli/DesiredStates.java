package dev.wslnet.cli;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.config.FileReport;
import dev.wslnet.render.diagnostics.DiagnosticsFormat;
import java.util.List;

/**
 * Reads the desired-state file of plan and apply; an invalid file is reported and ends the command.
 */
final class DesiredStates {
  private DesiredStates() {}

  static DesiredStateFile read(String file, Console console, boolean json, boolean color) {
    return valid(new DesiredStateValidator().read(file), console, json, color);
  }

  /** The same, for bytes already read (from a pipe, which cannot be read twice). */
  static DesiredStateFile read(
      String file, byte[] bytes, Console console, boolean json, boolean color) {
    return valid(new DesiredStateValidator().read(file, bytes), console, json, color);
  }

  /** The file, when it is valid; otherwise its report is printed and the command ends. */
  static DesiredStateFile valid(
      DesiredStateFile read, Console console, boolean json, boolean color) {
    if (read.state().isEmpty()) {
      List<FileReport> reports = List.of(read.report());
      if (json) {
        DiagnosticsFormat.JSON.view(false, WslnetCommand.version()).render(reports, console.out());
      } else {
        DiagnosticsFormat.TEXT.view(color, WslnetCommand.version()).render(reports, console.err());
      }
      throw ExitException.quietly(ExitCode.ERROR);
    }
    return read;
  }
}
