package dev.wslnet.config.rules;

import dev.wslnet.config.rules.RuleContext.Target;
import dev.wslnet.config.yaml.JsonPointers;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.WslKey;
import dev.wslnet.model.WslSection;
import dev.wslnet.model.WslValueType;
import dev.wslnet.wslconfig.WslConfigEditor;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * What WSL would ignore or reject in the .wslconfig part of a desired-state file (reference:
 * wsl-facts.md 1.3-1.4).
 */
final class WslConfigRules implements SemanticRule {
  private static final String WSL2 = "/wslconfig/wsl2/";
  private static final String EXPERIMENTAL = "/wslconfig/experimental/";

  @Override
  public void check(RuleContext context) {
    checkMirroredOnlyKeys(context);
    checkModeSpecificKeys(context);
    checkDependentKeys(context);
    checkDnsTunnelingAddress(context);
    checkBridged(context);
    checkValueText(context);
  }

  private static void checkMirroredOnlyKeys(RuleContext context) {
    if (context.isMirrored()) {
      return;
    }
    String why =
        context
            .networkingMode()
            .map(mode -> "networkingMode is " + mode + ", not mirrored")
            .orElse("this file does not set networkingMode: mirrored");
    if (context.bool(EXPERIMENTAL + "hostAddressLoopback").orElse(false)) {
      context.report(
          Code.MIRRORED_ONLY_KEY,
          EXPERIMENTAL + "hostAddressLoopback",
          Target.KEY,
          "WSL ignores hostAddressLoopback: " + why,
          "set wslconfig.wsl2.networkingMode: mirrored, or remove it");
    }
    if (context.at(EXPERIMENTAL + "ignoredPorts").isArray()
        && !context.at(EXPERIMENTAL + "ignoredPorts").isEmpty()) {
      context.report(
          Code.MIRRORED_ONLY_KEY,
          EXPERIMENTAL + "ignoredPorts",
          Target.KEY,
          "WSL ignores ignoredPorts: " + why,
          "set wslconfig.wsl2.networkingMode: mirrored, or remove it");
    }
  }

  private static void checkModeSpecificKeys(RuleContext context) {
    if (context.isMirrored()) {
      if (context.declares(WSL2 + "localhostForwarding")) {
        context.report(
            Code.IGNORED_IN_MODE,
            WSL2 + "localhostForwarding",
            Target.KEY,
            "localhostForwarding has no effect in mirrored mode; WSL warns about it at every start",
            "remove it, or set it to null to remove it from .wslconfig");
      }
      if (context.declares(WSL2 + "dnsProxy")) {
        context.report(
            Code.IGNORED_IN_MODE,
            WSL2 + "dnsProxy",
            Target.KEY,
            "dnsProxy applies only to nat mode; mirrored mode ignores it",
            "remove it");
      }
      if (context.bool(WSL2 + "firewall").filter(on -> !on).isPresent()) {
        context.report(
            Code.IGNORED_IN_MODE,
            WSL2 + "firewall",
            Target.VALUE,
            "mirrored mode always keeps the Hyper-V firewall on; firewall: false has no effect",
            "remove it, and allow traffic with hyperVFirewall rules instead");
      }
    }
    Optional<String> mode = context.networkingMode();
    if (mode.filter(m -> m.equals("none") || m.equals("bridged")).isPresent()
        && context.bool(WSL2 + "dnsTunneling").orElse(false)) {
      context.report(
          Code.IGNORED_IN_MODE,
          WSL2 + "dnsTunneling",
          Target.VALUE,
          "DNS tunneling works only in nat, mirrored and virtioproxy modes; WSL turns it off in "
              + mode.get()
              + " mode",
          "remove it");
    }
  }

  private static void checkDependentKeys(RuleContext context) {
    if (context.bool(WSL2 + "dnsTunneling").filter(on -> !on).isPresent()) {
      for (String key : new String[] {"bestEffortDnsParsing", "dnsTunnelingIpAddress"}) {
        if (context.declares(EXPERIMENTAL + key)) {
          context.report(
              Code.NEEDS_OTHER_SETTING,
              EXPERIMENTAL + key,
              Target.KEY,
              key + " applies only with DNS tunneling, which this file turns off",
              "remove it, or set dnsTunneling: true");
        }
      }
    }
    if (context.bool(WSL2 + "autoProxy").filter(on -> !on).isPresent()
        && context.declares(EXPERIMENTAL + "initialAutoProxyTimeout")) {
      context.report(
          Code.NEEDS_OTHER_SETTING,
          EXPERIMENTAL + "initialAutoProxyTimeout",
          Target.KEY,
          "initialAutoProxyTimeout applies only with autoProxy, which this file turns off",
          "remove it, or set autoProxy: true");
    }
  }

  private static void checkDnsTunnelingAddress(RuleContext context) {
    context
        .string(EXPERIMENTAL + "dnsTunnelingIpAddress")
        .filter(address -> !IpLiteral.isIpv4(address))
        .ifPresent(
            address ->
                context.report(
                    Code.INVALID_DNS_TUNNELING_ADDRESS,
                    EXPERIMENTAL + "dnsTunnelingIpAddress",
                    Target.VALUE,
                    "\""
                        + address
                        + "\" is not a dotted-quad IPv4 address; WSL would turn DNS tunneling off",
                    "use an IPv4 address such as 10.255.255.254 (WSL's default)"));
  }

  private static void checkBridged(RuleContext context) {
    if (context.networkingMode().filter("bridged"::equals).isEmpty()) {
      return;
    }
    context.report(
        Code.DEPRECATED_MODE,
        WSL2 + "networkingMode",
        Target.VALUE,
        "bridged networking is deprecated since WSL 2.4.5",
        "consider mirrored, or nat with portProxy rules");
    if (!context.declares(WSL2 + "vmSwitch")) {
      context.report(
          Code.BRIDGED_WITHOUT_SWITCH,
          WSL2 + "networkingMode",
          Target.VALUE,
          "bridged networking requires wsl2.vmSwitch, which this file does not set",
          "add wslconfig.wsl2.vmSwitch: <name of a Hyper-V external switch>");
    }
  }

  /**
   * Walks the keys a file declares, not every key WSL knows: validate runs this for each of
   * thousands of files.
   */
  private static void checkValueText(RuleContext context) {
    for (WslSection section : WslSection.values()) {
      String sectionPointer = "/wslconfig/" + section.fileName();
      for (Map.Entry<String, JsonNode> field : context.at(sectionPointer).properties()) {
        Optional<WslKey> key = WslKey.find(section, field.getKey());
        if (key.isPresent() && field.getValue().isString()) {
          checkValueText(
              context,
              key.get(),
              JsonPointers.child(sectionPointer, field.getKey()),
              field.getValue().asString());
        }
      }
    }
  }

  private static void checkValueText(RuleContext context, WslKey key, String pointer, String text) {
    OptionalInt unwritable = WslConfigEditor.firstUnwritable(text);
    if (unwritable.isPresent()) {
      context.report(
          Code.UNWRITABLE_WSLCONFIG_VALUE,
          pointer,
          Target.VALUE,
          "the value holds the control character U+"
              + String.format("%04X", (int) text.charAt(unwritable.getAsInt()))
              + " at position "
              + (unwritable.getAsInt() + 1)
              + ", which no .wslconfig line can carry",
          "remove it; WSL reads only \\t, \\n and \\b as escapes");
      return;
    }
    if (text.chars().anyMatch(c -> c > 0x7E || c < 0x20 && c != '\t')) {
      context.report(
          Code.NON_ASCII_VALUE,
          pointer,
          Target.VALUE,
          "the value holds characters outside printable ASCII, which WSL's parser mangles",
          "use a path or text in plain ASCII, e.g. a short 8.3 path or another folder");
    }
    if (key.type() == WslValueType.WINDOWS_PATH && text.indexOf("\\\\", 1) > 0) {
      context.report(
          Code.DOUBLED_BACKSLASH,
          pointer,
          Target.VALUE,
          "the path has doubled backslashes; wslnet would write each of them escaped",
          "write it as Windows shows it: "
              + text.charAt(0)
              + text.substring(1).replace("\\\\", "\\"));
    }
  }
}
