package dev.wslnet.portproxy;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.ConnectAddress;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyRule;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.Section;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** netsh portproxy forwards, and the registry values beside them that wslnet cannot read. */
public final class PortProxyKind implements ResourceKind {
  /** The portProxy section of the file, if it has one. */
  public static final Section<Optional<PortProxySpec>> DESIRED =
      new Section<>("portProxy", PortProxyKind::declared);

  /** The portproxy registry values the host holds. */
  public static final Section<PortProxyValues> OBSERVED =
      new Section<>("portProxy", document -> PortProxyValues.read(document.path("portProxy")));

  /** As the file writes the WSL VM's address, which a forward follows. */
  static final String WSL_ADDRESS = "$wsl";

  /** The WSL VM's address, whose fingerprint says whether $wsl forwards were planned with it. */
  static final Address VM_ADDRESS = new Address("wslAddress", Map.of(), WSL_ADDRESS);

  /** The forwards the host holds. */
  public static List<PortProxyEntry> forwards(ObservedState observed) {
    return observed.section(OBSERVED).forwards();
  }

  /** The portproxy registry values the host holds that are not forwards wslnet reads. */
  public static List<UnreadableForward> unreadable(ObservedState observed) {
    return observed.section(OBSERVED).unreadable();
  }

  private static Optional<PortProxySpec> declared(JsonNode document) {
    JsonNode node = document.path("portProxy");
    if (!node.isObject()) {
      return Optional.empty();
    }
    List<PortProxyRule> rules = new ArrayList<>();
    for (JsonNode rule : node.path("rules")) {
      String listen = rule.get("listenAddress").asString();
      ConnectAddress connect = ConnectAddress.of(rule.get("connectAddress").asString());
      int listenPort = rule.get("listenPort").asInt();
      PortProxyType type =
          rule.has("type")
              ? PortProxyType.fromNetshName(rule.get("type").asString()).orElseThrow()
              : inferType(listen, connect);
      rules.add(
          new PortProxyRule(
              type, listen, listenPort, connect, rule.path("connectPort").asInt(listenPort)));
    }
    return Optional.of(new PortProxySpec(node.path("prune").asBoolean(false), rules));
  }

  /** IPv6 literals make a side IPv6; $wsl, *, IPv4 and host names count as IPv4. */
  static PortProxyType inferType(String listen, ConnectAddress connect) {
    IpLiteral.Family listenFamily =
        IpLiteral.isIpv6(listen) ? IpLiteral.Family.IPV6 : IpLiteral.Family.IPV4;
    IpLiteral.Family connectFamily =
        IpLiteral.isIpv6(connect.text()) ? IpLiteral.Family.IPV6 : IpLiteral.Family.IPV4;
    return PortProxyType.of(listenFamily, connectFamily);
  }

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    Optional<PortProxySpec> declared = desired.section(DESIRED);
    if (declared.isEmpty()) {
      return List.of();
    }
    PortProxySpec spec = declared.get();
    List<Change> changes =
        new ArrayList<>(
            PortProxyDiff.diff(spec, forwards(observed), observed.facts().wslAddress()));
    if (spec.prune()) {
      changes.addAll(PortProxyDiff.unreadable(spec, observed));
    }
    return changes;
  }

  @Override
  public List<Diagnostic> warnings(
      DesiredState desired, ObservedState observed, List<Change> changes) {
    List<Diagnostic> warnings = new ArrayList<>();
    if (desired.section(DESIRED).isPresent() && !observed.facts().ipHelperRunning()) {
      warnings.add(
          Diagnostic.ofFile(
              Code.IP_HELPER_STOPPED,
              observed.facts().host(),
              "the IP Helper service (iphlpsvc) is stopped, so portproxy forwards do nothing",
              "start it in an elevated PowerShell: Set-Service iphlpsvc -StartupType Automatic;"
                  + " Start-Service iphlpsvc"));
    }
    warnings.addAll(starAndAnyAddress(observed));
    warnings.addAll(unreadableLeftAlone(desired, observed, changes));
    return warnings;
  }

  /** Host entries on {@code *} and on the any-address with one port: only one of them listens. */
  private static List<Diagnostic> starAndAnyAddress(ObservedState observed) {
    Map<String, List<PortProxyEntry>> bySocket = new TreeMap<>();
    forwards(observed)
        .forEach(
            entry ->
                bySocket
                    .computeIfAbsent(entry.boundSocket(), socket -> new ArrayList<>())
                    .add(entry));
    List<Diagnostic> warnings = new ArrayList<>();
    for (List<PortProxyEntry> entries : bySocket.values()) {
      List<String> spellings =
          entries.stream().map(PortProxyEntry::listenAddress).distinct().sorted().toList();
      if (spellings.size() > 1) {
        warnings.add(
            Diagnostic.ofFile(
                Code.HOST_STAR_AND_ANY_ADDRESS,
                observed.facts().host(),
                "the host forwards "
                    + String.join(
                        " and ",
                        entries.stream()
                            .map(entry -> Forward.address(entry).text())
                            .sorted()
                            .toList())
                    + ": two registry entries for one socket, so only one of them listens",
                "keep one: declare it and set prune, or delete the other with netsh interface"
                    + " portproxy delete"));
      }
    }
    return warnings;
  }

  /** Portproxy values wslnet cannot read and does not delete: the plan says they are there. */
  private static List<Diagnostic> unreadableLeftAlone(
      DesiredState desired, ObservedState observed, List<Change> changes) {
    Set<String> changed = new HashSet<>();
    changes.forEach(change -> changed.add(change.address().text()));
    List<Diagnostic> warnings = new ArrayList<>();
    for (UnreadableForward forward : unreadable(observed)) {
      String address = UnreadableValue.address(forward).text();
      if (changed.contains(address)) {
        continue;
      }
      boolean replaced =
          desired
              .section(DESIRED)
              .filter(spec -> PortProxyDiff.declaresValue(spec, forward))
              .isPresent();
      String fate =
          replaced
              ? "the forward the file declares on that address and port replaces it"
              : "wslnet leaves it alone";
      String hint =
          replaced
              ? "nothing to do: apply writes the declared forward over it"
              : forward.listen().isEmpty()
                  ? "its name is not address/port, so netsh cannot delete it: remove the registry"
                      + " value by hand"
                  : "prune: true under portProxy deletes it";
      warnings.add(
          Diagnostic.ofFile(
              Code.UNREADABLE_PORT_PROXY,
              observed.facts().host(),
              "the host has a portproxy entry wslnet cannot read, "
                  + address
                  + " = \""
                  + forward.data()
                  + "\" (a service name for a port, or text that is not address/port); "
                  + fate,
              hint));
    }
    return warnings;
  }

  @Override
  public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<Address, String> fingerprints = new HashMap<>();
    if (desired.section(DESIRED).isEmpty()) {
      return fingerprints;
    }
    fingerprints.put(VM_ADDRESS, Fingerprint.of(observed.facts().wslAddress().orElse("\0none")));
    for (PortProxyEntry entry : forwards(observed)) {
      fingerprints.put(
          Forward.address(entry),
          Fingerprint.of(entry.connectAddress() + "/" + entry.connectPort()));
    }
    for (UnreadableForward forward : unreadable(observed)) {
      fingerprints.put(UnreadableValue.address(forward), Fingerprint.of(forward.data()));
    }
    return fingerprints;
  }

  /** A forward to the WSL VM's address now is written as $wsl, which follows the VM. */
  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    if (forwards(observed).isEmpty()) {
      return;
    }
    ArrayNode rules = document.putObject("portProxy").putArray("rules");
    for (PortProxyEntry entry : forwards(observed)) {
      ObjectNode rule = rules.addObject();
      rule.put("listenAddress", entry.listenAddress());
      rule.put("listenPort", entry.listenPort());
      boolean viaWsl =
          observed
              .facts()
              .wslAddress()
              .filter(entry.connectAddress()::equalsIgnoreCase)
              .isPresent();
      rule.put("connectAddress", viaWsl ? WSL_ADDRESS : entry.connectAddress());
      rule.put("connectPort", entry.connectPort());
      rule.put("type", entry.type().netshName());
    }
  }
}
