package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples and the README are checked by the same validator users run, so they cannot drift
 * from the code.
 */
class DocumentationTest {
  private static final String SCHEMA_LINE =
      "# yaml-language-server: $schema=../schemas/wslnet.schema.json";
  private static final Pattern YAML_BLOCK =
      Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);
  private static final DesiredStateValidator VALIDATOR = new DesiredStateValidator();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreAtLeastFourExamples() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleNamesTheSchemaAndIsCleanlyValid(Path example) throws IOException {
    assertThat(Files.readAllLines(example).get(0)).isEqualTo(SCHEMA_LINE);
    assertThat(VALIDATOR.validate(example.toString()).diagnostics()).isEmpty();
  }

  static Stream<String> readmeBlocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher matcher = YAML_BLOCK.matcher(readme);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks.stream();
  }

  @Test
  void theReadmeHasYamlBlocks() throws IOException {
    assertThat(readmeBlocks()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("readmeBlocks")
  void everyYamlBlockInTheReadmeIsValid(String block) {
    FileReport report =
        VALIDATOR.validate("README.md block", block.getBytes(StandardCharsets.UTF_8));
    assertThat(report.hasErrors()).as(report.diagnostics().toString()).isFalse();
  }
}
