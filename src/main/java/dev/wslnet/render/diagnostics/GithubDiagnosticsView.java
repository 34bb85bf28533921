package dev.wslnet.render.diagnostics;

import dev.wslnet.config.FileReport;
import dev.wslnet.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands, {@code ::error file=…,line=…,col=…,title=…::message}, which
 * GitHub shows as annotations on the pull request. Escaping follows actions/toolkit: data escapes
 * %, CR and LF; property values also escape : and ,.
 */
final class GithubDiagnosticsView implements DiagnosticsView {

  @Override
  public void render(List<FileReport> reports, PrintWriter out) {
    for (FileReport report : reports) {
      for (Diagnostic diagnostic : report.diagnostics()) {
        StringBuilder line =
            new StringBuilder("::")
                .append(diagnostic.severity().label())
                .append(" file=")
                .append(property(diagnostic.file().replace('\\', '/')));
        diagnostic
            .span()
            .ifPresent(
                span ->
                    line.append(",line=")
                        .append(span.lineNumber())
                        .append(",col=")
                        .append(span.columnNumber())
                        .append(",endColumn=")
                        .append(span.endColumnNumber()));
        line.append(",title=")
            .append(property(diagnostic.code().id() + " " + diagnostic.code().title()));
        String message =
            diagnostic.message()
                + diagnostic.path().map(path -> "\nat: " + path).orElse("")
                + diagnostic.hint().map(hint -> "\nhint: " + hint).orElse("");
        line.append("::").append(data(message));
        out.println(line);
      }
    }
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
