package dev.wslnet.render;

/**
 * Text from a file or from Windows as a terminal line may show it: control characters and the
 * bidirectional controls escaped ({@code \n}, {@code \x1b}, {@code \u202e}), so that no value can
 * start a line of its own (GitHub Actions reads a line that starts {@code ::error} as a command),
 * move the cursor, colour the terminal, or reorder what a reader sees. Tabs stay.
 */
public final class Visible {
  private Visible() {}

  public static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder shown = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape != null && shown == null) {
        shown = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (shown != null) {
        shown.append(escape != null ? escape : String.valueOf(c));
      }
    }
    return shown == null ? text : shown.toString();
  }

  /** At most {@code limit} characters of {@link #of}, with … when cut. */
  public static String of(String text, int limit) {
    String shown = of(text);
    return shown.length() > limit ? shown.substring(0, limit) + "…" : shown;
  }

  private static String escape(char c) {
    if (c == '\t') {
      return null;
    }
    if (c == '\n') {
      return "\\n";
    }
    if (c == '\r') {
      return "\\r";
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return String.format("\\x%02x", (int) c);
    }
    boolean invisible =
        (c >= '\u202a' && c <= '\u202e')
            || (c >= '\u2066' && c <= '\u2069')
            || c == '\u200e'
            || c == '\u200f'
            || c == '\u061c'
            || c == '\u2028'
            || c == '\u2029';
    return invisible ? String.format("\\u%04x", (int) c) : null;
  }
}
