package dev.wslnet.config.yaml;

import dev.wslnet.diagnostic.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a loaded YAML document came from, found by JSON Pointer ({@code
 * /portProxy/rules/0}), so that schema errors, which name JSON Pointers, can be shown at a line and
 * column. Built once while loading, as a tree beside the document's: a pointer is walked only when
 * a diagnostic asks for it, so a file of 5,000 rules makes no 60,000 pointer strings nobody reads.
 */
public final class SourceMap {

  /**
   * Where one node stands, and the nodes inside it: a mapping's fields, or a list's items (a scalar
   * has neither).
   */
  record Place(SourceSpan value, Map<String, Field> fields, List<Place> items) {
    static Place scalar(SourceSpan value) {
      return new Place(value, Map.of(), List.of());
    }
  }

  /** One entry of a mapping: where its key stands, and its value. */
  record Field(SourceSpan key, Place value) {}

  /** A node that a pointer names: its YAML path, the span of its key, and where it stands. */
  private record Found(String yamlPath, Optional<SourceSpan> key, Place place) {}

  private final Optional<Place> root;
  private final List<String> lines;

  SourceMap(Optional<Place> root, List<String> lines) {
    this.root = root;
    this.lines = List.copyOf(lines);
  }

  static SourceMap empty(List<String> lines) {
    return new SourceMap(Optional.empty(), lines);
  }

  /**
   * The span of the key that holds the node at {@code pointer}, or of the node itself for list
   * items and the root.
   */
  public Optional<SourceSpan> keyOrValue(String pointer) {
    return find(pointer).map(found -> found.key().orElse(found.place().value()));
  }

  public Optional<SourceSpan> value(String pointer) {
    return find(pointer).map(found -> found.place().value());
  }

  /**
   * The YAML path people read, {@code portProxy.rules[0].listenPort}, for a pointer; also for a
   * pointer whose last steps do not exist in the document (a missing key), each of them read as a
   * key.
   */
  public String yamlPath(String pointer) {
    String path = "";
    Optional<Place> place = root;
    for (String step : steps(pointer)) {
      String parent = path;
      Optional<Found> next = place.flatMap(p -> child(p, parent, step));
      path = next.map(Found::yamlPath).orElse(YamlPaths.child(path, step));
      place = next.map(Found::place);
    }
    return path;
  }

  /** The text of a 0-based line, without its line break. */
  public Optional<String> line(int line) {
    return line >= 0 && line < lines.size() ? Optional.of(lines.get(line)) : Optional.empty();
  }

  private Optional<Found> find(String pointer) {
    Optional<Found> found = root.map(place -> new Found("", Optional.empty(), place));
    for (String step : steps(pointer)) {
      found = found.flatMap(f -> child(f.place(), f.yamlPath(), step));
    }
    return found;
  }

  private static Optional<Found> child(Place place, String path, String step) {
    Field field = place.fields().get(step);
    if (field != null) {
      return Optional.of(
          new Found(YamlPaths.child(path, step), Optional.of(field.key()), field.value()));
    }
    int index = index(step);
    return index >= 0 && index < place.items().size()
        ? Optional.of(
            new Found(YamlPaths.item(path, index), Optional.empty(), place.items().get(index)))
        : Optional.empty();
  }

  /** A list index as RFC 6901 writes it (digits, no leading zero), or -1. */
  private static int index(String step) {
    boolean index =
        YamlLoader.digitsOnly(step)
            && step.length() <= 9
            && (step.length() == 1 || step.charAt(0) != '0');
    return index ? Integer.parseInt(step) : -1;
  }

  /** The unescaped steps of a pointer; none for the root, "" or anything not starting with "/". */
  private static List<String> steps(String pointer) {
    if (!pointer.startsWith("/")) {
      return List.of();
    }
    return java.util.Arrays.stream(pointer.substring(1).split("/", -1))
        .map(JsonPointers::unescape)
        .toList();
  }
}
