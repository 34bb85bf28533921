package dev.wslnet.host.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * A program's arguments as one Windows command line, and back: Windows passes a program a single
 * string, which the C runtime of the program (java.exe, wslnet.exe) splits as {@code
 * CommandLineToArgvW} does. A scheduled task's action keeps its arguments as that one string
 * (New-ScheduledTaskAction -Argument), so wslnet writes it here, from data, never by pasting a path
 * into script text.
 *
 * <p>The rules (Microsoft's "Parsing C command-line arguments" and CommandLineToArgvW references):
 * arguments are separated by spaces or tabs; a double quote starts or ends a quoted part, in which
 * spaces and tabs are kept; backslashes are literal unless they come before a double quote, where
 * each pair is one backslash and an odd one escapes the quote.
 */
public final class WindowsCommandLine {
  private WindowsCommandLine() {}

  /**
   * cmd.exe's own special characters, which a batch file's command line must keep inside quotes
   * (cmd.exe's help, "cmd /?": the characters that need quotes), besides the C runtime's.
   */
  public static final String BATCH_SPECIALS = "&|<>^(),;=";

  /** The command line that splits back into exactly these arguments. */
  public static String join(List<String> arguments) {
    return join(arguments, "");
  }

  /**
   * The same, also quoting every argument that holds one of {@code alsoQuoted}: {@link
   * #BATCH_SPECIALS} for a program that cmd.exe runs.
   */
  public static String join(List<String> arguments, String alsoQuoted) {
    List<String> quoted = new ArrayList<>();
    for (String argument : arguments) {
      quoted.add(quote(argument, alsoQuoted));
    }
    return String.join(" ", quoted);
  }

  private static String quote(String argument, String alsoQuoted) {
    boolean plain =
        !argument.isEmpty()
            && argument
                .chars()
                .noneMatch(c -> c == ' ' || c == '\t' || c == '"' || alsoQuoted.indexOf(c) >= 0);
    if (plain) {
      return argument;
    }
    StringBuilder text = new StringBuilder("\"");
    int backslashes = 0;
    for (char c : argument.toCharArray()) {
      if (c == '\\') {
        backslashes++;
        continue;
      }
      if (c == '"') {
        // The backslashes before a quote are doubled, and the quote itself escaped.
        text.append("\\".repeat(backslashes * 2 + 1)).append('"');
      } else {
        text.append("\\".repeat(backslashes)).append(c);
      }
      backslashes = 0;
    }
    // Before the closing quote, backslashes are doubled too.
    return text.append("\\".repeat(backslashes * 2)).append('"').toString();
  }

  /** The arguments a program receives from this command line (its own name not included). */
  public static List<String> split(String commandLine) {
    List<String> arguments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inArgument = false;
    boolean quoted = false;
    int i = 0;
    while (i < commandLine.length()) {
      char c = commandLine.charAt(i);
      if ((c == ' ' || c == '\t') && !quoted) {
        if (inArgument) {
          arguments.add(current.toString());
          current.setLength(0);
          inArgument = false;
        }
        i++;
        continue;
      }
      inArgument = true;
      if (c == '\\') {
        int backslashes = 0;
        while (i < commandLine.length() && commandLine.charAt(i) == '\\') {
          backslashes++;
          i++;
        }
        if (i < commandLine.length() && commandLine.charAt(i) == '"') {
          current.append("\\".repeat(backslashes / 2));
          if (backslashes % 2 == 1) {
            current.append('"');
            i++;
          }
        } else {
          current.append("\\".repeat(backslashes));
        }
        continue;
      }
      if (c == '"') {
        // Inside quotes, "" is a literal quote (the C runtime since 2008).
        if (quoted && i + 1 < commandLine.length() && commandLine.charAt(i + 1) == '"') {
          current.append('"');
          i += 2;
          continue;
        }
        quoted = !quoted;
        i++;
        continue;
      }
      current.append(c);
      i++;
    }
    if (inArgument) {
      arguments.add(current.toString());
    }
    return arguments;
  }
}
