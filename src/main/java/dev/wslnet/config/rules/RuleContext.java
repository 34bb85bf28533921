package dev.wslnet.config.rules;

import dev.wslnet.config.yaml.JsonPointers;
import dev.wslnet.config.yaml.LoadedYaml;
import dev.wslnet.config.yaml.SourceMap;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a semantic rule reads and where it reports. Rules run even when the schema failed, so every
 * accessor here tolerates values of the wrong type: a rule simply sees nothing there.
 */
final class RuleContext {
  /**
   * Which part of a node a diagnostic points at: a key for misplaced keys, a value for bad values.
   */
  enum Target {
    KEY,
    VALUE
  }

  private final LoadedYaml document;
  private final JsonNode root;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  RuleContext(LoadedYaml document, JsonNode root) {
    this.document = document;
    this.root = root;
  }

  JsonNode at(String pointer) {
    return root.at(pointer);
  }

  Optional<String> string(String pointer) {
    JsonNode node = root.at(pointer);
    return node.isString() ? Optional.of(node.asString()) : Optional.empty();
  }

  /** A value written as text or as a whole number, as text; empty for anything else. */
  static Optional<String> scalarText(JsonNode value) {
    if (value.isString()) {
      return Optional.of(value.asString());
    }
    return value.isIntegralNumber() ? Optional.of(value.asString()) : Optional.empty();
  }

  Optional<Boolean> bool(String pointer) {
    JsonNode node = root.at(pointer);
    return node.isBoolean() ? Optional.of(node.asBoolean()) : Optional.empty();
  }

  /** Whether the file declares this key with a value other than null. */
  boolean declares(String pointer) {
    JsonNode node = root.at(pointer);
    return !node.isMissingNode() && !node.isNull();
  }

  /** The networking mode the file declares, lower-case; empty when it leaves the mode alone. */
  Optional<String> networkingMode() {
    return string("/wslconfig/wsl2/networkingMode").map(mode -> mode.toLowerCase(Locale.ROOT));
  }

  boolean isMirrored() {
    return networkingMode().filter("mirrored"::equals).isPresent();
  }

  /** The items of a list, with their pointers; nothing when the node is not a list. */
  List<Item> items(String pointer) {
    List<Item> items = new ArrayList<>();
    JsonNode list = root.at(pointer);
    if (list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        items.add(new Item(JsonPointers.child(pointer, i), list.get(i)));
      }
    }
    return items;
  }

  /** One item of a list: where it is and what it holds. */
  record Item(String pointer, JsonNode node) {
    Optional<String> string(String field) {
      JsonNode value = node.path(field);
      return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /**
     * A field written as text or as a whole number (a protocol, a port), as text; empty for a list
     * or a mapping, which the schema reports.
     */
    Optional<String> scalar(String field) {
      return scalarText(node.path(field));
    }

    Optional<Integer> integer(String field) {
      JsonNode value = node.path(field);
      return value.isIntegralNumber() && value.canConvertToInt()
          ? Optional.of(value.asInt())
          : Optional.empty();
    }

    String pointer(String field) {
      return JsonPointers.child(pointer, field);
    }
  }

  String yamlPath(String pointer) {
    return document.sourceMap().yamlPath(pointer);
  }

  void report(Code code, String pointer, Target target, String message, String hint) {
    SourceMap map = document.sourceMap();
    Optional<SourceSpan> span = target == Target.KEY ? map.keyOrValue(pointer) : map.value(pointer);
    String path = map.yamlPath(pointer);
    diagnostics.add(
        new Diagnostic(
            code,
            code.severity(),
            message,
            document.file(),
            span,
            Optional.of(path).filter(p -> !p.isEmpty()),
            span.flatMap(s -> map.line(s.line())),
            Optional.ofNullable(hint)));
  }

  List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
