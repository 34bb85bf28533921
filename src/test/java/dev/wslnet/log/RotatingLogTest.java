package dev.wslnet.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {
  @TempDir Path temp;

  @Test
  void appendsLinesAndCreatesTheFolder() throws IOException {
    Path file = temp.resolve("wslnet/converge.log");
    RotatingLog log = new RotatingLog(file);
    log.append("one");
    log.append("two ü");
    assertThat(Files.readAllLines(file)).containsExactly("one", "two ü");
  }

  @Test
  void aLineThatWouldPassTheLimitRotatesTheFileFirst() throws IOException {
    Path file = temp.resolve("converge.log");
    RotatingLog log = new RotatingLog(file, 30);
    String newline = System.lineSeparator();
    log.append("0123456789");
    log.append("0123456789");
    assertThat(Files.exists(temp.resolve("converge.log.1"))).isFalse();
    log.append("abcdefghij");
    assertThat(Files.readString(temp.resolve("converge.log.1")))
        .isEqualTo("0123456789" + newline + "0123456789" + newline);
    assertThat(Files.readString(file)).isEqualTo("abcdefghij" + newline);
    log.append("klmnopqrst");
    log.append("uvwxyz0123");
    assertThat(Files.readString(temp.resolve("converge.log.1")))
        .isEqualTo("abcdefghij" + newline + "klmnopqrst" + newline);
    assertThat(Files.readString(file)).isEqualTo("uvwxyz0123" + newline);
  }

  @Test
  void aLinkedLogIsRotatedBesideTheFileItNames() throws IOException {
    Path target = Files.createDirectory(temp.resolve("real")).resolve("converge.log");
    Files.writeString(target, "0123456789" + System.lineSeparator());
    Path link = Files.createSymbolicLink(temp.resolve("link.log"), target);
    new RotatingLog(link, 15).append("abcdefghij");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("abcdefghij" + System.lineSeparator());
    assertThat(Files.exists(temp.resolve("real/converge.log.1"))).isTrue();
  }

  @Test
  void anEventStaysOneLine() {
    java.time.Clock clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-12-05T10:00:00Z"), java.time.ZoneOffset.UTC);
    assertThat(LogLine.of(clock, "boom\r\n2026-01-01T00:00:00Z the host matches\u0007 "))
        .isEqualTo("2026-12-05T10:00:00Z boom / 2026-01-01T00:00:00Z the host matches?");
  }

  @Test
  void aLogThatCannotBeWrittenIsAnError() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("a-file-not-a-folder.log"));
    assertThatThrownBy(() -> new RotatingLog(folder).append("line"))
        .isInstanceOf(IOException.class);
  }
}
