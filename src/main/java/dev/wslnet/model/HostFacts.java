package dev.wslnet.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a host is, beyond its resources.
 *
 * @param host how wslnet reaches it: {@code sim:DIR}, {@code local}, {@code wsl}
 * @param wslAddress the WSL 2 VM's address, which $wsl resolves to; empty when no VM runs
 * @param hostAddress the Windows host's address as seen from WSL
 * @param runningNetworkingMode the mode WSL runs in now; it can differ from .wslconfig until {@code
 *     wsl --shutdown}
 */
public record HostFacts(
    String host,
    int windowsBuild,
    String wslVersion,
    boolean elevated,
    Optional<String> wslAddress,
    Optional<String> hostAddress,
    Optional<String> runningNetworkingMode,
    boolean hyperVFirewallAvailable,
    boolean ipHelperRunning) {

  public HostFacts {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(wslVersion, "wslVersion");
    Objects.requireNonNull(wslAddress, "wslAddress");
    Objects.requireNonNull(hostAddress, "hostAddress");
    Objects.requireNonNull(runningNetworkingMode, "runningNetworkingMode");
  }

  public HostFacts withElevated(boolean isElevated) {
    return new HostFacts(
        host,
        windowsBuild,
        wslVersion,
        isElevated,
        wslAddress,
        hostAddress,
        runningNetworkingMode,
        hyperVFirewallAvailable,
        ipHelperRunning);
  }

  /** The facts after WSL restarted with this VM address and networking mode. */
  public HostFacts restarted(Optional<String> vmAddress, String networkingMode) {
    return new HostFacts(
        host,
        windowsBuild,
        wslVersion,
        elevated,
        vmAddress,
        hostAddress,
        Optional.of(networkingMode),
        hyperVFirewallAvailable,
        ipHelperRunning);
  }

  /** {@code Windows 11 (build 22631)}; build 22000 and later is Windows 11. */
  public String windowsName() {
    return (windowsBuild >= 22000 ? "Windows 11" : "Windows 10") + " (build " + windowsBuild + ")";
  }
}
