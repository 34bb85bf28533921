package dev.wslnet.render.diagnostics;

import java.nio.file.Path;

/** The output formats of {@code wslnet validate --format}. */
public enum DiagnosticsFormat {
  TEXT,
  JSON,
  GITHUB,
  SARIF;

  public DiagnosticsView view(boolean color, String toolVersion) {
    return view(color, toolVersion, Path.of(""));
  }

  /**
   * @param sourceRoot the repository's root, which SARIF gives paths relative to
   */
  public DiagnosticsView view(boolean color, String toolVersion, Path sourceRoot) {
    return switch (this) {
      case TEXT -> new TextDiagnosticsView(color);
      case JSON -> new JsonDiagnosticsView();
      case GITHUB -> new GithubDiagnosticsView();
      case SARIF -> new SarifDiagnosticsView(toolVersion, sourceRoot);
    };
  }
}
