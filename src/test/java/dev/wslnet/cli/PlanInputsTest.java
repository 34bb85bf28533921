package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.host.Host;
import dev.wslnet.sim.SimHost;
import dev.wslnet.testing.DelegatingHost;
import dev.wslnet.testing.SimDir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plan starts observing before it reads the file: what the user sees is what reading the file, then
 * observing, showed. The file's problems come first, the host's only for a valid file, and nothing
 * of the host is read for an invalid one.
 */
class PlanInputsTest {
  private static final String VALID = "examples/nat-lan-dev-server.yaml";
  private static final String INVALID = "src/test/resources/validate/three-errors.yaml";

  @Test
  void anInvalidFileIsReportedWhateverTheHost() {
    CliRun run = CliRun.run("plan", "-f", INVALID, "--host", "nowhere");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("[WSLNET").doesNotContain("unknown host");
  }

  @Test
  void aValidFileMeetsTheHostsUsageError() {
    CliRun run = CliRun.run("plan", "-f", VALID, "--host", "nowhere");
    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err()).contains("unknown host 'nowhere'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version: 1\nportProxy: [\n",
        "version: 1\nversion: 1\n",
        "version: 1\nportProxy:\n  rules:\n    - listenPort: 70000\n"
      })
  void anInvalidFileIsNeverObserved(String yaml, @TempDir Path temp) throws Exception {
    Path file = Files.writeString(temp.resolve("invalid.yaml"), yaml);
    Path host = temp.resolve("host");
    CliRun run = CliRun.run("plan", "-f", file.toString(), "--host", "sim:" + host);
    assertThat(run.exitCode()).isEqualTo(1);
    // Observing a missing simulated host creates it: nothing observed, nothing created.
    assertThat(host).doesNotExist();
  }

  @Test
  void aHostThatCannotBeReachedDoesNotHideTheFilesProblems() {
    // Without WSL_INTEROP, the wsl host cannot start Windows programs.
    CliRun invalid = CliRun.run(Map.of(), false, "plan", "-f", INVALID, "--host", "wsl");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.err()).contains("[WSLNET").doesNotContain("WSL_INTEROP");

    CliRun valid = CliRun.run(Map.of(), false, "plan", "-f", VALID, "--host", "wsl");
    assertThat(valid.exitCode()).isEqualTo(1);
    assertThat(valid.err()).contains("WSL_INTEROP");
  }

  @Test
  void aFailingHostIsNeverShownForAnInvalidFile(@TempDir Path temp) {
    SimDir failing = SimDir.fresh(temp).fault("powershell", "observe", "the observation failed");
    CliRun run = CliRun.run("plan", "-f", INVALID, "--host", failing.spec());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out() + run.err()).contains("[WSLNET").doesNotContain("observation failed");
  }

  /**
   * The observing process starts before the file is read, so that its start-up passes meanwhile:
   * here a host whose start mends the file, which only a file read after it shows.
   */
  @Test
  void theObservationStartsBeforeTheFileIsRead(@TempDir Path temp) throws Exception {
    Path file = Files.copy(Path.of(INVALID), temp.resolve("wslnet.yaml"));
    Host mendingTheFileAsItStarts =
        new DelegatingHost(SimHost.create(SimDir.fresh(temp).path(), false)) {
          @Override
          public PendingObservation startObserving() {
            try {
              Files.copy(Path.of(VALID), file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return super.startObserving();
          }
        };
    StringWriter out = new StringWriter();
    Console console =
        new Console(
            new BufferedReader(new StringReader("")),
            new PrintWriter(out, true),
            new PrintWriter(out, true),
            Map.of(),
            false);

    PlanInputs inputs =
        PlanInputs.read(file.toString(), () -> mendingTheFileAsItStarts, console, false, false);
    assertThat(inputs.desired().state()).isPresent();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aFailedObservationOfAValidFileIsReportedAsItself(@TempDir Path temp) {
    SimDir failing = SimDir.fresh(temp).fault("powershell", "observe", "the observation failed");
    CliRun run = CliRun.run("plan", "-f", VALID, "--host", failing.spec());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("the observation failed").doesNotContain("\tat ");
  }
}
