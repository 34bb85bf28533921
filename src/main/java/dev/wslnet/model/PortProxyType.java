package dev.wslnet.model;

import dev.wslnet.model.IpLiteral.Family;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four netsh portproxy tables: the family Windows listens on, then the family it connects to.
 */
public enum PortProxyType {
  V4_TO_V4("v4tov4", Family.IPV4, Family.IPV4),
  V4_TO_V6("v4tov6", Family.IPV4, Family.IPV6),
  V6_TO_V4("v6tov4", Family.IPV6, Family.IPV4),
  V6_TO_V6("v6tov6", Family.IPV6, Family.IPV6);

  private final String netshName;
  private final Family listenFamily;
  private final Family connectFamily;

  PortProxyType(String netshName, Family listenFamily, Family connectFamily) {
    this.netshName = netshName;
    this.listenFamily = listenFamily;
    this.connectFamily = connectFamily;
  }

  /** {@code v4tov4}, as netsh and the registry key name it. */
  public String netshName() {
    return netshName;
  }

  public Family listenFamily() {
    return listenFamily;
  }

  public Family connectFamily() {
    return connectFamily;
  }

  public static PortProxyType of(Family listen, Family connect) {
    return Arrays.stream(values())
        .filter(type -> type.listenFamily == listen && type.connectFamily == connect)
        .findFirst()
        .orElseThrow();
  }

  public static Optional<PortProxyType> fromNetshName(String name) {
    return Arrays.stream(values()).filter(type -> type.netshName.equals(name)).findFirst();
  }
}
