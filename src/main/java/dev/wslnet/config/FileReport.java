package dev.wslnet.config;

import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Severity;
import java.util.List;

/** Everything validation found in one file, in the order of the file. */
public record FileReport(String file, List<Diagnostic> diagnostics) {

  public FileReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
