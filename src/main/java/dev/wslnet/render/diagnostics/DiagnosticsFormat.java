package dev.wslnet.render.diagnostics;

/** The output formats of {@code wslnet validate --format}. */
public enum DiagnosticsFormat {
  TEXT,
  JSON,
  GITHUB,
  SARIF;

  public DiagnosticsView view(boolean color, String toolVersion) {
    return switch (this) {
      case TEXT -> new TextDiagnosticsView(color);
      case JSON -> new JsonDiagnosticsView();
      case GITHUB -> new GithubDiagnosticsView();
      case SARIF -> new SarifDiagnosticsView(toolVersion);
    };
  }
}
