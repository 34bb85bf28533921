package dev.wslnet.host;

/** A host cannot be reached, read or written; the message says what to do. */
public class HostException extends RuntimeException {
  public HostException(String message) {
    super(message);
  }

  public HostException(String message, Throwable cause) {
    super(message, cause);
  }
}
