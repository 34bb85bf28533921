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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * One diagnostic per place and wording: a value that fails every branch of a {@code oneOf} fails
   * several keywords, which the schema words alike; the first failure's code stays, and the first
   * hint any of them has.
   */
  public List<Diagnostic> check(LoadedYaml document, JsonNode root) {
    Map<List<Object>, Diagnostic> diagnostics = new LinkedHashMap<>();
    for (Error error : schema.compiled().validate(root)) {
      Diagnostic diagnostic = diagnose(document, error);
      diagnostics.merge(
          List.of(diagnostic.path(), diagnostic.message()), diagnostic, SchemaCheck::withHint);
    }
    return List.copyOf(diagnostics.values());
  }

  private static Diagnostic withHint(Diagnostic first, Diagnostic next) {
    return first.hint().isPresent() || next.hint().isEmpty()
        ? first
        : new Diagnostic(
            first.code(),
            first.severity(),
            first.message(),
            first.file(),
            first.span(),
            first.path(),
            first.sourceLine(),
            next.hint());
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
                  worded(error, "version " + text(error.getInstanceNode()) + " is not supported"),
                  "write `version: 1`, or use a wslnet that reads this version")
              : invalidValue(document, pointer, error, worded(error, error.getMessage()), null);
      case "type" -> wrongType(document, pointer, error);
      case "oneOf" ->
          acceptsTypeOf(error.getSchemaNode(), error.getInstanceNode())
              ? invalidValue(document, pointer, error, worded(error, error.getMessage()), null)
              : at(
                  document,
                  Code.WRONG_TYPE,
                  document.sourceMap().value(pointer),
                  pointer,
                  worded(error, error.getMessage()),
                  null);
      case "enum" -> {
        List<String> allowed =
            StreamSupport.stream(error.getSchemaNode().spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.toList());
        JsonNode value = error.getInstanceNode();
        yield invalidValue(
            document,
            pointer,
            error,
            worded(error, text(value) + " is not one of " + String.join(", ", allowed)),
            didYouMean(value, allowed));
      }
      case "pattern" ->
          invalidValue(
              document,
              pointer,
              error,
              worded(error, error.getMessage()),
              didYouMean(error.getInstanceNode(), schema.documentedValues(fragment(error))));
      case "minimum" -> outOfRange(document, pointer, error, "below the minimum", "least");
      case "maximum" -> outOfRange(document, pointer, error, "above the maximum", "most");
      default -> invalidValue(document, pointer, error, worded(error, error.getMessage()), null);
    };
  }

  /** A number beyond a bound: the bound in the hint (a port's whole range for a port). */
  private Diagnostic outOfRange(
      LoadedYaml document, String pointer, Error error, String beyond, String extreme) {
    JsonNode bound = error.getSchemaNode();
    return invalidValue(
        document,
        pointer,
        error,
        worded(error, text(error.getInstanceNode()) + " is " + beyond + ", " + bound),
        isPort(pointer) ? "ports run from 1 to 65535" : "the " + extreme + " allowed is " + bound);
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
        && value.asString().matches("\\d{1,18}")
        && withinBounds(schema.holderOf(fragment(error)), Long.parseLong(value.asString()))) {
      hint = "remove the quotes";
    }
    return at(
        document,
        Code.WRONG_TYPE,
        document.sourceMap().value(pointer),
        pointer,
        worded(
            error,
            "expected "
                + expected
                + ", found "
                + found
                + (value.isValueNode() && !value.isNull() ? " " + text(value) : "")),
        hint);
  }

  /** Whether the schema that holds the type keyword allows this number. */
  private static boolean withinBounds(JsonNode schema, long number) {
    return (!schema.path("minimum").isNumber() || number >= schema.path("minimum").asLong())
        && (!schema.path("maximum").isNumber() || number <= schema.path("maximum").asLong());
  }

  /**
   * Whether some branch of a {@code oneOf} takes a value of this one's type, as its {@code type}
   * (or its {@code const} or {@code enum}) says; a branch that says nothing of types takes any.
   */
  private static boolean acceptsTypeOf(JsonNode branches, JsonNode value) {
    for (JsonNode branch : branches) {
      List<String> types = new ArrayList<>();
      if (branch.has("type")) {
        expectedTypes(branch.get("type")).forEach(type -> types.add(type.asString()));
      } else if (branch.has("const")) {
        types.add(schemaType(branch.get("const")));
      } else if (branch.has("enum")) {
        branch.get("enum").forEach(allowed -> types.add(schemaType(allowed)));
      } else {
        return true;
      }
      if (types.contains(schemaType(value)) || (types.contains("number") && value.isNumber())) {
        return true;
      }
    }
    return false;
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

  private static String didYouMean(JsonNode value, List<String> known) {
    return value.isString()
        ? Suggestions.nearest(value.asString(), known)
            .map(s -> "did you mean `" + s + "`?")
            .orElse(null)
        : null;
  }

  /** The schema's wording of this failure after the value, else wslnet's own. */
  private String worded(Error error, String fallback) {
    return schema
        .messageAt(fragment(error))
        .map(message -> text(error.getInstanceNode()) + " " + message)
        .orElse(fallback);
  }

  private static String fragment(Error error) {
    String location = error.getSchemaLocation().toString();
    int hash = location.indexOf('#');
    return hash < 0 ? "" : location.substring(hash + 1);
  }

  private static boolean isPort(String pointer) {
    return pointer.matches(".*(Port|Ports/\\d+|ignoredPorts/\\d+)$");
  }

  /** A value's type as JSON Schema names it, a whole number being an integer. */
  private static String schemaType(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    return switch (value.getNodeType()) {
      case NULL -> "null";
      case BOOLEAN -> "boolean";
      case NUMBER -> "number";
      case STRING -> "string";
      case ARRAY -> "array";
      default -> "object";
    };
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
