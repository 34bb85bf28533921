package dev.wslnet.diagnostic;

/** How bad a diagnostic is; the order is from worst to mildest. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word used in every output format: {@code error} or {@code warning}. */
  public String label() {
    return label;
  }
}
