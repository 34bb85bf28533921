package dev.wslnet.log;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One event as a log line: its time in UTC to the second, then what happened. */
public final class LogLine {
  private LogLine() {}

  public static String of(Clock clock, String event) {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + event;
  }
}
