package dev.wslnet.watch;

import dev.wslnet.host.WslReadings;
import dev.wslnet.model.HostFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a watch follows: the WSL VM's address, which $wsl forwards point at, and its mode. */
record VmState(Optional<String> address, Optional<String> networkingMode) {
  private static final String NO_VM = "(none: no WSL VM runs)";
  private static final String UNKNOWN = "(unknown)";

  static VmState of(HostFacts facts) {
    return new VmState(facts.wslAddress(), facts.runningNetworkingMode());
  }

  static VmState of(WslReadings readings) {
    return new VmState(readings.vmAddress(), readings.networkingMode());
  }

  /**
   * What changed since {@code before}: {@code WSL VM address 172.30.98.229 -> 172.30.101.7}, one
   * text per value; nothing when nothing did.
   */
  List<String> changesSince(VmState before) {
    List<String> changes = new ArrayList<>();
    if (!address.equals(before.address)) {
      changes.add(
          "WSL VM address " + before.address.orElse(NO_VM) + " -> " + address.orElse(NO_VM));
    }
    if (!networkingMode.equals(before.networkingMode)) {
      changes.add(
          "WSL networking mode "
              + before.networkingMode.orElse(UNKNOWN)
              + " -> "
              + networkingMode.orElse(UNKNOWN));
    }
    return changes;
  }
}
