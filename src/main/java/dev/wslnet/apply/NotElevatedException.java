package dev.wslnet.apply;

/** A change needs an administrator and the host's process is not elevated; nothing was changed. */
public final class NotElevatedException extends RuntimeException {
  public NotElevatedException(String message) {
    super(message);
  }
}
