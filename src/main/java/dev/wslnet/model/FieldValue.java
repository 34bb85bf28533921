package dev.wslnet.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A firewall setting or rule field, compared the way Windows treats it: text without regard to
 * case, lists as sets. Canonical forms keep {@code TCP} and {@code tcp}, or {@code [80, 443]} and
 * {@code [443, 80]}, from showing up as drift.
 */
public sealed interface FieldValue permits FieldValue.Text, FieldValue.Flag, FieldValue.Texts {

  /** Whether Windows would hold the two as the same setting. */
  boolean sameAs(FieldValue other);

  /** The value as the plan shows it. */
  String display();

  record Text(String value) implements FieldValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean sameAs(FieldValue other) {
      return other instanceof Text text && text.value.equalsIgnoreCase(value);
    }

    @Override
    public String display() {
      return value;
    }
  }

  record Flag(boolean value) implements FieldValue {
    @Override
    public boolean sameAs(FieldValue other) {
      return other instanceof Flag flag && flag.value == value;
    }

    @Override
    public String display() {
      return Boolean.toString(value);
    }
  }

  record Texts(List<String> values) implements FieldValue {
    public Texts {
      values = List.copyOf(values);
    }

    /**
     * The set Windows means: an empty list is "all", as {@code [Any]} is. WSL's own code creates
     * its Hyper-V rules for all addresses by leaving the list empty (microsoft/WSL,
     * src/windows/common/WslCoreFirewallSupport.cpp, MakeDefaultFirewallRuleConfiguration: {@code
     * RemoteAddresses.clear(); // all remote addresses}).
     */
    private TreeSet<String> normalized() {
      TreeSet<String> set = new TreeSet<>();
      values.forEach(v -> set.add(v.toLowerCase(Locale.ROOT)));
      if (set.isEmpty()) {
        set.add("any");
      }
      return set;
    }

    @Override
    public boolean sameAs(FieldValue other) {
      return other instanceof Texts texts && texts.normalized().equals(normalized());
    }

    @Override
    public String display() {
      return "[" + String.join(", ", values) + "]";
    }
  }
}
