package dev.wslnet.portproxy;

import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyRule;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.PlanningException;
import dev.wslnet.resource.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * netsh portproxy: forwards by identity (type, listen address, port). netsh keeps each type in its
 * own table, so a v4tov4 and a v4tov6 entry can share a listen socket, but only one of them can
 * listen there: an entry of another type on the socket of a declared forward goes, even without
 * prune (a replace when the declared one is new). Entries the file declares never push each other
 * out.
 */
final class PortProxyDiff {
  private static final Set<Need> NEEDS = Set.of(Need.ADMINISTRATOR);

  private PortProxyDiff() {}

  static List<Change> diff(
      PortProxySpec desired, List<PortProxyEntry> observed, Optional<String> wslAddress) {
    Map<String, PortProxyEntry> byIdentity = new HashMap<>();
    Map<String, List<PortProxyEntry>> bySocket = new HashMap<>();
    for (PortProxyEntry entry : observed) {
      byIdentity.put(entry.identity(), entry);
      bySocket.computeIfAbsent(entry.listenSocket(), socket -> new ArrayList<>()).add(entry);
    }
    Set<String> declared = new HashSet<>();
    desired.rules().forEach(rule -> declared.add(rule.resolve("").identity()));
    Set<String> matched = new HashSet<>();
    List<Change> changes = new ArrayList<>();
    for (PortProxyRule rule : desired.rules()) {
      boolean viaWsl = rule.connectAddress().followsWslVm();
      if (viaWsl && wslAddress.isEmpty()) {
        throw new PlanningException(
            "cannot resolve $wsl for "
                + Forward.address(rule.resolve("")).text()
                + ": the host reports no WSL VM address (start WSL, e.g. `wsl -e true`, then plan"
                + " again)");
      }
      PortProxyEntry wanted = rule.resolve(wslAddress.orElse(""));
      Resource after = new Forward(wanted, viaWsl);
      List<PortProxyEntry> blocking =
          bySocket.getOrDefault(wanted.listenSocket(), List.of()).stream()
              .filter(
                  entry -> !declared.contains(entry.identity()) && matched.add(entry.identity()))
              .toList();
      PortProxyEntry current = byIdentity.get(wanted.identity());
      if (current == null && !blocking.isEmpty()) {
        PortProxyEntry replaced = blocking.get(0);
        changes.add(
            Change.replace(
                Forward.address(wanted),
                new Forward(replaced, false),
                after,
                "the type changes from "
                    + replaced.type().netshName()
                    + " to "
                    + wanted.type().netshName()
                    + " on the same listen address and port; netsh keeps each type in its own"
                    + " table",
                NEEDS));
        continue;
      }
      for (PortProxyEntry entry : blocking) {
        changes.add(
            Change.delete(
                Forward.address(entry),
                new Forward(entry, false),
                "listens on the same address and port as "
                    + Forward.address(wanted).text()
                    + ", which the file declares; only one of them can listen",
                NEEDS));
      }
      if (current == null) {
        changes.add(Change.create(Forward.address(wanted), after, NEEDS));
        continue;
      }
      matched.add(current.identity());
      if (!current.connectAddress().equalsIgnoreCase(wanted.connectAddress())
          || current.connectPort() != wanted.connectPort()) {
        Optional<String> reason =
            viaWsl && !current.connectAddress().equalsIgnoreCase(wanted.connectAddress())
                ? Optional.of("the WSL VM's address is now " + wanted.connectAddress())
                : Optional.empty();
        changes.add(
            Change.update(
                Forward.address(wanted), new Forward(current, false), after, reason, NEEDS));
      }
    }
    if (desired.prune()) {
      for (PortProxyEntry entry : observed) {
        if (!matched.contains(entry.identity())) {
          changes.add(
              Change.delete(
                  Forward.address(entry),
                  new Forward(entry, false),
                  "not in the file and prune is on",
                  NEEDS));
        }
      }
    }
    return changes;
  }

  /**
   * With prune: the values wslnet cannot read go too, unless a declared forward writes the same
   * registry value (netsh set replaces it), or the name has no port netsh could delete by.
   */
  static List<Change> unreadable(PortProxySpec desired, ObservedState observed) {
    List<Change> changes = new ArrayList<>();
    for (UnreadableForward forward : PortProxyKind.unreadable(observed)) {
      if (forward.listen().isPresent() && !declaresValue(desired, forward)) {
        changes.add(
            Change.delete(
                UnreadableValue.address(forward),
                new UnreadableValue(forward),
                "not a forward wslnet can read, not in the file, and prune is on",
                NEEDS));
      }
    }
    return changes;
  }

  /** Whether a declared forward writes this registry value, replacing what it holds. */
  static boolean declaresValue(PortProxySpec desired, UnreadableForward forward) {
    return desired.rules().stream()
        .map(rule -> rule.resolve(""))
        .anyMatch(
            entry ->
                entry.type() == forward.type()
                    && (entry.listenAddress() + "/" + entry.listenPort())
                        .equalsIgnoreCase(forward.name()));
  }
}
