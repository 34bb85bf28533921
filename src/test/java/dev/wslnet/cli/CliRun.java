package dev.wslnet.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** Runs the real entry point with captured streams, as a user's shell would, minus the process. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(String... args) {
    return run(Map.of(), false, args);
  }

  public static CliRun run(Map<String, String> environment, boolean interactive, String... args) {
    return runWithInput(environment, interactive, "", args);
  }

  /** With {@code input} as what the user types. */
  public static CliRun runWithInput(
      Map<String, String> environment, boolean interactive, String input, String... args) {
    return runWithInput(environment, interactive, interactive, input, args);
  }

  /**
   * @param interactive stdin and stdout are a terminal
   * @param promptable stdin and stderr are a terminal (stdout may be piped)
   */
  public static CliRun runWithInput(
      Map<String, String> environment,
      boolean interactive,
      boolean promptable,
      String input,
      String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console =
        new Console(
            new BufferedReader(new StringReader(input)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            environment,
            interactive,
            promptable);
    int exitCode = Wslnet.run(console, args);
    // Windows' println writes CRLF; tests compare with LF.
    return new CliRun(
        exitCode, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }
}
