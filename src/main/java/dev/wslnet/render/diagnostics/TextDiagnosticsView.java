package dev.wslnet.render.diagnostics;

import dev.wslnet.config.FileReport;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Severity;
import dev.wslnet.diagnostic.SourceSpan;
import dev.wslnet.render.Visible;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code file:line:col: error: message [CODE]}, the source line with a caret under the offending
 * node, the YAML path and a hint; then one summary line.
 */
final class TextDiagnosticsView implements DiagnosticsView {
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final boolean color;

  TextDiagnosticsView(boolean color) {
    this.color = color;
  }

  @Override
  public void render(List<FileReport> reports, PrintWriter out) {
    long errors = 0;
    long warnings = 0;
    for (FileReport report : reports) {
      for (Diagnostic diagnostic : report.diagnostics()) {
        print(diagnostic, out);
      }
      errors += report.count(Severity.ERROR);
      warnings += report.count(Severity.WARNING);
    }
    String files = reports.size() == 1 ? "1 file" : reports.size() + " files";
    String verdict = errors == 0 ? "valid" : "invalid";
    out.println(
        paint(
            BOLD,
            "Checked "
                + files
                + ": "
                + verdict
                + ", "
                + plural(errors, "error")
                + ", "
                + plural(warnings, "warning")
                + "."));
  }

  private void print(Diagnostic diagnostic, PrintWriter out) {
    StringBuilder head = new StringBuilder(Visible.of(diagnostic.file())).append(':');
    diagnostic
        .span()
        .ifPresent(
            span ->
                head.append(span.lineNumber()).append(':').append(span.columnNumber()).append(':'));
    String severity = diagnostic.severity().label();
    head.append(' ')
        .append(paint(diagnostic.severity() == Severity.ERROR ? RED : YELLOW, severity))
        .append(": ")
        .append(Visible.of(diagnostic.message()))
        .append(" [")
        .append(diagnostic.code().id())
        .append(']');
    out.println(head);
    if (diagnostic.span().isPresent() && diagnostic.sourceLine().isPresent()) {
      SourceSpan span = diagnostic.span().get();
      String number = Integer.toString(span.lineNumber());
      String gutter = " ".repeat(number.length());
      out.println(paint(DIM, " " + number + " | ") + Visible.of(diagnostic.sourceLine().get()));
      out.println(paint(DIM, " " + gutter + " | ") + caret(diagnostic.sourceLine().get(), span));
    }
    diagnostic.path().ifPresent(path -> out.println("  at: " + Visible.of(path)));
    diagnostic.hint().ifPresent(hint -> out.println("  hint: " + Visible.of(hint)));
  }

  /**
   * Spaces up to the span (tabs kept, so that the caret lines up), then one caret per character.
   */
  private String caret(String line, SourceSpan span) {
    StringBuilder caret = new StringBuilder();
    int[] codePoints = line.codePoints().toArray();
    for (int i = 0; i < span.column() && i < codePoints.length; i++) {
      caret.append(codePoints[i] == '\t' ? '\t' : ' ');
    }
    int width =
        Math.max(
            1,
            Math.min(span.endColumn(), Math.max(codePoints.length, span.column() + 1))
                - span.column());
    return caret + paint(RED, "^".repeat(width));
  }

  private String paint(String style, String text) {
    return color ? style + text + RESET : text;
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
