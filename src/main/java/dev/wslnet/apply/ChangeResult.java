package dev.wslnet.apply;

import dev.wslnet.resource.Change;
import java.util.Objects;
import java.util.Optional;

/** How one change went; on failure, the error Windows (or the file system) gave. */
public record ChangeResult(Change change, Optional<String> error) {
  public ChangeResult {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(error, "error");
  }

  public boolean succeeded() {
    return error.isEmpty();
  }
}
