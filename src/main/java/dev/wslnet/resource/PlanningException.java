package dev.wslnet.resource;

/** The desired state cannot be planned against this host, e.g. $wsl while no WSL VM runs. */
public final class PlanningException extends RuntimeException {
  public PlanningException(String message) {
    super(message);
  }
}
