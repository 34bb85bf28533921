package dev.wslnet.config.schema;

import com.networknt.schema.Error;
import dev.wslnet.config.Suggestions;
import dev.wslnet.config.yaml.JsonPointers;
import dev.wslnet.config.yaml.LoadedYaml;
import dev.wslnet.config.yaml.SourceMap;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import dev.wslnet.model.WslKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Checks a loaded file against the schema and words each failure as a diagnostic at its line and
 * column.
 */
public final class SchemaCheck {
  private static final String WSL2 = "/wslconfig/wsl2";
  private static final String EXPERIMENTAL = "/wslconfig/experimental";

  private final DesiredStateSchema schema;

  public SchemaCheck(DesiredStateSchema schema) {
    this.schema = schema;
  }

  public List<Diagnostic> check(LoadedYaml document, JsonNode root) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Error error : schema.compiled().validate(root)) {
      diagnostics.add(diagnose(document, error));
    }
    return diagnostics;
  }

  private Diagnostic diagnose(LoadedYaml document, Error error) {
    SourceMap map = document.sourceMap();
    String pointer = error.getInstanceLocation().toString();
    return switch (error.getKeyword()) {
      case "additionalProperties" -> unknownKey(document, pointer, error.getProperty(), error);
      case "required" -> {
        String missing = error.getProperty();
        String hint =
            pointer.isEmpty() && "version".equals(missing)
                ? "start the file with `version: 1`"
                : "add `" + missing + ":`";
        yield at(
            document,
            Code.MISSING_KEY,
            map.keyOrValue(pointer),
            JsonPointers.child(pointer, missing),
            "missing required key `" + missing + "`" + where(map, pointer),
            hint);
      }
      case "const" ->
          pointer.equals("/version")
              ? at(
                  document,
                  Code.UNSUPPORTED_VERSION,
                  map.value(pointer),
                  pointer,
                  "version " + text(error.getInstanceNode()) + " is not supported",
                  "this wslnet reads `version: 1`")
              : invalidValue(document, pointer, error, error.getMessage(), null);
      case "type" -> wrongType(document, pointer, error);
      case "enum" -> {
        List<String> allowed =
            StreamSupport.stream(error.getSchemaNode().spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.toList());
        String value = text(error.getInstanceNode());
        yield invalidValue(
            document,
            pointer,
            error,
            value + " is not one of " + String.join(", ", allowed),
            Suggestions.nearest(value, allowed).map(s -> "did you mean `" + s + "`?").orElse(null));
      }
      case "minimum" ->
          invalidValue(
              document,
              pointer,
              error,
              text(error.getInstanceNode()) + " is below the minimum, " + error.getSchemaNode(),
              null);
      case "maximum" ->
          invalidValue(
              document,
              pointer,
              error,
              text(error.getInstanceNode()) + " is above the maximum, " + error.getSchemaNode(),
              isPort(pointer) ? "ports run from 1 to 65535" : null);
      default ->
          invalidValue(
              document,
              pointer,
              error,
              error.isCustomMessage()
                  ? text(error.getInstanceNode()) + " " + error.getMessage()
                  : error.getMessage(),
              null);
    };
  }

  private Diagnostic unknownKey(LoadedYaml document, String parent, String name, Error error) {
    String pointer = JsonPointers.child(parent, name);
    Optional<SourceSpan> span = document.sourceMap().keyOrValue(pointer);
    if (parent.equals(WSL2) && WslKey.EXPERIMENTAL_ONLY.contains(name)) {
      return at(
          document,
          Code.EXPERIMENTAL_KEY_IN_WSL2,
          span,
          pointer,
          "`" + name + "` works only under [experimental]; WSL silently ignores it under [wsl2]",
          "move it to wslconfig.experimental." + name);
    }
    if (parent.equals(EXPERIMENTAL)
        && WslKey.GRADUATED.stream().anyMatch(key -> key.fileName().equals(name))) {
      return at(
          document,
          Code.WSL2_KEY_IN_EXPERIMENTAL,
          span,
          pointer,
          "`"
              + name
              + "` belongs to [wsl2]; the [experimental] spelling is kept by WSL only for old"
              + " files",
          "move it to wslconfig.wsl2." + name);
    }
    String schemaPointer = fragment(error).replaceFirst("/additionalProperties$", "");
    List<String> known = new ArrayList<>();
    schema.at(schemaPointer).path("properties").propertyNames().forEach(known::add);
    String hint =
        Suggestions.nearest(name, known)
            .map(s -> "did you mean `" + s + "`?")
            .or(() -> elsewhere(name, document.sourceMap().yamlPath(parent)))
            .orElse(known.isEmpty() ? null : "known keys here: " + String.join(", ", known));
    return at(
        document,
        Code.UNKNOWN_KEY,
        span,
        pointer,
        "unknown key `" + name + "`" + where(document.sourceMap(), parent),
        hint);
  }

  private Optional<String> elsewhere(String name, String parentPath) {
    List<String> homes =
        schema.homesOf(name).stream().filter(home -> !home.equals(parentPath)).toList();
    if (homes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "`"
            + name
            + "` belongs under "
            + homes.stream()
                .map(home -> home.isEmpty() ? "the top level" : "`" + home + "`")
                .collect(Collectors.joining(" or ")));
  }

  private Diagnostic wrongType(LoadedYaml document, String pointer, Error error) {
    JsonNode value = error.getInstanceNode();
    String expected =
        StreamSupport.stream(expectedTypes(error.getSchemaNode()).spliterator(), false)
            .map(JsonNode::asString)
            .collect(Collectors.joining(" or "));
    String found = typeName(value);
    String hint = null;
    if (value.isString() && expected.contains("boolean")) {
      hint = "YAML 1.2 reads " + value.asString() + " as a string; write true or false";
    } else if (value.isString()
        && expected.contains("integer")
        && value.asString().matches("\\d+")) {
      hint = "remove the quotes";
    }
    return at(
        document,
        Code.WRONG_TYPE,
        document.sourceMap().value(pointer),
        pointer,
        "expected "
            + expected
            + ", found "
            + found
            + (value.isValueNode() && !value.isNull() ? " " + text(value) : ""),
        hint);
  }

  private static JsonNode expectedTypes(JsonNode typeKeyword) {
    if (typeKeyword.isArray()) {
      return typeKeyword;
    }
    return tools.jackson.databind.node.JsonNodeFactory.instance
        .arrayNode()
        .add(typeKeyword.asString());
  }

  private Diagnostic invalidValue(
      LoadedYaml document, String pointer, Error error, String message, String hint) {
    return at(
        document, Code.INVALID_VALUE, document.sourceMap().value(pointer), pointer, message, hint);
  }

  private static Diagnostic at(
      LoadedYaml document,
      Code code,
      Optional<SourceSpan> span,
      String pointer,
      String message,
      String hint) {
    SourceMap map = document.sourceMap();
    return new Diagnostic(
        code,
        code.severity(),
        message,
        document.file(),
        span,
        Optional.of(map.yamlPath(pointer)).filter(p -> !p.isEmpty()),
        span.flatMap(s -> map.line(s.line())),
        Optional.ofNullable(hint));
  }

  private static String where(SourceMap map, String parentPointer) {
    String path = map.yamlPath(parentPointer);
    return path.isEmpty() ? " at the top level" : " in " + path;
  }

  private static String fragment(Error error) {
    String location = error.getSchemaLocation().toString();
    int hash = location.indexOf('#');
    return hash < 0 ? "" : location.substring(hash + 1);
  }

  private static boolean isPort(String pointer) {
    return pointer.matches(".*(Port|Ports/\\d+|ignoredPorts/\\d+)$");
  }

  private static String typeName(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isString()) {
      return "string";
    }
    return value.isArray() ? "list" : "mapping";
  }

  /** A value as the user wrote it, quoted when it is text. */
  static String text(JsonNode value) {
    if (value == null) {
      return "";
    }
    return value.isString() ? '"' + value.asString() + '"' : value.toString();
  }
}
