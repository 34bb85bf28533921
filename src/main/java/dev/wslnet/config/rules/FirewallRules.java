package dev.wslnet.config.rules;

import dev.wslnet.config.rules.RuleContext.Item;
import dev.wslnet.config.rules.RuleContext.Target;
import dev.wslnet.config.yaml.JsonPointers;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.PortRange;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Checks on Hyper-V and Windows firewall rules (reference: wsl-facts.md section 3). */
final class FirewallRules implements SemanticRule {
  /**
   * Characters that Get-, Set- and Remove-NetFirewallRule and the Hyper-V rule cmdlets read as
   * wildcards in -Name (about_Wildcards).
   */
  private static final String WILDCARDS = "*?[]`";

  private static final String HYPER_V = "/hyperVFirewall/rules";
  private static final String WINDOWS = "/windowsFirewall/rules";

  /** The ports mirrored mode never steers to Linux (reference 3.5). */
  private static final Set<Integer> TCP_KEPT_BY_WINDOWS =
      Set.of(135, 1900, 2869, 3702, 5004, 5357, 5358);

  private static final int UDP_KEPT_BY_WINDOWS = 68;
  private static final Pattern DOTTED_MASK = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  @Override
  public void check(RuleContext context) {
    checkRules(context, HYPER_V, "Hyper-V", "WslCore-");
    checkRules(context, WINDOWS, "Windows firewall", "WSLCore-");
    if (context.isMirrored()) {
      checkPortsKeptByWindows(context);
    }
  }

  private static void checkRules(
      RuleContext context, String listPointer, String kind, String reservedPrefix) {
    Map<String, Item> names = new HashMap<>();
    boolean hyperV = listPointer.equals(HYPER_V);
    for (Item rule : context.items(listPointer)) {
      rule.string("name")
          .ifPresent(
              name -> {
                if (name.toLowerCase(Locale.ROOT)
                    .startsWith(reservedPrefix.toLowerCase(Locale.ROOT))) {
                  context.report(
                      Code.RESERVED_RULE_NAME,
                      rule.pointer("name"),
                      Target.VALUE,
                      "rule names starting with "
                          + reservedPrefix
                          + " belong to WSL, which creates and removes those rules",
                      "choose another name");
                }
                if (name.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0)) {
                  context.report(
                      Code.WILDCARD_IN_RULE_NAME,
                      rule.pointer("name"),
                      Target.VALUE,
                      "the rule name "
                          + name
                          + " holds a wildcard character (*, ?, [, ] or the backtick that escapes"
                          + " them); the firewall cmdlets read names as patterns",
                      "choose a name without *, ?, [, ] and `");
                }
                Item first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), rule);
                if (first != null) {
                  context.report(
                      Code.DUPLICATE_IDENTITY,
                      rule.pointer("name"),
                      Target.VALUE,
                      "a second "
                          + kind
                          + " rule named "
                          + name
                          + "; Windows keeps one rule per name",
                      "rename one of them, or merge them");
                }
              });
      for (String field : new String[] {"localPorts", "remotePorts"}) {
        checkPorts(context, rule, field, hyperV);
      }
      for (String field : new String[] {"localAddresses", "remoteAddresses"}) {
        checkAddresses(context, rule, field);
      }
    }
  }

  private static void checkPorts(RuleContext context, Item rule, String field, boolean hyperV) {
    JsonNode ports = rule.node().path(field);
    if (!ports.isArray()) {
      return;
    }
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      if (port.isString()
          && port.asString().matches("\\d{1,5}(-\\d{1,5})?")
          && PortRange.parse(port.asString()).isEmpty()) {
        context.report(
            Code.INVALID_PORT_RANGE,
            JsonPointers.child(rule.pointer(field), i),
            Target.VALUE,
            "\""
                + port.asString()
                + "\" is not a port range from 1 to 65535 with the first port not above the last",
            "write first-last, e.g. \"8000-8010\"");
      }
    }
    Optional<String> written = protocolOf(rule);
    // Windows reads protocol names in any case (New-NetFirewallRule -Protocol). A protocol that is
    // none (TPC, 300) is the schema's to report: no second error about its ports.
    if (written.filter(FirewallRules::isProtocol).isEmpty()) {
      return;
    }
    String protocol = written.get();
    String name = protocol.toUpperCase(Locale.ROOT);
    boolean transport =
        name.equals("TCP") || name.equals("UDP") || name.equals("6") || name.equals("17");
    boolean icmpTypes = hyperV && name.startsWith("ICMP");
    if (!transport && !icmpTypes) {
      context.report(
          Code.PORTS_WITHOUT_TCP_UDP,
          rule.pointer(field),
          Target.KEY,
          field + " needs protocol TCP or UDP; this rule's protocol is " + protocol,
          "add protocol: TCP (or UDP)");
    }
  }

  /** A protocol name in any case, or a protocol number from 0 to 255. */
  private static boolean isProtocol(String protocol) {
    return PROTOCOL_NAMES.contains(protocol.toUpperCase(Locale.ROOT))
        || (protocol.matches("\\d{1,3}") && Integer.parseInt(protocol) <= 255);
  }

  private static final Set<String> PROTOCOL_NAMES = Set.of("TCP", "UDP", "ICMPV4", "ICMPV6", "ANY");

  /** The rule's protocol as written, Any when left out; empty when it is no scalar. */
  private static Optional<String> protocolOf(Item rule) {
    return rule.node().path("protocol").isMissingNode()
        ? Optional.of("Any")
        : rule.scalar("protocol");
  }

  private static void checkAddresses(RuleContext context, Item rule, String field) {
    JsonNode addresses = rule.node().path(field);
    if (!addresses.isArray()) {
      return;
    }
    for (int i = 0; i < addresses.size(); i++) {
      JsonNode address = addresses.get(i);
      if (address.isString()
          && IpLiteral.looksLikeLiteral(firstPart(address.asString()))
          && !validAddressSpec(address.asString())) {
        context.report(
            Code.INVALID_ADDRESS,
            JsonPointers.child(rule.pointer(field), i),
            Target.VALUE,
            "\"" + address.asString() + "\" is not a valid address, subnet or range",
            "write 192.168.1.10, 192.168.1.0/24, 192.168.1.0/255.255.255.0 or"
                + " 192.168.1.10-192.168.1.20");
      }
    }
  }

  private static String firstPart(String spec) {
    return spec.split("[/-]", 2)[0];
  }

  /** An address, a subnet (prefix length or dotted mask) or a range of one family. */
  static boolean validAddressSpec(String spec) {
    int slash = spec.indexOf('/');
    if (slash >= 0) {
      String address = spec.substring(0, slash);
      String suffix = spec.substring(slash + 1);
      Optional<IpLiteral.Family> family = IpLiteral.family(address);
      if (family.isEmpty()) {
        return false;
      }
      if (DOTTED_MASK.matcher(suffix).matches()) {
        return family.get() == IpLiteral.Family.IPV4 && IpLiteral.isIpv4(suffix);
      }
      int maxPrefix = family.get() == IpLiteral.Family.IPV4 ? 32 : 128;
      return suffix.matches("\\d{1,3}") && Integer.parseInt(suffix) <= maxPrefix;
    }
    int dash = spec.indexOf('-');
    if (dash >= 0) {
      Optional<IpLiteral.Family> from = IpLiteral.family(spec.substring(0, dash));
      Optional<IpLiteral.Family> to = IpLiteral.family(spec.substring(dash + 1));
      return from.isPresent() && from.equals(to);
    }
    return IpLiteral.family(spec).isPresent();
  }

  private static void checkPortsKeptByWindows(RuleContext context) {
    for (Item rule : context.items(HYPER_V)) {
      if (!rule.string("direction").orElse("Inbound").equals("Inbound")) {
        continue;
      }
      String protocol = protocolOf(rule).orElse("");
      JsonNode ports = rule.node().path("localPorts");
      if (!ports.isArray()) {
        continue;
      }
      for (int i = 0; i < ports.size(); i++) {
        JsonNode port = ports.get(i);
        Optional<PortRange> range = RuleContext.scalarText(port).flatMap(PortRange::parse);
        if (range.isEmpty()) {
          continue;
        }
        List<Integer> kept =
            (protocol.equals("UDP") ? Set.of(UDP_KEPT_BY_WINDOWS) : TCP_KEPT_BY_WINDOWS)
                .stream().filter(range.get()::contains).sorted().toList();
        if (!kept.isEmpty() && (protocol.equals("TCP") || protocol.equals("UDP"))) {
          context.report(
              Code.PORT_NOT_STEERED_IN_MIRRORED,
              JsonPointers.child(rule.pointer("localPorts"), i),
              Target.VALUE,
              "mirrored mode never steers "
                  + protocol
                  + " "
                  + kept.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
                  + " to Linux; this rule cannot reach WSL there",
              "serve on another port");
        }
      }
    }
  }
}
