package dev.wslnet.render.diagnostics;

import dev.wslnet.config.FileReport;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Severity;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON document. {@code format_version} follows Terraform's rule: a new minor version only adds
 * fields, a new major version breaks readers, who should refuse majors they do not know.
 */
final class JsonDiagnosticsView implements DiagnosticsView {
  static final String FORMAT_VERSION = "1.1";

  @Override
  public void render(List<FileReport> reports, PrintWriter out) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode document = json.objectNode();
    document.put("format_version", FORMAT_VERSION);
    document.put("kind", "validation");
    long errors = reports.stream().mapToLong(r -> r.count(Severity.ERROR)).sum();
    long warnings = reports.stream().mapToLong(r -> r.count(Severity.WARNING)).sum();
    document.put("valid", errors == 0);
    ObjectNode summary = document.putObject("summary");
    summary.put("files", reports.size());
    summary.put("errors", errors);
    summary.put("warnings", warnings);
    ArrayNode files = document.putArray("files");
    ArrayNode diagnostics = document.putArray("diagnostics");
    for (FileReport report : reports) {
      ObjectNode file = files.addObject();
      file.put("file", report.file());
      file.put("valid", !report.hasErrors());
      file.put("errors", report.count(Severity.ERROR));
      file.put("warnings", report.count(Severity.WARNING));
      for (Diagnostic diagnostic : report.diagnostics()) {
        diagnostics.add(toJson(diagnostic, json));
      }
    }
    out.println(
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
  }

  private static ObjectNode toJson(Diagnostic diagnostic, JsonNodeFactory json) {
    ObjectNode node = json.objectNode();
    node.put("file", diagnostic.file());
    diagnostic
        .span()
        .ifPresent(
            span -> {
              node.put("line", span.lineNumber());
              node.put("column", span.columnNumber());
              node.put("end_column", span.endColumnNumber());
            });
    node.put("severity", diagnostic.severity().label());
    node.put("code", diagnostic.code().id());
    node.put("rule", diagnostic.code().ruleName());
    node.put("message", diagnostic.message());
    diagnostic.path().ifPresent(path -> node.put("path", path));
    diagnostic.hint().ifPresent(hint -> node.put("hint", hint));
    return node;
  }
}
