package dev.wslnet.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.ObservedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Validation no longer binds a file: each kind reads its own section when it plans. So every file
 * that validation accepts, the examples and the plan cases, is read by every kind here, against a
 * host that holds nothing, and a file that declares anything gives changes.
 */
class EveryValidFileIsReadByEveryKindTest {
  private static final ObservedState EMPTY_HOST =
      new ObservedState(
          new HostFacts(
              "sim:empty",
              26100,
              "2.4.13",
              true,
              Optional.of("172.30.98.229"),
              Optional.of("172.30.96.1"),
              Optional.of("nat"),
              true,
              true),
          "C:\\Users\\sim\\.wslconfig",
          Optional.empty(),
          JsonNodeFactory.instance.objectNode());

  static List<Path> validFiles() throws IOException {
    try (Stream<Path> examples = Files.list(Path.of("examples"));
        Stream<Path> cases = Files.list(Path.of("src/test/resources/cases"))) {
      return Stream.concat(
              examples.filter(path -> path.toString().endsWith(".yaml")),
              cases.map(dir -> dir.resolve("desired.yaml")).filter(Files::isRegularFile))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void everyKindReadsTheFile(Path file) {
    DesiredStateFile read = new DesiredStateValidator().read(file.toString());
    assertThat(read.state()).as("%s is valid", file).isPresent();
    DesiredState desired = read.state().get();
    List<String> sections =
        read.document().orElseThrow().properties().stream()
            .map(Map.Entry::getKey)
            .filter(name -> !name.equals("version"))
            .toList();
    // Planning reads every kind's sections (changes, warnings, fingerprints): a reader that fails
    // on a valid file throws here.
    Plan plan = Planner.plan(desired, EMPTY_HOST);
    assertThat(sections).as("%s declares something", file).isNotEmpty();
    assertThat(plan.changes()).as("%s declares %s", file, sections).isNotEmpty();
  }
}
