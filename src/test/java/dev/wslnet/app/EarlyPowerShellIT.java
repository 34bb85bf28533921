package dev.wslnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * `plan --host local` starts powershell.exe before it reads the file, and gives it its request only
 * when the file is valid: here a powershell.exe on PATH that records what it is given, run through
 * the launcher as a user runs it.
 */
@DisabledOnOs(OS.WINDOWS)
class EarlyPowerShellIT {
  private static final Path LAUNCHER = Path.of("target/wslnet/bin/wslnet").toAbsolutePath();

  @TempDir Path temp;
  private Path records;

  /** Records its process id, then its whole input, then that it finished. */
  @BeforeEach
  void fakePowerShell() throws IOException {
    records = Files.createDirectories(temp.resolve("records"));
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path powershell = bin.resolve("powershell.exe");
    Files.writeString(
        powershell,
        "#!/bin/sh\n"
            + "echo $$ > \"$RECORDS/pid\"\n"
            + "cat > \"$RECORDS/stdin\"\n"
            + "echo finished > \"$RECORDS/finished\"\n");
    Files.setPosixFilePermissions(powershell, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private int plan(String file) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(LAUNCHER.toString(), "plan", "-f", file, "--host", "local"));
    builder.environment().clear();
    builder
        .environment()
        .putAll(
            Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "PATH", temp.resolve("bin") + ":/usr/bin:/bin",
                "HOME", temp.toString(),
                "RECORDS", records.toString()));
    builder.redirectOutput(temp.resolve("out").toFile());
    builder.redirectError(temp.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private String err() throws IOException {
    return Files.readString(temp.resolve("err"), StandardCharsets.UTF_8);
  }

  @Test
  void anInvalidFileGivesPowerShellNothingAndLeavesItNotRunning() throws Exception {
    assertThat(plan("src/test/resources/validate/three-errors.yaml")).isEqualTo(1);
    assertThat(err()).contains("[WSLNET").doesNotContain("PowerShell");
    // Killed before or while it waited for its input: never given any, never finished.
    Path pid = records.resolve("pid");
    if (Files.exists(pid)) {
      Optional<ProcessHandle> fake =
          ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
      if (fake.isPresent()) {
        fake.get().onExit().get(10, TimeUnit.SECONDS);
      }
    }
    assertThat(records.resolve("finished")).doesNotExist();
    Path stdin = records.resolve("stdin");
    assertThat(Files.exists(stdin) ? Files.size(stdin) : 0).isZero();
  }

  @Test
  void aValidFileGivesPowerShellTheScriptAndTheRequest() throws Exception {
    // The fake answers nothing, which wslnet reports as PowerShell's failure.
    assertThat(plan("examples/nat-lan-dev-server.yaml")).isEqualTo(1);
    assertThat(err()).contains("PowerShell failed to observe local");
    assertThat(records.resolve("finished")).exists();
    assertThat(Files.readAllLines(records.resolve("stdin"))).hasSize(2);
  }
}
