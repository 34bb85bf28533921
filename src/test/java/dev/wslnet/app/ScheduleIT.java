package dev.wslnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.testing.LogFiles;
import dev.wslnet.testing.SimDir;
import dev.wslnet.testing.WatchProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheduled task through the app folder's launcher, on a simulated Windows whose Task Scheduler
 * runs that launcher: install, status, run, remove, and a watch that is not elevated.
 */
@DisabledOnOs(OS.WINDOWS)
class ScheduleIT {
  private static final Path LAUNCHER = Path.of("target/wslnet/bin/wslnet").toAbsolutePath();
  private static final String FORWARD =
      "version: 1\nportProxy:\n  rules:\n"
          + "    - {listenAddress: 0.0.0.0, listenPort: 3000, connectAddress: $wsl}\n";

  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {}

  private Run wslnet(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectOutput(temp.resolve("out").toFile());
    builder.redirectError(temp.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
  }

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static String connectAddress(SimDir sim) throws Exception {
    return json(Files.readString(sim.hostJson()))
        .path("portProxy")
        .path(0)
        .path("connectAddress")
        .asString("");
  }

  /** A folder and a file name with spaces and a double quote: the task must carry them exactly. */
  private Path awkwardFile() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("my files"));
    Path file = folder.resolve("net \"dev\".yaml");
    Files.writeString(file, FORWARD);
    return file;
  }

  @Test
  void installStatusRunAndRemoveAreEachIdempotent() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path file = awkwardFile();

    Run none = wslnet("schedule", "status", "--host", sim.spec(), "--json");
    assertThat(none.exitCode()).isZero();
    assertThat(json(none.out()).path("installed").asBoolean()).isFalse();

    Run install = wslnet("schedule", "install", "-f", file.toString(), "--host", sim.spec());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).contains("+ scheduledTask[\\wslnet\\converge]");
    String installed = sim.snapshot();
    Run again = wslnet("schedule", "install", "-f", file.toString(), "--host", sim.spec());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("installed as asked; nothing to change");
    assertThat(sim.snapshot()).isEqualTo(installed);

    JsonNode status = json(wslnet("schedule", "status", "--host", sim.spec(), "--json").out());
    assertThat(status.path("installed").asBoolean()).isTrue();
    assertThat(status.path("file").asString()).isEqualTo(file.toString());
    assertThat(status.path("fileValid").asBoolean()).isTrue();
    assertThat(status.path("triggers").toString())
        .isEqualTo("[\"at logon\",\"at WSL VM start\",\"every 15m\"]");
    assertThat(status.path("lastResult").asString()).isEqualTo("has not run yet");

    // The user's terminal is not elevated: the task still applies, with its own token.
    sim.edit(root -> root.withObject("facts").put("elevated", false));
    Run run = wslnet("schedule", "run", "--host", sim.spec());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(connectAddress(sim)).isEqualTo("172.30.98.229");
    status = json(wslnet("schedule", "status", "--host", sim.spec(), "--json").out());
    assertThat(status.path("lastResult").asString()).isEqualTo("succeeded");
    assertThat(status.path("lastRun").isString()).isTrue();
    Path log = sim.path().resolve("AppData/Local/wslnet/converge.log");
    assertThat(Files.readAllLines(log))
        .singleElement()
        .asString()
        .endsWith(file + ": applied 1 change (+ portProxy[v4tov4 0.0.0.0:3000]): ok");
    assertThat(wslnet("schedule", "run", "--host", sim.spec()).exitCode()).isZero();
    assertThat(Files.readAllLines(log)).hasSize(2).last().asString().endsWith(": no changes");

    Run refused = wslnet("schedule", "remove", "--host", sim.spec());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("needs an administrator");
    sim.edit(root -> root.withObject("facts").put("elevated", true));
    assertThat(wslnet("schedule", "remove", "--host", sim.spec()).exitCode()).isZero();
    Run removedAgain = wslnet("schedule", "remove", "--host", sim.spec());
    assertThat(removedAgain.exitCode()).isZero();
    assertThat(removedAgain.out()).contains("not installed; nothing to remove");
    Run runAbsent = wslnet("schedule", "run", "--host", sim.spec());
    assertThat(runAbsent.exitCode()).isEqualTo(1);
    assertThat(runAbsent.err()).contains("does not exist: run wslnet schedule install");
  }

  @Test
  void aWatchThatIsNotElevatedFollowsTheVmThroughTheTask() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path file = awkwardFile();
    assertThat(
            wslnet("schedule", "install", "-f", file.toString(), "--host", sim.spec()).exitCode())
        .isZero();
    wslnet("apply", "-f", file.toString(), "--host", sim.spec(), "--auto-approve");
    sim.edit(root -> root.withObject("facts").put("elevated", false));
    Path log = temp.resolve("watch.log");
    Process watch =
        WatchProcess.start(sim, file, log, temp.resolve("watch.out"), temp.resolve("watch.err"));
    try {
      LogFiles.awaitLine(log, "the host matches the file");
      sim.edit(root -> root.withObject("facts").put("wslAddress", "172.30.101.7"));
      LogFiles.awaitLine(log, "Starting the scheduled task");
      for (int i = 0; i < 300 && !connectAddress(sim).equals("172.30.101.7"); i++) {
        Thread.sleep(100);
      }
      assertThat(connectAddress(sim)).isEqualTo("172.30.101.7");
    } finally {
      watch.destroy();
      assertThat(watch.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(watch.exitValue()).isZero();
  }
}
