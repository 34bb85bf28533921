package dev.wslnet.plan;

import dev.wslnet.model.ConnectAddress;
import dev.wslnet.model.DesiredState.PortProxySpec;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** netsh portproxy: forwards by identity; a changed type on the same listen socket is a replace. */
final class PortProxyDiff {
  private static final Set<Need> NEEDS = Set.of(Need.ADMINISTRATOR);

  private PortProxyDiff() {}

  static List<Change> diff(PortProxySpec desired, List<PortProxyEntry> observed, Optional<String> wslAddress) {
    Map<String, PortProxyEntry> byIdentity = new HashMap<>();
    Map<String, PortProxyEntry> bySocket = new HashMap<>();
    for (PortProxyEntry entry : observed) {
      byIdentity.put(entry.identity(), entry);
      bySocket.putIfAbsent(entry.listenSocket(), entry);
    }
    Set<String> matched = new HashSet<>();
    List<Change> changes = new ArrayList<>();
    for (PortProxyRule rule : desired.rules()) {
      boolean viaWsl = rule.connectAddress() instanceof ConnectAddress.WslVm;
      if (viaWsl && wslAddress.isEmpty()) {
        throw new PlanningException("cannot resolve $wsl for " + rule.resolve("").address()
            + ": the host reports no WSL VM address (start WSL, e.g. `wsl -e true`, then plan again)");
      }
      PortProxyEntry wanted = rule.resolve(wslAddress.orElse(""));
      Resource after = new Resource.PortProxy(wanted, viaWsl);
      PortProxyEntry current = byIdentity.get(wanted.identity());
      if (current != null) {
        matched.add(current.identity());
        if (!current.connectAddress().equalsIgnoreCase(wanted.connectAddress())
            || current.connectPort() != wanted.connectPort()) {
          Optional<String> reason = viaWsl && !current.connectAddress().equalsIgnoreCase(wanted.connectAddress())
              ? Optional.of("the WSL VM's address is now " + wanted.connectAddress()) : Optional.empty();
          changes.add(Change.update(wanted.address(), new Resource.PortProxy(current, false), after, reason, NEEDS));
        }
        continue;
      }
      PortProxyEntry sameSocket = bySocket.get(wanted.listenSocket());
      if (sameSocket != null && !matched.contains(sameSocket.identity())) {
        matched.add(sameSocket.identity());
        changes.add(Change.replace(wanted.address(), new Resource.PortProxy(sameSocket, false), after,
            "the type changes from " + sameSocket.type().netshName() + " to " + wanted.type().netshName()
                + " on the same listen address and port; netsh keeps each type in its own table",
            NEEDS));
        continue;
      }
      changes.add(Change.create(wanted.address(), after, NEEDS));
    }
    if (desired.prune()) {
      for (PortProxyEntry entry : observed) {
        if (!matched.contains(entry.identity())) {
          changes.add(Change.delete(entry.address(), new Resource.PortProxy(entry, false),
              "not in the file and prune is on", NEEDS));
        }
      }
    }
    return changes;
  }
}
