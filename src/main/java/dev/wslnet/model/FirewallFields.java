package dev.wslnet.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of firewall rules and Hyper-V VM settings, and the value Windows gives a field nobody
 * set (reference: wsl-facts.md 3.2, 3.3).
 */
public final class FirewallFields {
  public static final List<String> RULE_FIELDS =
      List.of(
          "displayName",
          "description",
          "enabled",
          "direction",
          "action",
          "protocol",
          "localPorts",
          "remotePorts",
          "localAddresses",
          "remoteAddresses",
          "profiles",
          "program",
          "interfaceAliases");
  public static final Set<String> LIST_FIELDS =
      Set.of(
          "localPorts",
          "remotePorts",
          "localAddresses",
          "remoteAddresses",
          "profiles",
          "interfaceAliases");
  public static final List<String> HYPER_V_SETTINGS =
      List.of(
          "enabled",
          "defaultInboundAction",
          "defaultOutboundAction",
          "loopbackEnabled",
          "allowHostPolicyMerge");

  private static final Map<String, FieldValue> RULE_DEFAULTS =
      Map.of(
          "enabled", new FieldValue.Flag(true),
          "direction", new FieldValue.Text("Inbound"),
          "action", new FieldValue.Text("Allow"),
          "protocol", new FieldValue.Text("Any"),
          "localPorts", new FieldValue.Texts(List.of("Any")),
          "remotePorts", new FieldValue.Texts(List.of("Any")),
          "localAddresses", new FieldValue.Texts(List.of("Any")),
          "remoteAddresses", new FieldValue.Texts(List.of("Any")),
          "profiles", new FieldValue.Texts(List.of("Any")),
          "description", new FieldValue.Text(""));

  /**
   * The VM settings Windows reports for WSL's VM creator when nobody changed them (observed, 3.3).
   */
  public static final Map<String, FieldValue> HYPER_V_SETTING_DEFAULTS =
      Map.of(
          "enabled", new FieldValue.Flag(true),
          "defaultInboundAction", new FieldValue.Text("Block"),
          "defaultOutboundAction", new FieldValue.Text("Allow"),
          "loopbackEnabled", new FieldValue.Flag(true),
          "allowHostPolicyMerge", new FieldValue.Flag(true));

  /**
   * Text a person reads keeps its case: Windows shows a display name or description as written, so
   * "My Web Server" is a change from "my web server". Names, keywords and addresses are compared as
   * Windows matches them, without case.
   */
  private static final Set<String> CASE_KEPT = Set.of("displayName", "description");

  private FirewallFields() {}

  /** Whether Windows holds the two values of a field as the same. */
  public static boolean same(String field, FieldValue a, FieldValue b) {
    return CASE_KEPT.contains(field) ? a.equals(b) : a.sameAs(b);
  }

  /**
   * What Windows reports for a field a rule was created without; the display name defaults to the
   * name.
   */
  public static Optional<FieldValue> ruleDefault(String field, String ruleName) {
    if (field.equals("displayName")) {
      return Optional.of(new FieldValue.Text(ruleName));
    }
    return Optional.ofNullable(RULE_DEFAULTS.get(field));
  }

  /** A rule as Windows stores it after creating it with these fields: every field has a value. */
  public static FirewallRule withDefaults(FirewallRule rule) {
    FirewallRule complete = rule;
    for (String field : RULE_FIELDS) {
      if (rule.field(field).isEmpty()) {
        Optional<FieldValue> value = ruleDefault(field, rule.name());
        if (value.isPresent()) {
          complete = complete.with(field, value.get());
        }
      }
    }
    return complete;
  }
}
