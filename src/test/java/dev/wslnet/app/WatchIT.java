package dev.wslnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.sim.SimHost;
import dev.wslnet.testing.LogFiles;
import dev.wslnet.testing.SimDir;
import dev.wslnet.testing.WatchProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code wslnet watch} as a process: how it ends, by a signal or by an invalid file. */
@DisabledOnOs(OS.WINDOWS)
class WatchIT {
  @TempDir Path temp;

  private Process start(SimDir sim, Path file) throws Exception {
    return WatchProcess.start(
        sim, file, temp.resolve("watch.log"), temp.resolve("out"), temp.resolve("err"));
  }

  private List<String> log() throws Exception {
    Path log = temp.resolve("watch.log");
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  private void awaitLogLine(String text) throws Exception {
    LogFiles.awaitLine(temp.resolve("watch.log"), text);
  }

  @Test
  void sigtermStopsTheWatchWithExitZeroAndTheLockFree() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path file = temp.resolve("wslnet.yaml");
    Files.writeString(
        file,
        "version: 1\nportProxy:\n  rules:\n"
            + "    - {listenAddress: 0.0.0.0, listenPort: 3000, connectAddress: $wsl}\n");
    Process watch = start(sim, file);
    awaitLogLine("applied 1 change");
    sim.edit(root -> root.withObject("facts").put("wslAddress", "172.30.101.7"));
    awaitLogLine("WSL VM address 172.30.98.229 -> 172.30.101.7");
    awaitLogLine("applied 1 change (~ portProxy[v4tov4 0.0.0.0:3000]): ok");

    watch.destroy();

    assertThat(watch.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.exitValue()).isZero();
    assertThat(log()).last().asString().endsWith(" stopped");
    assertThat(Files.readString(temp.resolve("err"))).isEmpty();
    SimHost.create(sim.path(), false).lock().close();
  }

  @Test
  void aFileThatBecomesInvalidEndsTheWatchWithExitOneAndItsDiagnostics() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path file = temp.resolve("wslnet.yaml");
    Files.writeString(file, "version: 1\n");
    Process watch = start(sim, file);
    awaitLogLine("the host matches the file");

    Files.writeString(file, "version: 1\nportProxy: {rules: [{listenPort: 70000}]}\n");

    assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.exitValue()).isEqualTo(1);
    assertThat(Files.readString(temp.resolve("err"))).contains("wslnet.yaml:2:").contains("70000");
    SimHost.create(sim.path(), false).lock().close();
  }
}
