package dev.wslnet.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One change to .wslconfig: set a key to a value (as WSL should read it), or remove every
 * occurrence of it.
 */
public sealed interface WslEdit permits WslEdit.Set, WslEdit.Remove {
  WslKey key();

  /** The value WSL should read after the edit; empty when the key goes. */
  Optional<String> wanted();

  record Set(WslKey key, String value) implements WslEdit {
    public Set {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<String> wanted() {
      return Optional.of(value);
    }
  }

  record Remove(WslKey key) implements WslEdit {
    public Remove {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<String> wanted() {
      return Optional.empty();
    }
  }
}
