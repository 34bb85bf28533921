package dev.wslnet.host;

import dev.wslnet.operation.Operation;
import java.util.Objects;
import java.util.Optional;

/** How one operation went; on failure, Windows' own error text. */
public record OperationResult(Operation operation, Optional<String> error) {

  public OperationResult {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(error, "error");
  }

  public static OperationResult ok(Operation operation) {
    return new OperationResult(operation, Optional.empty());
  }

  public static OperationResult failed(Operation operation, String error) {
    return new OperationResult(operation, Optional.of(error));
  }

  public boolean succeeded() {
    return error.isEmpty();
  }
}
