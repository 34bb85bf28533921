package dev.wslnet.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One netsh portproxy entry as Windows stores it: registry value {@code listen/port} = {@code
 * connect/port}.
 */
public record PortProxyEntry(
    PortProxyType type,
    String listenAddress,
    int listenPort,
    String connectAddress,
    int connectPort) {

  public PortProxyEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listenAddress, "listenAddress");
    Objects.requireNonNull(connectAddress, "connectAddress");
  }

  /**
   * The identity: (type, listenAddress, listenPort). The listen address compares without case, as
   * registry value names do; {@code *} and {@code 0.0.0.0} stay different.
   */
  public String identity() {
    return type.netshName() + " " + listenAddress.toLowerCase(Locale.ROOT) + ":" + listenPort;
  }

  /**
   * The address and port Windows binds, whatever the spelling: {@code *} (listenaddress left out)
   * and the family's any-address ({@code 0.0.0.0}, {@code ::}) are two registry entries for one
   * socket.
   */
  public String boundSocket() {
    String address = listenAddress.toLowerCase(Locale.ROOT);
    if (address.equals("*")) {
      address = type.listenFamily() == IpLiteral.Family.IPV4 ? "0.0.0.0" : "::";
    }
    return type.listenFamily() + " " + address + ":" + listenPort;
  }

  /** The socket Windows listens on; two types with the same listen family share it. */
  public String listenSocket() {
    return type.listenFamily() + " " + listenAddress.toLowerCase(Locale.ROOT) + ":" + listenPort;
  }

  /** {@code 0.0.0.0:4000}, or {@code [::]:443} for IPv6. */
  public String listenEndpoint() {
    return (listenAddress.contains(":") ? "[" + listenAddress + "]" : listenAddress)
        + ":"
        + listenPort;
  }
}
