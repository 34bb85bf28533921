package dev.wslnet.host;

/** Another apply holds the host's lock. */
public final class HostBusyException extends HostException {
  public HostBusyException(String message) {
    super(message);
  }
}
