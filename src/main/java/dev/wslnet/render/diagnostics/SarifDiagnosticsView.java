package dev.wslnet.render.diagnostics;

import dev.wslnet.config.FileReport;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.Fix;
import dev.wslnet.diagnostic.Severity;
import dev.wslnet.resource.Fingerprint;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 with one rule per diagnostic code, for GitHub code scanning: paths relative to the
 * source root under {@code %SRCROOT%} (GitHub drops results with absolute paths), columns in code
 * points (SARIF 3.14.27, as wslnet counts them), a region for every result (line 1 for a file-level
 * one), and fingerprints that survive edits of other lines.
 */
final class SarifDiagnosticsView implements DiagnosticsView {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String SOURCE_ROOT = "%SRCROOT%";

  private final String toolVersion;
  private final Path sourceRoot;

  /**
   * @param sourceRoot the repository's root, absolute: paths under it are given relative to it
   */
  SarifDiagnosticsView(String toolVersion, Path sourceRoot) {
    this.toolVersion = toolVersion;
    this.sourceRoot = real(sourceRoot);
  }

  @Override
  public void render(List<FileReport> reports, PrintWriter out) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode log = json.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT).put("uri", directoryUri(sourceRoot));
    run.put("columnKind", "unicodeCodePoints");
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "wslnet");
    driver.put("version", toolVersion);
    driver.put("informationUri", "https://github.com/wslnet/wslnet");
    ArrayNode rules = driver.putArray("rules");
    for (Code code : Code.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", code.id());
      rule.put("name", code.ruleName());
      rule.putObject("shortDescription").put("text", code.title());
      rule.putObject("fullDescription").put("text", code.help());
      Fix fix = Fix.of(code);
      ObjectNode help = rule.putObject("help");
      help.put("text", fix.text());
      help.put("markdown", fix.markdown());
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
        ObjectNode artifact = physical.putObject("artifactLocation");
        Optional<String> relative = relativeUri(diagnostic.file());
        relative.ifPresentOrElse(
            uri -> artifact.put("uri", uri).put("uriBaseId", SOURCE_ROOT),
            () -> artifact.put("uri", absoluteUri(diagnostic.file())));
        ObjectNode region = physical.putObject("region");
        diagnostic
            .span()
            .ifPresentOrElse(
                span -> {
                  region.put("startLine", span.lineNumber());
                  region.put("startColumn", span.columnNumber());
                  region.put("endLine", span.lineNumber());
                  region.put("endColumn", span.endColumnNumber());
                },
                () -> region.put("startLine", 1));
        // The rule, the file and the YAML path: not the line, which edits elsewhere move.
        result
            .putObject("partialFingerprints")
            .put(
                "wslnetLocation/v1",
                Fingerprint.of(
                    diagnostic.code().id()
                        + "\u0000"
                        + relative.orElseGet(() -> absoluteUri(diagnostic.file()))
                        + "\u0000"
                        + diagnostic.path().orElse("")));
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

  /**
   * The file's path under the source root as a URI reference, when it is under it: each name
   * percent-encoded on its own, so that a backslash in a Linux file name stays part of the name.
   */
  private Optional<String> relativeUri(String file) {
    try {
      Path path = real(Path.of(file));
      if (!path.startsWith(sourceRoot) || path.equals(sourceRoot)) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      for (Path name : sourceRoot.relativize(path)) {
        names.add(name.toString());
      }
      String relative = String.join("/", names);
      // A colon in the first segment would read as a scheme.
      String safe = names.get(0).contains(":") ? "./" + relative : relative;
      return Optional.of(new URI(null, null, safe, null).toASCIIString());
    } catch (InvalidPathException | URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String absoluteUri(String file) {
    try {
      return real(Path.of(file)).toUri().toASCIIString();
    } catch (InvalidPathException e) {
      return URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  /** The path with its links resolved where it exists, so that one file has one name. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException | SecurityException e) {
      return absolute;
    }
  }

  private static String directoryUri(Path directory) {
    String uri = directory.toUri().toASCIIString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
    };
  }
}
