package dev.wslnet.wslconfig;

import dev.wslnet.model.WslKey;
import java.util.Objects;
import java.util.Optional;

/** One declared .wslconfig key: a value as WSL should read it, or empty for "remove it". */
public record WslSetting(WslKey key, Optional<String> value) {
  public WslSetting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
