package dev.wslnet.diagnostic;

/**
 * A stretch of one line of a source file. Lines and columns are 0-based, as snakeyaml-engine's
 * marks are; {@link #lineNumber()} and {@link #columnNumber()} give the 1-based numbers people
 * read.
 */
public record SourceSpan(int line, int column, int endColumn) {

  public SourceSpan {
    if (line < 0 || column < 0 || endColumn < column) {
      throw new IllegalArgumentException("bad span " + line + ":" + column + "-" + endColumn);
    }
  }

  public static SourceSpan at(int line, int column) {
    return new SourceSpan(line, column, column + 1);
  }

  public int lineNumber() {
    return line + 1;
  }

  public int columnNumber() {
    return column + 1;
  }

  /** The 1-based column just past the span's last character. */
  public int endColumnNumber() {
    return endColumn + 1;
  }
}
