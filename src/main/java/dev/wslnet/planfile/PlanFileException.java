package dev.wslnet.planfile;

/** A saved plan cannot be written, read or applied; the message says why and what to do. */
public final class PlanFileException extends RuntimeException {
  public PlanFileException(String message) {
    super(message);
  }
}
