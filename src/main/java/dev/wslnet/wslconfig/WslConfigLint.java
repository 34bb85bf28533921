package dev.wslnet.wslconfig;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What WSL would trip on in an existing .wslconfig, as warnings at WSL's own line numbers. */
public final class WslConfigLint {
  private static final Set<String> PATH_KEYS =
      Set.of(
          "wsl2.kernel",
          "wsl2.kernelmodules",
          "wsl2.swapfile",
          "wsl2.debugconsolelogfile",
          "wsl2.crashdumpfolder",
          "general.distributioninstallpath");

  private WslConfigLint() {}

  public static List<Diagnostic> check(ParsedWslConfig parsed, String file) {
    List<String> lines = parsed.file().text().lines().toList();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (WslConfigWarning warning : parsed.warnings()) {
      Optional<KeyLine> keyLine =
          parsed.keyLines().stream().filter(k -> k.line() == warning.line()).findFirst();
      String key = keyLine.map(KeyLine::rawName).orElse("");
      String value = keyLine.map(KeyLine::value).orElse("");
      Diagnostic diagnostic =
          switch (warning.kind()) {
            case "unknown-key" ->
                at(
                    Code.WSLCONFIG_UNKNOWN_KEY,
                    file,
                    lines,
                    warning.line(),
                    "WSL does not know `" + key + "` and ignores it",
                    unknownKeyHint(key));
            case "duplicate" ->
                at(
                    Code.WSLCONFIG_DUPLICATE_KEY,
                    file,
                    lines,
                    warning.line(),
                    "`"
                        + key
                        + "` is set again; WSL applies the first occurrence and ignores this one",
                    "remove one of them");
            case "invalid-bool", "invalid-int", "invalid-memory", "invalid-enum", "invalid-ip" ->
                at(
                    Code.WSLCONFIG_INVALID_VALUE,
                    file,
                    lines,
                    warning.line(),
                    "WSL rejects `" + value + "` for `" + key + "` and keeps its default",
                    valueHint(warning.kind()));
            case "invalid-mac" ->
                at(
                    Code.WSLCONFIG_STOPS_READING,
                    file,
                    lines,
                    warning.line(),
                    "`"
                        + value
                        + "` is not a MAC address; WSL stops reading .wslconfig here and applies"
                        + " nothing after it",
                    "fix or remove macAddress");
            case "invalid-escape" -> escapeOrSkipped(file, lines, warning.line());
            default ->
                at(
                    Code.WSLCONFIG_SKIPPED_LINE,
                    file,
                    lines,
                    warning.line(),
                    "WSL skips this line: " + warning.kind(),
                    "`#` starts a comment (not `;`); headers are [name]; keys are name=value");
          };
      diagnostics.add(diagnostic);
    }
    for (KeyLine line : parsed.keyLines()) {
      if (line.effective()
          && PATH_KEYS.contains(line.name())
          && line.value().matches("(?s).*[\\t\\n\\x08].*")) {
        diagnostics.add(
            at(
                Code.WSLCONFIG_UNESCAPED_BACKSLASH,
                file,
                lines,
                line.line(),
                "WSL reads a tab, newline or backspace in `"
                    + line.rawName()
                    + "`: a single backslash before t, n or b "
                    + "is an escape",
                "double every backslash: C:\\\\temp\\\\kernel"));
      }
    }
    diagnostics.sort(
        java.util.Comparator.comparingInt(d -> d.span().map(span -> span.line()).orElse(-1)));
    return diagnostics;
  }

  private static Diagnostic escapeOrSkipped(String file, List<String> lines, int line) {
    String text = line - 1 < lines.size() ? lines.get(line - 1) : "";
    boolean looksLikePath = text.matches("(?i).*=\\s*\"?[a-z]:\\\\[^\\\\].*");
    return looksLikePath
        ? at(
            Code.WSLCONFIG_UNESCAPED_BACKSLASH,
            file,
            lines,
            line,
            "WSL skips this line: a single backslash in a Windows path is an invalid escape",
            "double every backslash: C:\\\\temp\\\\kernel")
        : at(
            Code.WSLCONFIG_SKIPPED_LINE,
            file,
            lines,
            line,
            "WSL skips this line: invalid escape",
            "a backslash escapes only \\\\, \\\", b, n, t or a line break");
  }

  private static String unknownKeyHint(String key) {
    int dot = key.indexOf('.');
    String name = (dot < 0 ? key : key.substring(dot + 1)).toLowerCase(Locale.ROOT);
    if (dot < 0) {
      return "put it under a [wsl2] or [experimental] header";
    }
    if (WslConfigKeyTable.typeOf("experimental." + name).isPresent()) {
      return "move it under [experimental]";
    }
    if (WslConfigKeyTable.typeOf("wsl2." + name).isPresent()) {
      return "move it under [wsl2]";
    }
    return WslConfigKeyTable.knowsKeyNamed(name)
        ? "check the section header"
        : "remove it: WSL no longer knows it";
  }

  private static String valueHint(String kind) {
    return switch (kind) {
      case "invalid-bool" -> "write true or false";
      case "invalid-memory" -> "write a whole number with a unit and no space, e.g. 8GB";
      case "invalid-int" -> "write a whole number";
      case "invalid-ip" -> "write a dotted-quad IPv4 address";
      default -> "use one of the values WSL documents";
    };
  }

  private static Diagnostic at(
      Code code, String file, List<String> lines, int line, String message, String hint) {
    Optional<String> text =
        line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    Optional<SourceSpan> span = text.map(t -> new SourceSpan(line - 1, 0, Math.max(1, t.length())));
    return new Diagnostic(
        code,
        code.severity(),
        message,
        file,
        span,
        Optional.empty(),
        text,
        Optional.ofNullable(hint));
  }
}
