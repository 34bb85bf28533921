package dev.wslnet.wslconfig;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * shared/tools/wslconfig_oracle.py, the Python model of WSL's parser, run once over many files. Absent when
 * python3 or the shared folder is missing; tests then skip and say why.
 */
final class Oracle {
  static final Path SCRIPT = Path.of("..", "shared", "tools", "wslconfig_oracle.py").toAbsolutePath().normalize();
  static final Path CORPUS = Path.of("..", "shared", "corpus", "wslconfig").toAbsolutePath().normalize();

  /** What the oracle says of one file: WSL's values and its (line, kind) warnings. */
  record Reading(Map<String, String> values, List<String> warnings) {}

  private Oracle() {}

  /** Why the oracle cannot run here, or empty when it can. */
  static Optional<String> unavailable() {
    if (!Files.isRegularFile(SCRIPT)) {
      return Optional.of("the oracle " + SCRIPT + " is missing (shared/ is not beside the checkout)");
    }
    try {
      Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0
          ? Optional.empty() : Optional.of("python3 does not run");
    } catch (IOException | InterruptedException e) {
      return Optional.of("python3 is not installed: " + e.getMessage());
    }
  }

  static List<Reading> read(List<Path> files) throws IOException, InterruptedException {
    String driver = String.join("\n",
        "import json, sys",
        "sys.path.insert(0, sys.argv[1])",
        "import wslconfig_oracle as o",
        "out = []",
        "for f in sys.argv[2:]:",
        "    v, w = o.parse(open(f, 'rb').read())",
        "    out.append({'values': v, 'warnings': ['%d %s' % (l, k) for l, k in w]})",
        "print(json.dumps(out))");
    List<String> command = new ArrayList<>(List.of("python3", "-c", driver, SCRIPT.getParent().toString()));
    files.forEach(f -> command.add(f.toString()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("the oracle failed");
    }
    List<Reading> readings = new ArrayList<>();
    for (JsonNode reading : JsonMapper.builder().build().readTree(new String(output, StandardCharsets.UTF_8))) {
      Map<String, String> values = new LinkedHashMap<>();
      reading.get("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
      List<String> warnings = new ArrayList<>();
      reading.get("warnings").forEach(w -> warnings.add(w.asString()));
      readings.add(new Reading(values, warnings));
    }
    return readings;
  }
}
