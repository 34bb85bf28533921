package dev.wslnet.watch;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people and Terraform write them (2s, 500ms, 15m, 1h30m), read and written in one
 * place: what the watch logs and the systemd unit passes to {@code --interval} must read back.
 */
public final class Durations {
  /** Task Scheduler's longest repetition interval (RepetitionPattern.Interval: P31D at most). */
  public static final Duration LONGEST = Duration.ofDays(31);

  public static final Duration SHORTEST = Duration.ofMillis(100);

  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,10}(?:ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,10})(ms|s|m|h)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException saying why, for what is no duration, or lies outside 100ms to
   *     31 days
   */
  public static Duration parse(String text) {
    if (text.length() > 32 || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is no duration: write a number and a unit (ms, s, m, h), e.g. 2s, 15m,"
              + " 1m30s");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
    }
    if (total.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException("'" + text + "' is too short: 100ms at least");
    }
    if (total.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too long: 31 days at most");
    }
    return total;
  }

  /** 500ms, 2s, 1m30s, 5m, 1h, 2h30m, 1h500ms: what {@link #parse} reads back as the same. */
  public static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    append(text, millis / 3_600_000, "h");
    append(text, millis % 3_600_000 / 60_000, "m");
    append(text, millis % 60_000 / 1000, "s");
    append(text, millis % 1000, "ms");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }
}
