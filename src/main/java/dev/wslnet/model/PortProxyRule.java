package dev.wslnet.model;

import java.util.Objects;

/**
 * A forward the desired-state file declares; {@code type} is the declared one or the one its
 * addresses imply.
 */
public record PortProxyRule(
    PortProxyType type,
    String listenAddress,
    int listenPort,
    ConnectAddress connectAddress,
    int connectPort) {

  public PortProxyRule {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listenAddress, "listenAddress");
    Objects.requireNonNull(connectAddress, "connectAddress");
  }

  /** The entry Windows should hold, once $wsl is known. */
  public PortProxyEntry resolve(String wslAddress) {
    String connect =
        connectAddress instanceof ConnectAddress.Fixed fixed ? fixed.address() : wslAddress;
    return new PortProxyEntry(type, listenAddress, listenPort, connect, connectPort);
  }
}
