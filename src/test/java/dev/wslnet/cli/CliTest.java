package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real entry point: exit codes, streams and colour. */
class CliTest {
  private static final String VALID = "examples/minimal.yaml";
  private static final String INVALID = "src/test/resources/validate/three-errors.yaml";
  private static final String WARNINGS = "src/test/resources/validate/warnings.yaml";

  @Test
  void validFileExitsZero() {
    CliRun run = CliRun.run("validate", VALID);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Checked 1 file: valid, 0 errors, 0 warnings.\n");
    assertThat(run.err()).isEmpty();
  }

  /** Issue 10: `show > /dev/full` and friends exited 0. A full disk as the JVM sees it. */
  @Test
  void anOutputThatCannotBeWrittenIsAFailure(@TempDir Path temp) {
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    StringWriter err = new StringWriter();
    String sim = "sim:" + temp.resolve("host");
    for (String[] args :
        new String[][] {
          {"validate", "--format", "sarif", VALID},
          {"validate", "--format", "json", VALID},
          {"show", "--host", sim},
          {"plan", "-f", VALID, "--host", sim, "--json"},
          {"schema"}
        }) {
      Console console =
          new Console(
              new BufferedReader(new StringReader("")),
              new PrintWriter(new PrintStream(full), true),
              new PrintWriter(err, true),
              Map.of(),
              false);
      assertThat(Wslnet.run(console, args)).as(String.join(" ", args)).isEqualTo(1);
    }
    assertThat(err.toString()).contains("error: cannot write the output");
  }

  @Test
  void invalidFileExitsOne() {
    assertThat(CliRun.run("validate", INVALID).exitCode()).isEqualTo(1);
  }

  @Test
  void warningsPassUnlessStrict() {
    assertThat(CliRun.run("validate", WARNINGS).exitCode()).isZero();
    assertThat(CliRun.run("validate", "--strict", WARNINGS).exitCode()).isEqualTo(1);
  }

  @Test
  void defaultFileIsWslnetYamlInTheWorkingDirectory() {
    CliRun run = CliRun.run("validate");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("wslnet.yaml: error: no such file [WSLNET001]");
  }

  /** A path that names nothing that can be read is "no such file", with the system's reason. */
  @Test
  void aPathThroughAFileOrALoopIsNoSuchFile(@TempDir Path temp) throws Exception {
    Path file = Files.writeString(temp.resolve("file"), "version: 1\n");
    CliRun throughAFile = CliRun.run("validate", file.resolve("wslnet.yaml").toString());
    assertThat(throughAFile.exitCode()).isEqualTo(1);
    assertThat(throughAFile.out()).contains("error: no such file (Not a directory)");

    Path loop = temp.resolve("loop");
    Files.createSymbolicLink(loop, loop);
    CliRun throughALoop = CliRun.run("validate", loop.toString());
    assertThat(throughALoop.exitCode()).isEqualTo(1);
    assertThat(throughALoop.out())
        .contains("error: no such file (")
        .contains("hint: check the path");
  }

  @Test
  void usageErrorsExit64WithAHintOnStderr() {
    CliRun unknownOption = CliRun.run("validate", "--fromat", "json", VALID);
    assertThat(unknownOption.exitCode()).isEqualTo(64);
    assertThat(unknownOption.out()).isEmpty();
    assertThat(unknownOption.err())
        .contains("error: Unknown option: '--fromat'")
        .contains("Did you mean: --format?");

    CliRun badFormat = CliRun.run("validate", "--format", "xml", VALID);
    assertThat(badFormat.exitCode()).isEqualTo(64);
    assertThat(badFormat.err()).contains("xml").contains("TEXT, JSON, GITHUB, SARIF");

    CliRun unknownCommand = CliRun.run("valdate");
    assertThat(unknownCommand.exitCode()).isEqualTo(64);
    assertThat(unknownCommand.err()).contains("validate");
  }

  @Test
  void formatNamesAreCaseInsensitive() {
    assertThat(CliRun.run("validate", "--format", "SARIF", VALID).exitCode()).isZero();
  }

  @Test
  void helpAndVersionExitZero() {
    CliRun help = CliRun.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("validate").contains("schema").contains("64");
    CliRun version = CliRun.run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("wslnet ");
  }

  /**
   * Every command answers -h and --help, as the "Try '... --help'" after its usage errors says: the
   * help options were once the top-level command's only, so `wslnet plan --help` was a usage error.
   * The help names no Task Scheduler path with doubled backslashes.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate",
        "plan",
        "apply",
        "watch",
        "show",
        "schema",
        "schedule",
        "schedule install",
        "schedule status",
        "schedule run",
        "schedule remove"
      })
  void everyCommandHasHelp(String command) {
    for (String option : new String[] {"--help", "-h"}) {
      String[] args = (command + " " + option).split(" ");
      CliRun help = CliRun.run(args);
      assertThat(help.exitCode()).as(command + " " + option).isZero();
      assertThat(help.out()).startsWith("Usage: wslnet " + command + " ").doesNotContain("\\\\");
      assertThat(help.err()).isEmpty();
      assertThat(help.out())
          .contains("Exit codes:")
          .contains("64   usage error")
          .satisfies(
              out ->
                  assertThat(out.contains("changes present"))
                      .as("exit code 2 in the help of %s", command)
                      .isEqualTo(command.equals("plan")));
    }
  }

  @Test
  void schemaPrintsTheShippedFileByteForByte() throws Exception {
    CliRun run = CliRun.run("schema");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(Path.of("schemas/wslnet.schema.json")));
  }

  @Test
  void jsonOutputIsOnlyJson() {
    CliRun run = CliRun.run("validate", "--format", "json", INVALID);
    assertThat(run.out()).startsWith("{").endsWith("}\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColorOrADumbTerminal() {
    assertThat(CliRun.run(Map.of(), true, "validate", INVALID).out()).contains("\u001b[");
    assertThat(CliRun.run(Map.of(), false, "validate", INVALID).out()).doesNotContain("\u001b[");
    assertThat(CliRun.run(Map.of("NO_COLOR", "1"), true, "validate", INVALID).out())
        .doesNotContain("\u001b[");
    assertThat(CliRun.run(Map.of(), true, "validate", "--no-color", INVALID).out())
        .doesNotContain("\u001b[");
    assertThat(CliRun.run(Map.of(), true, "--no-color", "validate", INVALID).out())
        .doesNotContain("\u001b[");
    assertThat(CliRun.run(Map.of("TERM", "dumb"), true, "validate", INVALID).out())
        .doesNotContain("\u001b[");
    assertThat(CliRun.run(Map.of("TERM", "xterm-256color"), true, "validate", INVALID).out())
        .contains("\u001b[");
  }

  @Test
  void hostileInputNeverCrashes(@TempDir Path dir) throws Exception {
    Path binary =
        Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10});
    Path nested =
        Files.writeString(
            dir.resolve("nested.yaml"), "a: " + "{b: ".repeat(5000) + "1" + "}".repeat(5000));
    Path tabs = Files.writeString(dir.resolve("tabs.yaml"), "version: 1\nwslconfig:\n\twsl2: {}\n");
    Path utf16 =
        Files.write(dir.resolve("utf16.yaml"), "version: 1\n".getBytes(StandardCharsets.UTF_16));
    CliRun run =
        CliRun.run(
            "validate",
            binary.toString(),
            nested.toString(),
            tabs.toString(),
            utf16.toString(),
            dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .doesNotContain("Exception")
        .contains("Checked 5 files: invalid, 5 errors");
  }

  /** Issue 10: host errors, refusals and stale plans printed nothing on stdout under --json. */
  @Test
  void jsonHoldsErrorsToo(@TempDir Path temp) throws Exception {
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    dev.wslnet.testing.SimDir noVm =
        dev.wslnet.testing.SimDir.fresh(temp.resolve("a"))
            .edit(root -> root.withObject("facts").remove("wslAddress"));
    CliRun planError =
        CliRun.run(
            "plan", "-f", "examples/nat-lan-dev-server.yaml", "--host", noVm.spec(), "--json");
    assertThat(planError.exitCode()).isEqualTo(1);
    var document = json.readTree(planError.out());
    assertThat(document.path("error").path("message").asString()).contains("cannot resolve $wsl");
    assertThat(document.path("error").path("exit_code").asInt()).isEqualTo(1);

    dev.wslnet.testing.SimDir notElevated =
        dev.wslnet.testing.SimDir.fresh(temp.resolve("b"))
            .edit(root -> root.withObject("facts").put("elevated", false));
    CliRun refused =
        CliRun.run(
            "apply",
            "-f",
            "examples/nat-lan-dev-server.yaml",
            "--host",
            notElevated.spec(),
            "--auto-approve",
            "--json");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(json.readTree(refused.out()).path("error").path("message").asString())
        .contains("not elevated");
  }
}
