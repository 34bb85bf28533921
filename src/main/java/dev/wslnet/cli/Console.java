package dev.wslnet.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command writes and what it knows of its terminal. stdout carries the command's result
 * only; progress, prompts and errors go to stderr.
 *
 * @param interactive whether stdin and stdout are a terminal
 */
public record Console(
    BufferedReader in,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> environment,
    boolean interactive) {

  public Console {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    environment = Map.copyOf(environment);
  }

  public static Console system() {
    return new Console(
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.getenv(),
        System.console() != null);
  }

  /**
   * Colour only on a terminal, and never with NO_COLOR set (https://no-color.org) or --no-color.
   */
  public boolean color(boolean noColorFlag) {
    String noColor = environment.get("NO_COLOR");
    return interactive && !noColorFlag && (noColor == null || noColor.isEmpty());
  }
}
