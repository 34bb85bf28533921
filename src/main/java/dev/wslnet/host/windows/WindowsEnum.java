package dev.wslnet.host.windows;

import dev.wslnet.model.FieldValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The enumerated properties of Windows' firewall CIM classes, read in either form Windows
 * PowerShell may print them: a name of the class's value map or its number, in any case. The
 * classes declare these properties as uint16, so a raw CIM instance gives numbers, and the cmdlets'
 * type data gives names; wslnet.ps1 converts numbers to names through the same maps, and this
 * reader accepts both, so that neither form can become drift that never converges.
 *
 * <p>Value maps from the WMI class references (MicrosoftDocs/win32,
 * desktop-src/FWP/wmi/wfascimprov): MSFT_NetFirewallRule and MSFT_NetFirewallHyperVRule
 * (msft-netfirewallrule.md, msft-netfirewallhypervrule.md) and MSFT_NetFirewallHyperVVMSetting
 * (msft-netfirewallhypervvmsetting.md).
 */
enum WindowsEnum {
  /** Rule Direction: Inbound (1), Outbound (2). */
  DIRECTION(Map.of(1, "Inbound", 2, "Outbound")),
  /**
   * Rule Action: Allow (2), AllowBypass (3), Block (4); Hyper-V rules use Allow (2) and Block (4).
   */
  RULE_ACTION(Map.of(2, "Allow", 3, "AllowBypass", 4, "Block")),
  /** Hyper-V VM setting DefaultInboundAction and DefaultOutboundAction. */
  SETTING_ACTION(Map.of(0, "NotConfigured", 2, "Allow", 4, "Block")),
  /**
   * Rule Enabled: Enabled (1), Disabled (2); the cmdlets print True and False (their -Enabled
   * parameter takes "True" and "False" strings). WSL's own code writes 0 for a disabled Hyper-V
   * rule (microsoft/WSL, src/windows/common/WslCoreFirewallSupport.cpp, c_ruleDisabled = 0), so 0
   * reads as False too.
   */
  RULE_ENABLED(Map.of(0, "False", 1, "True", 2, "False")),
  /**
   * Hyper-V VM setting Enabled, LoopbackEnabled and AllowHostPolicyMerge: Disabled (0), Enabled
   * (1), NotConfigured (2); note that 2 means NotConfigured here and Disabled for rules.
   */
  SETTING_SWITCH(Map.of(0, "False", 1, "True", 2, "NotConfigured")),
  /** Rule Profiles, a bitmask: Any (0), Domain (0x1), Private (0x2), Public (0x4). */
  PROFILES(Map.of(0, "Any", 1, "Domain", 2, "Private", 4, "Public"));

  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

  private final Map<Integer, String> names;

  WindowsEnum(Map<Integer, String> names) {
    this.names = names;
  }

  /** The enumeration of a rule field, if the field is one. */
  static Optional<WindowsEnum> ofRuleField(String field) {
    return switch (field) {
      case "direction" -> Optional.of(DIRECTION);
      case "action" -> Optional.of(RULE_ACTION);
      case "enabled" -> Optional.of(RULE_ENABLED);
      case "profiles" -> Optional.of(PROFILES);
      default -> Optional.empty();
    };
  }

  /** The enumeration of a Hyper-V VM setting, if the setting is one. */
  static Optional<WindowsEnum> ofSetting(String setting) {
    return switch (setting) {
      case "enabled", "loopbackEnabled", "allowHostPolicyMerge" -> Optional.of(SETTING_SWITCH);
      case "defaultInboundAction", "defaultOutboundAction" -> Optional.of(SETTING_ACTION);
      default -> Optional.empty();
    };
  }

  /**
   * The value in the file's form: booleans as flags, profiles as a list, other names as text with
   * the value map's spelling. A value outside the map stays as Windows printed it, so that it shows
   * in the plan instead of vanishing.
   */
  FieldValue read(String printed) {
    String text = printed.strip();
    if (this == PROFILES) {
      return profiles(text);
    }
    Optional<String> name = name(text);
    if (name.isEmpty()) {
      return new FieldValue.Text(text);
    }
    if (this == RULE_ENABLED || this == SETTING_SWITCH) {
      return switch (name.get()) {
        case "True" -> new FieldValue.Flag(true);
        case "False" -> new FieldValue.Flag(false);
        default -> new FieldValue.Text(name.get());
      };
    }
    return new FieldValue.Text(name.get());
  }

  /**
   * The value map's name for a number or a name in any case; Enabled and Disabled as True, False.
   */
  private Optional<String> name(String text) {
    if (isNumber(text)) {
      return Optional.ofNullable(names.get(Integer.parseInt(text)));
    }
    String alias =
        switch (text.toLowerCase(Locale.ROOT)) {
          case "enabled" -> "True";
          case "disabled" -> "False";
          default -> text;
        };
    for (String known : names.values()) {
      if (known.equalsIgnoreCase(alias)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /**
   * One to five ASCII digits, as a uint16 prints. A loop, not a regular expression: every observed
   * rule's enumerated fields are read here, 20,000 of them for 5,000 rules.
   */
  private static boolean isNumber(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code 6}, {@code "Private, Public"} or {@code "Any"} as a list of profile names. */
  private FieldValue profiles(String text) {
    if (isNumber(text)) {
      int mask = Integer.parseInt(text);
      if (mask == 0) {
        return new FieldValue.Texts(List.of("Any"));
      }
      List<String> profiles = new ArrayList<>();
      for (int bit : new int[] {1, 2, 4}) {
        if ((mask & bit) != 0) {
          profiles.add(names.get(bit));
        }
      }
      return (mask & ~7) == 0
          ? new FieldValue.Texts(profiles)
          : new FieldValue.Texts(List.of(text));
    }
    List<String> profiles = new ArrayList<>();
    for (String part : COMMA.split(text)) {
      profiles.add(name(part).orElse(part));
    }
    return new FieldValue.Texts(profiles);
  }
}
