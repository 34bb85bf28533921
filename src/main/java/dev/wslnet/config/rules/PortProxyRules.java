package dev.wslnet.config.rules;

import dev.wslnet.config.rules.RuleContext.Item;
import dev.wslnet.config.rules.RuleContext.Target;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.IpLiteral.Family;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.PortRange;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Checks on netsh portproxy forwards (reference: wsl-facts.md section 2). */
final class PortProxyRules implements SemanticRule {
  private static final String RULES = "/portProxy/rules";
  private static final String WSL = "$wsl";

  @Override
  public void check(RuleContext context) {
    List<Item> rules = context.items(RULES);
    boolean mirrored = context.isMirrored();
    if (mirrored && !rules.isEmpty()) {
      context.report(
          Code.PORTPROXY_IN_MIRRORED,
          RULES,
          Target.KEY,
          "portproxy rules with networkingMode: mirrored; mirrored mode shares the host's"
              + " addresses, so a listener here takes the port away from Linux",
          "remove the portProxy section, or use networkingMode: nat");
    }
    Map<String, Item> identities = new HashMap<>();
    Map<String, Item> sockets = new HashMap<>();
    Map<String, Item> spellings = new HashMap<>();
    BitSet allowed = portsFirewallAllows(context);
    for (Item rule : rules) {
      Optional<String> listen = rule.string("listenAddress");
      Optional<String> connect = rule.string("connectAddress");
      listen.ifPresent(address -> checkAddress(context, rule.pointer("listenAddress"), address));
      connect
          .filter(address -> !address.equals(WSL))
          .ifPresent(address -> checkAddress(context, rule.pointer("connectAddress"), address));
      Optional<PortProxyType> type = checkType(context, rule, listen, connect);
      if (mirrored && connect.filter(WSL::equals).isPresent()) {
        context.report(
            Code.WSL_ADDRESS_IN_MIRRORED,
            rule.pointer("connectAddress"),
            Target.VALUE,
            "$wsl in mirrored mode is the host's own address; this forward would connect back to"
                + " Windows",
            "use networkingMode: nat, or drop the forward: mirrored mode needs none");
      }
      Optional<Integer> listenPort = rule.integer("listenPort");
      if (listen.isPresent() && listenPort.isPresent() && type.isPresent()) {
        checkSockets(
            context,
            rule,
            new PortProxyEntry(type.get(), listen.get(), listenPort.get(), "", 0),
            identities,
            sockets,
            spellings);
      }
      if (listen.isPresent() && listenPort.isPresent()) {
        checkLoop(context, rule, listen.get(), listenPort.get(), connect);
        // An empty address is the schema's to report, not a listener on every address.
        if (!IpLiteral.isLoopback(listen.get())
            && !listen.get().isEmpty()
            && isValidAddress(listen.get())
            && listenPort.get() >= 1
            && listenPort.get() <= PortRange.HIGHEST
            && !allowed.get(listenPort.get())) {
          context.report(
              Code.LAN_EXPOSED_WITHOUT_FIREWALL_RULE,
              rule.pointer("listenAddress"),
              Target.VALUE,
              "listening on "
                  + listen.get()
                  + ":"
                  + listenPort.get()
                  + " exposes the port to the network, but no windowsFirewall rule allows it in",
              "add a windowsFirewall rule: direction Inbound, action Allow, protocol TCP,"
                  + " localPorts ["
                  + listenPort.get()
                  + "]");
        }
      }
    }
  }

  /**
   * One entry per identity; one type per listen socket (netsh keeps both, only one listens); and a
   * warning for {@code *} beside the any-address on one port, which bind the same socket.
   */
  private static void checkSockets(
      RuleContext context,
      Item rule,
      PortProxyEntry entry,
      Map<String, Item> identities,
      Map<String, Item> sockets,
      Map<String, Item> spellings) {
    Item first = identities.putIfAbsent(entry.identity(), rule);
    if (first != null) {
      context.report(
          Code.DUPLICATE_IDENTITY,
          rule.pointer(),
          Target.VALUE,
          "a second forward for "
              + entry.type().netshName()
              + " "
              + entry.listenEndpoint()
              + "; Windows keeps one entry per listen address and port",
          "merge it with " + context.yamlPath(first.pointer()));
      return;
    }
    Item other = sockets.putIfAbsent(entry.listenSocket(), rule);
    if (other != null) {
      context.report(
          Code.SHARED_LISTEN_SOCKET,
          rule.pointer(),
          Target.VALUE,
          "this forward and "
              + context.yamlPath(other.pointer())
              + " both listen on "
              + entry.listenEndpoint()
              + "; netsh stores both types, but only one of them can listen there",
          "keep one of the two forwards");
      return;
    }
    Item sameSocket = spellings.putIfAbsent(entry.boundSocket(), rule);
    if (sameSocket != null) {
      context.report(
          Code.STAR_AND_ANY_ADDRESS,
          rule.pointer("listenAddress"),
          Target.VALUE,
          "this forward and "
              + context.yamlPath(sameSocket.pointer())
              + " listen on port "
              + entry.listenPort()
              + " of every address, one as * and one as the any-address; netsh stores two entries,"
              + " but only one of them can listen",
          "keep one of the two forwards");
    }
  }

  private static boolean isValidAddress(String address) {
    return address.equals("*")
        || !IpLiteral.looksLikeLiteral(address)
        || IpLiteral.family(address).isPresent();
  }

  private static void checkAddress(RuleContext context, String pointer, String address) {
    if (!isValidAddress(address)) {
      context.report(
          Code.INVALID_ADDRESS,
          pointer,
          Target.VALUE,
          "\"" + address + "\" is not a valid IPv4 or IPv6 address",
          "check the digits");
    }
  }

  private static Optional<PortProxyType> checkType(
      RuleContext context, Item rule, Optional<String> listen, Optional<String> connect) {
    if (listen.isEmpty() || connect.isEmpty()) {
      return Optional.empty();
    }
    Optional<Family> listenFamily = familyOf(listen.get());
    Optional<Family> connectFamily = familyOf(connect.get());
    PortProxyType inferred =
        PortProxyType.of(listenFamily.orElse(Family.IPV4), connectFamily.orElse(Family.IPV4));
    Optional<PortProxyType> declared = rule.string("type").flatMap(PortProxyType::fromNetshName);
    if (declared.isEmpty()) {
      return rule.string("type").isPresent() ? Optional.empty() : Optional.of(inferred);
    }
    PortProxyType type = declared.get();
    if (listenFamily.filter(f -> f != type.listenFamily()).isPresent()) {
      context.report(
          Code.PORTPROXY_TYPE_MISMATCH,
          rule.pointer("listenAddress"),
          Target.VALUE,
          type.netshName()
              + " listens on "
              + name(type.listenFamily())
              + ", but "
              + listen.get()
              + " is "
              + name(listenFamily.get()),
          "use type " + inferred.netshName() + ", or leave type out");
    }
    if (connectFamily.filter(f -> f != type.connectFamily()).isPresent()) {
      context.report(
          Code.PORTPROXY_TYPE_MISMATCH,
          rule.pointer("connectAddress"),
          Target.VALUE,
          type.netshName()
              + " connects to "
              + name(type.connectFamily())
              + ", but "
              + connect.get()
              + " is "
              + name(connectFamily.get()),
          "use type " + inferred.netshName() + ", or leave type out");
    }
    return declared;
  }

  /**
   * The family of an address as netsh takes it: $wsl is the VM's IPv4 address; names have no
   * family.
   */
  private static Optional<Family> familyOf(String address) {
    if (address.equals(WSL)) {
      return Optional.of(Family.IPV4);
    }
    if (address.equals("*")) {
      return Optional.empty();
    }
    return IpLiteral.family(address);
  }

  private static String name(Family family) {
    return family == Family.IPV4 ? "IPv4" : "IPv6";
  }

  private static void checkLoop(
      RuleContext context, Item rule, String listen, int listenPort, Optional<String> connect) {
    int connectPort = rule.integer("connectPort").orElse(listenPort);
    if (IpLiteral.isWildcard(listen)
        && connect.filter(IpLiteral::isLoopback).isPresent()
        && connectPort == listenPort) {
      context.report(
          Code.PORTPROXY_LOOP,
          rule.pointer("connectAddress"),
          Target.VALUE,
          "forwarding "
              + listen
              + ":"
              + listenPort
              + " to "
              + connect.get()
              + ":"
              + connectPort
              + " reaches this same listener whenever nothing else listens on that port",
          "connect to $wsl instead of localhost");
    }
  }

  /**
   * The TCP ports that some windowsFirewall rule lets in; computed once, so that the check stays
   * linear.
   */
  private static BitSet portsFirewallAllows(RuleContext context) {
    BitSet allowed = new BitSet();
    for (Item rule : context.items("/windowsFirewall/rules")) {
      boolean inbound = rule.string("direction").orElse("Inbound").equals("Inbound");
      boolean allow = rule.string("action").orElse("Allow").equals("Allow");
      boolean enabled =
          !rule.node().path("enabled").isBoolean() || rule.node().path("enabled").asBoolean();
      // Windows reads protocol names in any case (New-NetFirewallRule -Protocol).
      String protocol =
          rule.node().path("protocol").isMissingNode()
              ? "ANY"
              : rule.scalar("protocol").orElse("").toUpperCase(Locale.ROOT);
      boolean tcp = protocol.equals("TCP") || protocol.equals("ANY") || protocol.equals("6");
      if (!(inbound && allow && enabled && tcp)) {
        continue;
      }
      JsonNode ports = rule.node().path("localPorts");
      if (ports.isMissingNode()) {
        allowed.set(PortRange.LOWEST, PortRange.HIGHEST + 1);
      }
      for (JsonNode entry : ports) {
        Optional<String> text = RuleContext.scalarText(entry);
        if (text.filter(port -> port.equalsIgnoreCase("Any")).isPresent()) {
          allowed.set(PortRange.LOWEST, PortRange.HIGHEST + 1);
        }
        text.flatMap(PortRange::parse)
            .ifPresent(range -> allowed.set(range.first(), range.last() + 1));
      }
    }
    return allowed;
  }
}
