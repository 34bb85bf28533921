package dev.wslnet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Waits for what a running wslnet writes to its log, for up to a minute. */
public final class LogFiles {
  private LogFiles() {}

  public static void awaitLine(Path log, String text) throws IOException, InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)")
        .contains(text);
  }
}
