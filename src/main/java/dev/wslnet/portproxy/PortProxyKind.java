package dev.wslnet.portproxy;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Fingerprint;
import dev.wslnet.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** netsh portproxy forwards, and the registry values beside them that wslnet cannot read. */
public final class PortProxyKind implements ResourceKind {
  /** The fingerprint of the WSL VM's address, which $wsl forwards were planned with. */
  static final String WSL_ADDRESS = "$wsl";

  @Override
  public List<Change> changes(DesiredState desired, ObservedState observed) {
    if (desired.portProxy().isEmpty()) {
      return List.of();
    }
    DesiredState.PortProxySpec spec = desired.portProxy().get();
    List<Change> changes =
        new ArrayList<>(
            PortProxyDiff.diff(spec, observed.portProxy(), observed.facts().wslAddress()));
    if (spec.prune()) {
      changes.addAll(PortProxyDiff.unreadable(spec, observed));
    }
    return changes;
  }

  @Override
  public List<Diagnostic> warnings(
      DesiredState desired, ObservedState observed, List<Change> changes) {
    List<Diagnostic> warnings = new ArrayList<>();
    if (desired.portProxy().isPresent() && !observed.facts().ipHelperRunning()) {
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
    observed
        .portProxy()
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
    for (UnreadableForward forward : observed.unreadablePortProxy()) {
      String address = UnreadableValue.address(forward).text();
      if (changed.contains(address)) {
        continue;
      }
      boolean replaced =
          desired
              .portProxy()
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
  public Map<String, String> fingerprints(DesiredState desired, ObservedState observed) {
    Map<String, String> fingerprints = new TreeMap<>();
    if (desired.portProxy().isEmpty()) {
      return fingerprints;
    }
    fingerprints.put(WSL_ADDRESS, Fingerprint.of(observed.facts().wslAddress().orElse("\0none")));
    for (PortProxyEntry entry : observed.portProxy()) {
      fingerprints.put(
          Forward.address(entry).text(),
          Fingerprint.of(entry.connectAddress() + "/" + entry.connectPort()));
    }
    for (UnreadableForward forward : observed.unreadablePortProxy()) {
      fingerprints.put(UnreadableValue.address(forward).text(), Fingerprint.of(forward.data()));
    }
    return fingerprints;
  }

  /** A forward to the WSL VM's address now is written as $wsl, which follows the VM. */
  @Override
  public void show(
      ObservedState observed, String group, ObjectNode document, List<String> leftOut) {
    if (observed.portProxy().isEmpty()) {
      return;
    }
    ArrayNode rules = document.putObject("portProxy").putArray("rules");
    for (PortProxyEntry entry : observed.portProxy()) {
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
