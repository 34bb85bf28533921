package dev.wslnet.wslconfig;

/** An edit that WSL would not read back as intended; the file is left as it was. */
public final class WslConfigEditException extends RuntimeException {
  public WslConfigEditException(String message) {
    super(message);
  }
}
