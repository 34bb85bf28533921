package dev.wslnet.config.yaml;

import dev.wslnet.diagnostic.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a loaded YAML document came from, keyed by JSON Pointer ({@code
 * /portProxy/rules/0}). Built once while loading, so that schema errors, which name JSON Pointers,
 * can be shown at a line and column.
 */
public final class SourceMap {

  /** Where one node stands: its key (absent for the root and for list items) and its value. */
  public record Entry(String yamlPath, Optional<SourceSpan> key, SourceSpan value) {}

  private final Map<String, Entry> entries;
  private final List<String> lines;

  SourceMap(Map<String, Entry> entries, List<String> lines) {
    this.entries = Map.copyOf(entries);
    this.lines = List.copyOf(lines);
  }

  static SourceMap empty(List<String> lines) {
    return new SourceMap(Map.of(), lines);
  }

  public Optional<Entry> entry(String pointer) {
    return Optional.ofNullable(entries.get(pointer));
  }

  /**
   * The span of the key that holds the node at {@code pointer}, or of the node itself for list
   * items and the root.
   */
  public Optional<SourceSpan> keyOrValue(String pointer) {
    return entry(pointer).map(e -> e.key().orElse(e.value()));
  }

  public Optional<SourceSpan> value(String pointer) {
    return entry(pointer).map(Entry::value);
  }

  /**
   * The YAML path people read, {@code portProxy.rules[0].listenPort}, for a pointer; also for a
   * pointer whose last step does not exist in the document (a missing key).
   */
  public String yamlPath(String pointer) {
    Entry known = entries.get(pointer);
    if (known != null) {
      return known.yamlPath();
    }
    int slash = pointer.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    return YamlPaths.child(
        yamlPath(pointer.substring(0, slash)), JsonPointers.unescape(pointer.substring(slash + 1)));
  }

  /** The text of a 0-based line, without its line break. */
  public Optional<String> line(int line) {
    return line >= 0 && line < lines.size() ? Optional.of(lines.get(line)) : Optional.empty();
  }
}
