package dev.wslnet.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Hyper-V or Windows firewall rule: its name (its identity) and the fields it has, by the names
 * the desired-state file uses ({@code direction}, {@code localPorts}, …). A desired rule holds only
 * the fields the file declares; an observed rule holds what Windows reports.
 */
public record FirewallRule(String name, Map<String, FieldValue> fields) {

  public FirewallRule {
    Objects.requireNonNull(name, "name");
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  public Optional<FieldValue> field(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  /** This rule with one more field. */
  public FirewallRule with(String field, FieldValue value) {
    TreeMap<String, FieldValue> copy = new TreeMap<>(fields);
    copy.put(field, value);
    return new FirewallRule(name, copy);
  }
}
