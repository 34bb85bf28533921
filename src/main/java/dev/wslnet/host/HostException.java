package dev.wslnet.host;

/** A host cannot be reached, read or written; the message says what to do. */
public class HostException extends RuntimeException {
  private final boolean changedNothing;

  public HostException(String message) {
    this(message, null, false);
  }

  public HostException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private HostException(String message, Throwable cause, boolean changedNothing) {
    super(message, cause);
    this.changedNothing = changedNothing;
  }

  /** Windows turned the request down before it changed anything, in its own words. */
  public static HostException refused(String message) {
    return new HostException(message, null, true);
  }

  /** Whether the host is known to be as it was before the request. */
  public boolean changedNothing() {
    return changedNothing;
  }
}
