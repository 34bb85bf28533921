package dev.wslnet.config.yaml;

import dev.wslnet.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A YAML file read as JSON data with the position of every node. {@code root} is empty when the
 * file could not be read as one YAML document; {@code problems} then says why. Problems that still
 * leave a usable tree, such as duplicate keys, come with a root.
 */
public record LoadedYaml(
    String file, Optional<JsonNode> root, SourceMap sourceMap, List<Diagnostic> problems) {

  public LoadedYaml {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(sourceMap, "sourceMap");
    problems = List.copyOf(problems);
  }

  /** A file that could not be read at all, and the problem that says why. */
  public static LoadedYaml unread(Diagnostic problem) {
    return failed(List.of(), problem);
  }

  /** A file that is not one YAML document we can read, its lines, and the problem that says why. */
  static LoadedYaml failed(List<String> lines, Diagnostic problem) {
    return new LoadedYaml(
        problem.file(), Optional.empty(), SourceMap.empty(lines), List.of(problem));
  }
}
