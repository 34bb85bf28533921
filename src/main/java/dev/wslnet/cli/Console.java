package dev.wslnet.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a command writes and what it knows of its terminal. stdout carries the command's result
 * only; progress, prompts and errors go to stderr.
 *
 * @param interactive whether stdin and stdout are a terminal: colour
 * @param promptable whether stdin and stderr are a terminal, where a person can answer a prompt
 *     whatever stdout is ({@code apply | tee log})
 */
public record Console(
    BufferedReader in,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> environment,
    boolean interactive,
    boolean promptable) {

  public Console {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    environment = Map.copyOf(environment);
  }

  /** A console whose prompts go where its output goes: both terminals, or neither. */
  public Console(
      BufferedReader in,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      boolean interactive) {
    this(in, out, err, environment, interactive, interactive);
  }

  /**
   * The process's streams. Output that goes to a file or a pipe is UTF-8, whatever the locale: a
   * JSON, SARIF or schema document read by another program must not lose characters because the job
   * ran without LANG (Java 17 writes US-ASCII then, and a character it cannot encode as '?'). A
   * terminal gets its own encoding. The writers sit on the file descriptors themselves, not on
   * System.out: a PrintStream keeps a failed write to itself, and a full disk must fail the
   * command.
   */
  public static Console system() {
    java.io.Console terminal = System.console();
    Charset output = terminal != null ? terminal.charset() : StandardCharsets.UTF_8;
    return new Console(
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), output), true),
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), output), true),
        System.getenv(),
        terminal != null,
        stdinAndStderrAreTerminals().orElse(terminal != null));
  }

  /**
   * Java 17 has no way to ask whether stdin and stderr are terminals. On Windows the .exe and
   * PowerShell launchers ask Windows and say so in the property wslnet.terminal ({@code
   * stdin,stderr} or {@code none}); on Linux (and inside WSL) the file descriptors' links name the
   * terminal device (proc(5): /proc/self/fd). Empty when neither tells (wslnet.cmd).
   */
  private static Optional<Boolean> stdinAndStderrAreTerminals() {
    String told = System.getProperty("wslnet.terminal");
    if (told != null) {
      return Optional.of(told.contains("stdin") && told.contains("stderr"));
    }
    if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
      return Optional.empty();
    }
    return Optional.of(isTerminal(0) && isTerminal(2));
  }

  private static boolean isTerminal(int descriptor) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + descriptor)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * Colour only on a terminal, and never with NO_COLOR set (https://no-color.org), --no-color, or
   * TERM=dumb (a terminal that declares it understands no escape sequences).
   */
  public boolean color(boolean noColorFlag) {
    String noColor = environment.get("NO_COLOR");
    return interactive
        && !noColorFlag
        && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(environment.get("TERM"));
  }
}
