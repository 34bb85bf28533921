package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, validate answers with diagnostics: never an exception, never a hang. */
class ValidatorRobustnessTest {
  private static final DesiredStateValidator VALIDATOR = new DesiredStateValidator();

  @Property(tries = 300)
  void anyBytesGiveAReport(@ForAll @Size(max = 300) byte[] bytes) {
    FileReport report = VALIDATOR.validate("fuzz.yaml", bytes);
    assertThat(report.file()).isEqualTo("fuzz.yaml");
  }

  @Property(tries = 500)
  void yamlLikeTextGivesAReportWithPositionsInsideTheFile(@ForAll("yamlish") String text) {
    FileReport report = VALIDATOR.validate("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8));
    int lines = (int) text.lines().count() + 1;
    report.diagnostics().forEach(d -> d.span().ifPresent(span -> assertThat(span.lineNumber()).isLessThanOrEqualTo(lines)));
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> tokens = Arbitraries.of(
        "version: 1\n", "wslconfig:\n", "  wsl2:\n", "    networkingMode: ", "mirrored", "nat\n", "portProxy:\n",
        "  rules:\n", "    - ", "listenPort: ", "70000", "\n", "  ", "\t", "&a ", "*a", "[", "]", "{", "}", ",", ":",
        "'", "\"", "#", "---\n", "~", "null", "yes", "- ", "? ", "|\n", ">\n", "!!str ", "!x ", "$wsl", "\r\n");
    return tokens.list().ofMaxSize(40).map(list -> String.join("", list));
  }
}
