package dev.wslnet.diagnostic;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a file.
 *
 * @param file the file as the user named it
 * @param span where in the file, when the problem has a place
 * @param path the YAML path of the offending node ({@code portProxy.rules[0].listenPort}), when
 *     there is one
 * @param sourceLine the text of the span's line, for showing it with a caret
 * @param hint how to fix it, when wslnet knows
 */
public record Diagnostic(
    Code code,
    Severity severity,
    String message,
    String file,
    Optional<SourceSpan> span,
    Optional<String> path,
    Optional<String> sourceLine,
    Optional<String> hint) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sourceLine, "sourceLine");
    Objects.requireNonNull(hint, "hint");
  }

  /** A problem with the file as a whole, such as a missing file, with the code's own severity. */
  public static Diagnostic ofFile(Code code, String file, String message, String hint) {
    return new Diagnostic(
        code,
        code.severity(),
        message,
        file,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(hint));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
