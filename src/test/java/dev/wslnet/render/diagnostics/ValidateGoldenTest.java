package dev.wslnet.render.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every output format of validate, byte for byte, on files with errors, warnings, and both. */
class ValidateGoldenTest {
  private static final String DIR = "src/test/resources/validate/";

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "three-errors, text, txt, 1",
    "three-errors, json, json, 1",
    "three-errors, github, txt, 1",
    "three-errors, sarif, json, 1",
    "worded, text, txt, 1",
    "worded, json, json, 1",
    "warnings, text, txt, 0",
    "warnings, json, json, 0",
    "warnings, github, txt, 0",
    "warnings, sarif, json, 0",
  })
  void matchesGolden(String input, String format, String extension, int exitCode) {
    CliRun run = CliRun.run("validate", "--format", format, DIR + input + ".yaml");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(exitCode);
    Golden.assertMatches(
        "validate/" + input + "." + format + "." + extension, withoutThisCheckout(run.out()));
  }

  /** SARIF names the repository's root by its absolute URI, which differs between checkouts. */
  private static String withoutThisCheckout(String output) {
    return output.replace(
        java.nio.file.Path.of("").toAbsolutePath().toUri().toASCIIString(), "file:///ROOT/");
  }

  @ParameterizedTest(name = "two files as {0}")
  @CsvSource({"text, txt", "json, json"})
  void reportsAllFilesInOneRun(String format, String extension) {
    CliRun run =
        CliRun.run(
            "validate",
            "--format",
            format,
            DIR + "three-errors.yaml",
            DIR + "warnings.yaml",
            DIR + "does-not-exist.yaml");
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.assertMatches("validate/several-files." + format + "." + extension, run.out());
  }
}
