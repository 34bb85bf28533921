package dev.wslnet.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people and Terraform write them: 2s, 500ms, 15m, 1h, 1m30s. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  /** Task Scheduler's longest repetition interval (RepetitionPattern.Interval: P31D at most). */
  static final Duration LONGEST = Duration.ofDays(31);

  @Override
  public Duration convert(String text) {
    if (text.length() > 32 || !WHOLE.matcher(text).matches()) {
      throw new TypeConversionException(
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
    if (total.toMillis() < 100) {
      throw new TypeConversionException("'" + text + "' is too short: 100ms at least");
    }
    if (total.compareTo(LONGEST) > 0) {
      throw new TypeConversionException("'" + text + "' is too long: 31 days at most");
    }
    return total;
  }
}
