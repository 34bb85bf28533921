package dev.wslnet.model;

import java.util.Objects;

/**
 * One change to .wslconfig: set a key to a value (as WSL should read it), or remove every
 * occurrence of it.
 */
public sealed interface WslEdit permits WslEdit.Set, WslEdit.Remove {
  WslKey key();

  record Set(WslKey key, String value) implements WslEdit {
    public Set {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  record Remove(WslKey key) implements WslEdit {
    public Remove {
      Objects.requireNonNull(key, "key");
    }
  }
}
