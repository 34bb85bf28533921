package dev.wslnet.model;

import java.util.Optional;

/**
 * Recognises IP address literals without ever resolving a name. Character by character rather than
 * with regular expressions: every forward's addresses are checked several times in a plan, and the
 * matchers were 3% of the 5,000-rule plan's main thread.
 */
public final class IpLiteral {

  /** The two address families netsh and the firewall know. */
  public enum Family {
    IPV4,
    IPV6
  }

  private IpLiteral() {}

  /** Four groups of one to three ASCII digits, each at most 255, between three dots. */
  public static boolean isIpv4(String text) {
    int dots = 0;
    int digits = 0;
    int group = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && digits < 3) {
        group = group * 10 + (c - '0');
        digits++;
      } else if (c == '.' && digits > 0 && dots < 3 && group <= 255) {
        dots++;
        digits = 0;
        group = 0;
      } else {
        return false;
      }
    }
    return dots == 3 && digits > 0 && group <= 255;
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
      if (!isHexGroup(part)) {
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

  /** One to four ASCII hexadecimal digits: a group of an IPv6 address. */
  static boolean isHexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
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
    return !text.isEmpty() && onlyDigitsAndDots(text) || text.contains(":");
  }

  private static boolean onlyDigitsAndDots(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return true;
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
