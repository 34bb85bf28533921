package dev.wslnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the real entry point with captured streams, as a user's shell would, minus the process. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(String... args) {
    return run(Map.of(), false, args);
  }

  public static CliRun run(Map<String, String> environment, boolean interactive, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), environment, interactive);
    int exitCode = Wslnet.run(console, args);
    // Windows' println writes CRLF; tests compare with LF.
    return new CliRun(exitCode, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }
}
