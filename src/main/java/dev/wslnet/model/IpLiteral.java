package dev.wslnet.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises IP address literals without ever resolving a name. */
public final class IpLiteral {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern LOOKS_NUMERIC = Pattern.compile("[0-9.]+");

  /** The two address families netsh and the firewall know. */
  public enum Family {
    IPV4,
    IPV6
  }

  private IpLiteral() {}

  public static boolean isIpv4(String text) {
    var matcher = IPV4.matcher(text);
    if (!matcher.matches()) {
      return false;
    }
    for (int group = 1; group <= 4; group++) {
      if (Integer.parseInt(matcher.group(group)) > 255) {
        return false;
      }
    }
    return true;
  }

  public static boolean isIpv6(String text) {
    if (!text.contains(":") || text.contains(":::")) {
      return false;
    }
    String body = text;
    int extraGroups = 0;
    int lastColon = body.lastIndexOf(':');
    String tail = body.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!isIpv4(tail)) {
        return false;
      }
      body = body.substring(0, lastColon + 1) + "0";
      extraGroups = 1;
    }
    int doubleColon = body.indexOf("::");
    if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups = extraGroups;
    for (String part : body.split(":", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      if (!HEX_GROUP.matcher(part).matches()) {
        return false;
      }
      groups++;
    }
    if (doubleColon < 0) {
      return groups == 8 && !body.startsWith(":") && !body.endsWith(":");
    }
    boolean strayLeading = body.startsWith(":") && !body.startsWith("::");
    boolean strayTrailing = body.endsWith(":") && !body.endsWith("::");
    return groups <= 7 && !strayLeading && !strayTrailing;
  }

  /** The family of an address literal; empty for host names and anything else. */
  public static Optional<Family> family(String text) {
    if (isIpv4(text)) {
      return Optional.of(Family.IPV4);
    }
    return isIpv6(text) ? Optional.of(Family.IPV6) : Optional.empty();
  }

  /**
   * Whether a text was meant as an address literal: digits and dots only, or containing a colon.
   * Such a text that is not a valid literal is a typo, never a host name.
   */
  public static boolean looksLikeLiteral(String text) {
    return LOOKS_NUMERIC.matcher(text).matches() || text.contains(":");
  }

  /** Loopback addresses and names, which the LAN cannot reach. */
  public static boolean isLoopback(String text) {
    return text.equalsIgnoreCase("localhost")
        || text.equals("::1")
        || isIpv4(text) && text.startsWith("127.");
  }

  /** Listen addresses that accept connections on every interface. */
  public static boolean isWildcard(String text) {
    return text.equals("*") || text.equals("0.0.0.0") || text.equals("::");
  }
}
