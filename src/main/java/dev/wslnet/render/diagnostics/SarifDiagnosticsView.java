package dev.wslnet.render.diagnostics;

import dev.wslnet.config.FileReport;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Severity;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SARIF 2.1.0 with one rule per diagnostic code, for GitHub code scanning. */
final class SarifDiagnosticsView implements DiagnosticsView {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final String toolVersion;

  SarifDiagnosticsView(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public void render(List<FileReport> reports, PrintWriter out) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode log = json.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "wslnet");
    driver.put("version", toolVersion);
    ArrayNode rules = driver.putArray("rules");
    for (Code code : Code.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", code.id());
      rule.put("name", code.ruleName());
      rule.putObject("shortDescription").put("text", code.title());
      rule.putObject("fullDescription").put("text", code.help());
      rule.putObject("defaultConfiguration").put("level", level(code.severity()));
    }
    ArrayNode results = run.putArray("results");
    for (FileReport report : reports) {
      for (Diagnostic diagnostic : report.diagnostics()) {
        ObjectNode result = results.addObject();
        result.put("ruleId", diagnostic.code().id());
        result.put("ruleIndex", diagnostic.code().ordinal());
        result.put("level", level(diagnostic.severity()));
        result
            .putObject("message")
            .put(
                "text",
                diagnostic.message()
                    + diagnostic.hint().map(hint -> " (hint: " + hint + ")").orElse(""));
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", diagnostic.file().replace('\\', '/'));
        diagnostic
            .span()
            .ifPresent(
                span -> {
                  ObjectNode region = physical.putObject("region");
                  region.put("startLine", span.lineNumber());
                  region.put("startColumn", span.columnNumber());
                  region.put("endLine", span.lineNumber());
                  region.put("endColumn", span.endColumnNumber());
                });
        diagnostic
            .path()
            .ifPresent(
                path ->
                    location
                        .putArray("logicalLocations")
                        .addObject()
                        .put("fullyQualifiedName", path));
      }
    }
    out.println(
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(log));
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
    };
  }
}
