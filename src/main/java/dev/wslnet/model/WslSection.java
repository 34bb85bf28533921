package dev.wslnet.model;

/** The two .wslconfig sections that wslnet manages. */
public enum WslSection {
  WSL2("wsl2"),
  EXPERIMENTAL("experimental");

  private final String fileName;

  WslSection(String fileName) {
    this.fileName = fileName;
  }

  /** The section's name as written in the file and in wslnet.yaml. */
  public String fileName() {
    return fileName;
  }
}
