package dev.wslnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the command line uses the core, never the reverse; the model depends
 * on nothing.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/wslnet");

  private static List<String> violations(String fromPackage, String... forbidden)
      throws IOException {
    List<String> violations = new ArrayList<>();
    Path root = SOURCES.resolve(fromPackage.replace('.', '/'));
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file)) {
          for (String target : forbidden) {
            if (line.startsWith("import dev.wslnet." + target + ".")
                || line.startsWith("import static dev.wslnet." + target + ".")) {
              violations.add(file + ": " + line);
            }
          }
        }
      }
    }
    return violations;
  }

  @Test
  void nothingOutsideTheCommandLineImportsIt() throws IOException {
    assertThat(violations("config", "cli")).isEmpty();
    assertThat(violations("render", "cli")).isEmpty();
    assertThat(violations("model", "cli")).isEmpty();
    assertThat(violations("diagnostic", "cli")).isEmpty();
  }

  @Test
  void theModelDependsOnNothingElseOfOurs() throws IOException {
    assertThat(violations("model", "cli", "config", "render", "diagnostic")).isEmpty();
  }

  @Test
  void validationDoesNotRender() throws IOException {
    assertThat(violations("config", "render", "plan", "apply", "host")).isEmpty();
  }

  @Test
  void planningIsPureAndDoesNotRender() throws IOException {
    assertThat(violations("plan", "host", "apply", "render", "cli")).isEmpty();
    assertThat(violations("wslconfig", "host", "apply", "render", "cli", "plan")).isEmpty();
  }

  @Test
  void hostsDoNotPlanApplyOrRender() throws IOException {
    assertThat(violations("host", "plan", "apply", "render", "cli")).isEmpty();
    assertThat(violations("apply", "render", "cli")).isEmpty();
  }
}
