package dev.wslnet.log;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One event as a log line: its time in UTC to the second, then what happened, on one line. Windows'
 * error texts often span lines; they are joined with " / ", and other control characters become
 * "?", so that no message can add a line that looks like another event.
 */
public final class LogLine {
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]");

  private LogLine() {}

  public static String of(Clock clock, String event) {
    String oneLine =
        CONTROL.matcher(LINE_BREAKS.matcher(event.strip()).replaceAll(" / ")).replaceAll("?");
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + oneLine;
  }
}
