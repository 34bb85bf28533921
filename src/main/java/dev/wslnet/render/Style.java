package dev.wslnet.render;

/** ANSI styles, or none: colour is decided once per run, by the caller. */
public record Style(boolean color) {
  private static final String RESET = "\u001b[0m";

  public String green(String text) {
    return paint("\u001b[32m", text);
  }

  public String yellow(String text) {
    return paint("\u001b[33m", text);
  }

  public String red(String text) {
    return paint("\u001b[31m", text);
  }

  public String bold(String text) {
    return paint("\u001b[1m", text);
  }

  public String dim(String text) {
    return paint("\u001b[2m", text);
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
