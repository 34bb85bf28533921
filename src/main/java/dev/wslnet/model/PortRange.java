package dev.wslnet.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A port or an inclusive range of ports, as firewall rules write them: {@code 80} or {@code
 * 8000-8010}.
 */
public record PortRange(int first, int last) {
  public static final int LOWEST = 1;
  public static final int HIGHEST = 65535;
  private static final Pattern SHAPE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

  public PortRange {
    if (first < LOWEST || last > HIGHEST || first > last) {
      throw new IllegalArgumentException("bad port range " + first + "-" + last);
    }
  }

  /**
   * Reads {@code 80} or {@code 8000-8010}; empty when the text is not of that shape or the numbers
   * are out of order or outside 1-65535.
   */
  public static Optional<PortRange> parse(String text) {
    var matcher = SHAPE.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int first = Integer.parseInt(matcher.group(1));
    int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
    if (first < LOWEST || last > HIGHEST || first > last) {
      return Optional.empty();
    }
    return Optional.of(new PortRange(first, last));
  }

  public boolean contains(int port) {
    return first <= port && port <= last;
  }

  @Override
  public String toString() {
    return first == last ? Integer.toString(first) : first + "-" + last;
  }
}
