package dev.wslnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, validate answers with diagnostics: never an exception (a property fails on
 * one), an invalid file always with at least one located error, and every position inside the file.
 */
class ValidatorRobustnessTest {
  private static final DesiredStateValidator VALIDATOR = new DesiredStateValidator();

  @Property(tries = 300)
  void anyBytesGiveAReportWithAnError(@ForAll @Size(max = 300) byte[] bytes) {
    FileReport report = VALIDATOR.validate("fuzz.yaml", bytes);
    // No run of at most 300 random bytes holds `version: 1` and nothing wrong besides.
    assertThat(report.hasErrors()).as(report.diagnostics().toString()).isTrue();
    report
        .diagnostics()
        .forEach(
            d -> assertWellFormed(d, lineCount(new String(bytes, StandardCharsets.ISO_8859_1))));
  }

  @Property(tries = 500)
  void yamlLikeTextGivesAReportWithPositionsInsideTheFile(@ForAll("yamlish") String text) {
    FileReport report = VALIDATOR.validate("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8));
    report.diagnostics().forEach(d -> assertWellFormed(d, lineCount(text)));
  }

  /**
   * A diagnostic a user can act on: a message in words (no exception text), inside the file when
   * located.
   */
  private static void assertWellFormed(Diagnostic diagnostic, int lines) {
    assertThat(diagnostic.file()).isEqualTo("fuzz.yaml");
    assertThat(diagnostic.severity()).isEqualTo(diagnostic.code().severity());
    assertThat(diagnostic.message())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("java.");
    diagnostic
        .span()
        .ifPresent(
            span -> {
              assertThat(span.lineNumber()).as(diagnostic.toString()).isBetween(1, lines);
              assertThat(span.columnNumber()).as(diagnostic.toString()).isPositive();
            });
  }

  /**
   * Lines as a YAML reader counts them: CR, LF and CRLF each end one, and a last line may have no
   * end.
   */
  private static int lineCount(String text) {
    return text.split("\r\n|\r|\n", -1).length;
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "version: 1\n",
            "wslconfig:\n",
            "  wsl2:\n",
            "    networkingMode: ",
            "mirrored",
            "nat\n",
            "portProxy:\n",
            "  rules:\n",
            "    - ",
            "listenPort: ",
            "70000",
            "\n",
            "  ",
            "\t",
            "&a ",
            "*a",
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "'",
            "\"",
            "#",
            "---\n",
            "~",
            "null",
            "yes",
            "- ",
            "? ",
            "|\n",
            ">\n",
            "!!str ",
            "!x ",
            "$wsl",
            "\r\n");
    return tokens.list().ofMaxSize(40).map(list -> String.join("", list));
  }
}
