package dev.wslnet.wslconfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A .wslconfig as WSL reads it.
 *
 * @param values every accepted key, lower-case {@code section.key}, to the value WSL stores (first
 *     occurrence)
 * @param complete false when WSL stopped reading early (an invalid macAddress)
 */
public record ParsedWslConfig(
    WslConfigText file,
    Map<String, String> values,
    List<WslConfigWarning> warnings,
    List<KeyLine> keyLines,
    List<SectionHeader> headers,
    boolean complete) {

  public ParsedWslConfig {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    warnings = List.copyOf(warnings);
    keyLines = List.copyOf(keyLines);
    headers = List.copyOf(headers);
  }

  /** The value WSL applies for a lower-case qualified name such as {@code wsl2.networkingmode}. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The key line WSL applies for a name, if it is in the file. */
  public Optional<KeyLine> effectiveLine(String name) {
    return keyLines.stream().filter(k -> k.effective() && k.name().equals(name)).findFirst();
  }
}
