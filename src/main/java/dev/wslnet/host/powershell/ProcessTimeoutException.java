package dev.wslnet.host.powershell;

import java.io.IOException;

/** A process that did not finish in time; it has been killed. */
public final class ProcessTimeoutException extends IOException {
  public ProcessTimeoutException(String message) {
    super(message);
  }
}
