package dev.wslnet.wslconfig;

/**
 * One key line WSL accepted, and where its parts stand in the text, as offsets: the line starts at
 * {@code lineStart}, the key spans [{@code keyStart}, {@code keyEnd}), the value as written (quotes
 * and escapes included) spans [{@code valueStart}, {@code valueEnd}), and what follows it (blanks,
 * a comment) runs to {@code lineEnd}, just before the line break.
 *
 * @param rawName the name as WSL's buffer holds it: section, a dot, the key, as written
 * @param name the lower-case name WSL matches, with [experimental] aliases folded into their [wsl2]
 *     key
 * @param value the value WSL stores
 * @param effective whether this is the occurrence WSL applies (the first of a known key)
 * @param known whether the key is in WSL's table
 * @param line WSL's line number for warnings about it
 */
public record KeyLine(
    String rawName,
    String keyName,
    int lineStart,
    int keyStart,
    int keyEnd,
    int valueStart,
    int valueEnd,
    int lineEnd,
    int line,
    String name,
    String value,
    boolean effective,
    boolean known) {

  KeyLine(
      String rawName,
      String keyName,
      int lineStart,
      int keyStart,
      int keyEnd,
      int valueStart,
      int valueEnd,
      int lineEnd,
      int line) {
    this(
        rawName,
        keyName,
        lineStart,
        keyStart,
        keyEnd,
        valueStart,
        valueEnd,
        lineEnd,
        line,
        "",
        "",
        false,
        false);
  }

  KeyLine withOutcome(String name, String value, boolean effective, boolean known) {
    return new KeyLine(
        rawName,
        keyName,
        lineStart,
        keyStart,
        keyEnd,
        valueStart,
        valueEnd,
        lineEnd,
        line,
        name,
        value,
        effective,
        known);
  }

  /** The section as written before the dot, empty for a key outside any section. */
  public String section() {
    int dot = rawName.indexOf('.');
    return dot < 0 ? "" : rawName.substring(0, dot);
  }
}
