package dev.wslnet.host;

import dev.wslnet.model.ObservedState;
import java.util.List;
import java.util.Objects;

/**
 * What one apply round trip gives back: each operation's result, and the host as observed right
 * after.
 */
public record Applied(List<OperationResult> results, ObservedState observed) {
  public Applied {
    results = List.copyOf(results);
    Objects.requireNonNull(observed, "observed");
  }
}
