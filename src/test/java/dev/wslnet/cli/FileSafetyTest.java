package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, data loss: what {@code plan --out} and the .wslconfig writer may write over, and what
 * they keep: links, modes, other files.
 */
class FileSafetyTest {
  private static final String DESIRED =
      "version: 1\nwslconfig:\n  wsl2:\n    networkingMode: mirrored\n";

  @TempDir Path temp;

  private Path desired() throws Exception {
    return Files.writeString(temp.resolve("wslnet.yaml"), DESIRED);
  }

  private CliRun planTo(Path out) throws Exception {
    SimDir host = SimDir.fresh(temp);
    return CliRun.run(
        "plan", "-f", desired().toString(), "--host", host.spec(), "--out", out.toString());
  }

  @Test
  void thePlanNeverReplacesTheDesiredStateFile() throws Exception {
    Path desired = desired();
    CliRun run = planTo(desired);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("is the desired-state file itself");
    assertThat(Files.readString(desired)).isEqualTo(DESIRED);
  }

  @Test
  void thePlanNeverCreatesFolders() throws Exception {
    Path missing = temp.resolve("no-such-folder");
    CliRun run = planTo(missing.resolve("plan.json"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void thePlanNeverReplacesADirectoryOrAPipe() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("plans"));
    CliRun run = planTo(directory);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("is not a regular file");
    assertThat(directory).isDirectory();

    Path fifo = temp.resolve("fifo");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (java.io.IOException e) {
      made = false;
    }
    assumeTrue(made, "skipped: mkfifo is not available here");
    CliRun pipe = planTo(fifo);
    assertThat(pipe.exitCode()).isEqualTo(1);
    assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void thePlanIsWrittenThroughALink() throws Exception {
    Path real = Files.writeString(temp.resolve("real-plan.json"), "old");
    Path link = Files.createSymbolicLink(temp.resolve("plan.json"), real);
    CliRun run = planTo(link);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("\"wslnet_version\"");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aLinkedWslConfigStaysALinkAndKeepsItsMode() throws Exception {
    SimDir host = SimDir.fresh(temp);
    Path dotfiles = Files.createDirectory(temp.resolve("dotfiles"));
    Path real = Files.writeString(dotfiles.resolve("wslconfig"), "[wsl2]\nmemory=4GB\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(host.path().resolve(".wslconfig"), real);
    CliRun apply =
        CliRun.run("apply", "-f", desired().toString(), "--host", host.spec(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("networkingMode=mirrored").contains("memory=4GB");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aReadOnlyWslConfigIsRefusedAndLeftAsItIs() throws Exception {
    SimDir host = SimDir.fresh(temp).wslconfig("[wsl2]\nmemory=4GB\n");
    Path wslconfig = host.path().resolve(".wslconfig");
    Files.setPosixFilePermissions(wslconfig, PosixFilePermissions.fromString("r--r--r--"));
    CliRun apply =
        CliRun.run("apply", "-f", desired().toString(), "--host", host.spec(), "--auto-approve");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out() + apply.err()).contains("is read-only");
    assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\nmemory=4GB\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wslconfig)))
        .isEqualTo("r--r--r--");
  }

  /**
   * Issue 10: /dev/zero ended in OutOfMemoryError, a pipe was drained by the check, sorted keys
   * read as YAML.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aPlanFileIsReadOnceAndNeverPastTheCap() throws Exception {
    SimDir host = SimDir.fresh(temp);
    CliRun zero = CliRun.run("apply", "/dev/zero", "--host", host.spec(), "--auto-approve");
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.err()).contains("is larger than");

    Path plan = temp.resolve("plan.json");
    CliRun.run("plan", "-f", desired().toString(), "--host", host.spec(), "--out", plan.toString());
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    var sorted = new java.util.TreeMap<String, Object>();
    json.readTree(Files.readString(plan))
        .properties()
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    Files.writeString(plan, json.writeValueAsString(sorted));

    Path fifo = temp.resolve("plan-pipe");
    assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "skipped: mkfifo is not available here");
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.write(fifo, Files.readAllBytes(plan));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    CliRun apply = CliRun.run("apply", fifo.toString(), "--host", host.spec(), "--auto-approve");
    writer.join(10_000);
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Converged");
  }

  /**
   * Issue 10: any simulator I/O problem read "cannot start powershell.exe", a lock "cannot lock X:
   * X".
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void fileProblemsAreSaidAsWhatTheyAre() throws Exception {
    SimDir host = SimDir.fresh(temp);
    Files.delete(host.hostJson());
    Files.createDirectory(host.hostJson());
    CliRun plan = CliRun.run("plan", "-f", desired().toString(), "--host", host.spec());
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("the simulated host " + host.path() + " cannot be read or written")
        .doesNotContain("cannot start");

    SimDir locked = SimDir.fresh(temp.resolve("locked"));
    Path lock = locked.path().resolve(".wslnet.lock");
    Files.deleteIfExists(lock);
    Files.createDirectory(lock);
    CliRun apply =
        CliRun.run("apply", "-f", desired().toString(), "--host", locked.spec(), "--auto-approve");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .contains("cannot lock " + lock + ": ")
        .doesNotContain(lock + ": " + lock);
  }

  /**
   * Issue 10: a .wslconfig that is not valid UTF-8 or UTF-16LE was rewritten with U+FFFD and lost
   * bytes. Now the change is refused, naming the offset, and not a byte changes.
   */
  @Test
  void aWslConfigThatCannotRoundTripIsLeftByteForByte() throws Exception {
    byte[] latin1 =
        "# caf\u00e9\n[wsl2]\nmemory=4GB\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] utf16be =
        concat(
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            "[wsl2]\nmemory=4GB\n".getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
    byte[] utf16leOdd =
        concat(
            concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "[wsl2]\nmemory=4GB\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
            new byte[] {0x41});
    byte[] loneSurrogate =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            concat(
                "# ".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                new byte[] {0x00, (byte) 0xD8, 0x0A, 0x00}));
    int index = 0;
    for (byte[] bytes : new byte[][] {latin1, utf16be, utf16leOdd, loneSurrogate}) {
      SimDir host = SimDir.fresh(temp.resolve("host" + index++));
      Path wslconfig = Files.write(host.path().resolve(".wslconfig"), bytes);
      CliRun apply =
          CliRun.run("apply", "-f", desired().toString(), "--host", host.spec(), "--auto-approve");
      assertThat(apply.exitCode()).as(apply.out()).isEqualTo(1);
      assertThat(apply.out()).contains("at offset").contains("changes nothing in it");
      assertThat(Files.readAllBytes(wslconfig)).isEqualTo(bytes);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
