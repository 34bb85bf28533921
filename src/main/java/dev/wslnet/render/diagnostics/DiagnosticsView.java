package dev.wslnet.render.diagnostics;

import dev.wslnet.config.FileReport;
import java.io.PrintWriter;
import java.util.List;

/** Renders the reports of a validation run in one output format, all of it on standard output. */
public interface DiagnosticsView {
  void render(List<FileReport> reports, PrintWriter out);
}
