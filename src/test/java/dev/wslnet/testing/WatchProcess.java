package dev.wslnet.testing;

import java.io.IOException;
import java.nio.file.Path;

/** {@code wslnet watch} started through the app folder's launcher, as a user starts it. */
public final class WatchProcess {
  public static final Path LAUNCHER = Path.of("target/wslnet/bin/wslnet").toAbsolutePath();

  private WatchProcess() {}

  /** Watches {@code file} on {@code sim} every 200 ms, logging to {@code log}; output to files. */
  public static Process start(SimDir sim, Path file, Path log, Path out, Path err)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            LAUNCHER.toString(),
            "watch",
            "-f",
            file.toString(),
            "--host",
            sim.spec(),
            "--interval",
            "200ms",
            "--log",
            log.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    return builder.start();
  }
}
