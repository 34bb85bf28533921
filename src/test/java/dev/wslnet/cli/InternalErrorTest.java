package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A failure of wslnet itself: one line and exit 1 by default; the stack trace only with --debug.
 */
class InternalErrorTest {

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("kaboom");
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console =
        new Console(
            new BufferedReader(new StringReader("")),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.of(),
            false);
    CommandLine commandLine = Wslnet.commandLine(console);
    commandLine.addSubcommand("boom", new Boom());
    commandLine.setOut(console.out());
    commandLine.setErr(console.err());
    int exitCode = commandLine.execute(args);
    return new String[] {Integer.toString(exitCode), out.toString(), err.toString()};
  }

  @Test
  void withoutDebugOneLineAndExitOne() {
    String[] result = run("boom");
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1]).isEmpty();
    assertThat(result[2])
        .startsWith("error: kaboom")
        .contains("--debug")
        .doesNotContain("at dev.wslnet");
  }

  @Test
  void withDebugTheStackTrace() {
    String[] result = run("--debug", "boom");
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[2])
        .startsWith("error: kaboom")
        .contains("java.lang.IllegalStateException: kaboom")
        .contains("at dev.wslnet.cli.InternalErrorTest$Boom.call");
  }
}
