package dev.wslnet.host.wsl;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

/**
 * What a WSL distro knows about its own network, read directly rather than by parsing {@code ip}'s
 * text: the default route from {@code /proc/net/route} (its gateway is the Windows host, as {@code
 * ip route show | grep -i default | awk '{ print $3}'} would print), and the address of that
 * route's interface (the VM's address, the first one {@code hostname -I} prints).
 */
public final class LinuxNetwork {
  static final Path ROUTES = Path.of("/proc/net/route");

  /** The default route: its interface and gateway. */
  public record DefaultRoute(String interfaceName, String gateway) {}

  private LinuxNetwork() {}

  public static Optional<DefaultRoute> defaultRoute() {
    try {
      return Files.isReadable(ROUTES) ? defaultRoute(Files.readString(ROUTES)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The first route to 0.0.0.0/0 with a gateway in a /proc/net/route table: columns Iface,
   * Destination, Gateway, Flags, …; addresses are hexadecimal in the kernel's byte order
   * (little-endian on x86 and ARM).
   */
  static Optional<DefaultRoute> defaultRoute(String table) {
    for (String line : table.lines().skip(1).toList()) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length < 8 || !columns[1].equals("00000000") || !columns[7].equals("00000000")) {
        continue;
      }
      int flags = Integer.parseInt(columns[3], 16);
      boolean up = (flags & 0x1) != 0;
      boolean viaGateway = (flags & 0x2) != 0;
      if (up && viaGateway) {
        return Optional.of(new DefaultRoute(columns[0], hexToIpv4(columns[2])));
      }
    }
    return Optional.empty();
  }

  static String hexToIpv4(String hex) {
    long value = Long.parseLong(hex, 16);
    return (value & 0xFF)
        + "."
        + (value >> 8 & 0xFF)
        + "."
        + (value >> 16 & 0xFF)
        + "."
        + (value >> 24 & 0xFF);
  }

  /** The first IPv4 address of an interface, from the kernel through Java's NetworkInterface. */
  public static Optional<String> ipv4Of(String interfaceName) {
    try {
      NetworkInterface network = NetworkInterface.getByName(interfaceName);
      if (network == null) {
        return Optional.empty();
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return Optional.of(address.getHostAddress());
        }
      }
      return Optional.empty();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }
}
