package dev.wslnet.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under src/test/resources/cases: desired.yaml, the simulated host (host.json,
 * .wslconfig). For each: the plan as text and JSON against goldens; then the idempotency contract:
 * apply converges, the next plan is empty, a second apply changes nothing, and {@code show} then
 * {@code plan} is empty too.
 */
class PlanCasesTest {
  private static final Path CASES = Path.of("src/test/resources/cases");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path copy(String name, Path into) throws IOException {
    Path host = into.resolve("host");
    Files.createDirectories(host);
    Files.copy(CASES.resolve(name).resolve("host.json"), host.resolve("host.json"));
    Path wslconfig = CASES.resolve(name).resolve(".wslconfig");
    if (Files.exists(wslconfig)) {
      Files.copy(wslconfig, host.resolve(".wslconfig"), StandardCopyOption.COPY_ATTRIBUTES);
    }
    return host;
  }

  /**
   * The case's folder as HOST, as text prints it and as JSON escapes it (backslashes on Windows).
   */
  private static String normalized(String output, Path host) {
    String path = host.toString();
    String separator = java.io.File.separator;
    String escaped = path.replace("\\", "\\\\");
    return output
        .replace(path + separator, "HOST/")
        .replace(escaped + separator.replace("\\", "\\\\"), "HOST/")
        .replace(path, "HOST")
        .replace(escaped, "HOST");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planMatchesGoldensAndApplyConverges(String name, @TempDir Path temp) throws IOException {
    Path host = copy(name, temp);
    String desired = "src/test/resources/cases/" + name + "/desired.yaml";
    String sim = "sim:" + host;

    CliRun text = CliRun.run("plan", "-f", desired, "--host", sim);
    assertThat(text.exitCode()).as(text.err()).isZero();
    Golden.assertMatches("cases/" + name + ".plan.txt", normalized(text.out(), host));
    CliRun json = CliRun.run("plan", "-f", desired, "--host", sim, "--json");
    assertThat(json.err()).isEmpty();
    Golden.assertMatches("cases/" + name + ".plan.json", normalized(json.out(), host));

    CliRun apply = CliRun.run("apply", "-f", desired, "--host", sim, "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .containsAnyOf("Converged: the host matches", "No changes. The host matches");
    if (Files.exists(host.resolve(".wslconfig"))) {
      Golden.assertMatches(
          "cases/" + name + ".wslconfig", Files.readString(host.resolve(".wslconfig")));
    }

    CliRun again = CliRun.run("plan", "-f", desired, "--host", sim, "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(again.out()).contains("No changes.");
    String hostJson = Files.readString(host.resolve("host.json"));
    CliRun secondApply = CliRun.run("apply", "-f", desired, "--host", sim, "--auto-approve");
    assertThat(secondApply.exitCode()).isZero();
    assertThat(Files.readString(host.resolve("host.json")))
        .as("a second apply changes nothing")
        .isEqualTo(hostJson);

    CliRun show = CliRun.run("show", "--host", sim);
    assertThat(show.exitCode()).isZero();
    Path shown = Files.writeString(temp.resolve("shown.yaml"), show.out());
    CliRun validate = CliRun.run("validate", shown.toString());
    assertThat(validate.out()).contains("valid, 0 errors");
    CliRun planShown =
        CliRun.run("plan", "-f", shown.toString(), "--host", sim, "--detailed-exitcode");
    assertThat(planShown.exitCode()).as(planShown.out()).isZero();
  }
}
