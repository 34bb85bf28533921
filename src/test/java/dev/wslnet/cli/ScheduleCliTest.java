package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What schedule and watch refuse before they touch a host. */
class ScheduleCliTest {
  @TempDir Path temp;

  private Path file() throws Exception {
    Path file = temp.resolve("wslnet.yaml");
    Files.writeString(file, "version: 1\n");
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"500ms", "90s", "60500ms", "32d", "745h"})
  void everyIsWholeMinutesFromOneMinuteToThirtyOneDays(String every) throws Exception {
    SimDir sim = SimDir.fresh(temp);
    String before = sim.snapshot();
    CliRun run =
        CliRun.run(
            "schedule",
            "install",
            "-f",
            file().toString(),
            "--host",
            sim.spec(),
            "--every",
            every,
            "--launcher",
            "/bin/true");
    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(sim.snapshot()).isEqualTo(before);
  }

  @Test
  void aBatchLauncherRefusesWhatCmdWouldChange() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path launcher = Files.createFile(temp.resolve("wslnet.cmd"));
    Path file = Files.createDirectories(temp.resolve("100%")).resolve("wslnet.yaml");
    Files.writeString(file, "version: 1\n");
    CliRun run =
        CliRun.run(
            "schedule",
            "install",
            "-f",
            file.toString(),
            "--host",
            sim.spec(),
            "--launcher",
            launcher.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot pass through wslnet.cmd");
  }

  @Test
  void statusOfATaskWithAnUnreadablePathSaysTheFileIsNotValid() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    sim.edit(
        root ->
            root.putObject("scheduledTask")
                .put("execute", "C:\\w.exe")
                .put("arguments", "apply -f a\u0000b\nc")
                .put("everyMinutes", 15));
    CliRun json = CliRun.run("schedule", "status", "--host", sim.spec(), "--json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).contains("\"fileValid\" : false");
    CliRun text = CliRun.run("schedule", "status", "--host", sim.spec());
    assertThat(text.exitCode()).isZero();
    assertThat(text.out().lines().filter(line -> line.startsWith("  file:"))).hasSize(1);
  }

  @Test
  void aWatchWhoseLogCannotBeWrittenDoesNotStart() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path folder = Files.createDirectory(temp.resolve("logs"));
    CliRun run =
        CliRun.run(
            "watch", "-f", file().toString(), "--host", sim.spec(), "--log", folder.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot write the log").contains("is a folder");
  }
}
