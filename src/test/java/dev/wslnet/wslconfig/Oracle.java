package dev.wslnet.wslconfig;

import dev.wslnet.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * shared/tools/wslconfig_oracle.py, the Python model of WSL's parser, run once over many files.
 * Absent when python3 or the shared folder is missing; tests then skip and say why.
 */
final class Oracle {
  static final Path SCRIPT = Shared.ROOT.resolve("tools").resolve("wslconfig_oracle.py");
  static final Path CORPUS = Shared.ROOT.resolve("corpus").resolve("wslconfig");

  /** The corpus holds this many real users' files. */
  static final int CORPUS_SIZE = 100;

  /** What the oracle says of one file: WSL's values and its (line, kind) warnings. */
  record Reading(Map<String, String> values, List<String> warnings) {}

  private Oracle() {}

  /** Skips the calling test, or fails it in CI, when the oracle cannot run here. */
  static void require() {
    Shared.require(unavailable().orElse(null));
  }

  /**
   * The real users' files, sorted; skips the calling test (fails it in CI) when the corpus is
   * missing, and fails it when the corpus does not hold all of its files.
   */
  static List<Path> corpus() throws IOException {
    Shared.require(corpusMissing().orElse(null));
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Path> corpus = files.filter(f -> f.toString().endsWith(".wslconfig")).sorted().toList();
      if (corpus.size() != CORPUS_SIZE) {
        throw new AssertionError(
            "the corpus " + CORPUS + " holds " + corpus.size() + " files, not " + CORPUS_SIZE);
      }
      return corpus;
    }
  }

  /** Why the corpus is not here, or empty when it is. */
  static Optional<String> corpusMissing() {
    return Files.isDirectory(CORPUS)
        ? Optional.empty()
        : Optional.of("the corpus " + CORPUS + " is missing (shared/ is not beside the checkout)");
  }

  /** Why the oracle cannot run here, or empty when it can. */
  private static Optional<String> unavailable() {
    if (!Files.isRegularFile(SCRIPT)) {
      return Optional.of(
          "the oracle " + SCRIPT + " is missing (shared/ is not beside the checkout)");
    }
    try {
      Process process =
          new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0
          ? Optional.empty()
          : Optional.of("python3 does not run");
    } catch (IOException | InterruptedException e) {
      return Optional.of("python3 is not installed: " + e.getMessage());
    }
  }

  static List<Reading> read(List<Path> files) throws IOException, InterruptedException {
    String driver =
        String.join(
            "\n",
            "import json, sys",
            "sys.path.insert(0, sys.argv[1])",
            "import wslconfig_oracle as o",
            "out = []",
            "for f in sys.argv[2:]:",
            "    v, w = o.parse(open(f, 'rb').read())",
            "    out.append({'values': v, 'warnings': ['%d %s' % (l, k) for l, k in w]})",
            "print(json.dumps(out))");
    List<String> command =
        new ArrayList<>(List.of("python3", "-c", driver, SCRIPT.getParent().toString()));
    files.forEach(f -> command.add(f.toString()));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("the oracle failed");
    }
    List<Reading> readings = new ArrayList<>();
    for (JsonNode reading :
        JsonMapper.builder().build().readTree(new String(output, StandardCharsets.UTF_8))) {
      Map<String, String> values = new LinkedHashMap<>();
      reading
          .get("values")
          .properties()
          .forEach(e -> values.put(e.getKey(), e.getValue().asString()));
      List<String> warnings = new ArrayList<>();
      reading.get("warnings").forEach(w -> warnings.add(w.asString()));
      readings.add(new Reading(values, warnings));
    }
    return readings;
  }
}
