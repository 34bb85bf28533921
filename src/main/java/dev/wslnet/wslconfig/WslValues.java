package dev.wslnet.wslconfig;

import dev.wslnet.model.WslValueType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What WSL makes of a stored value of each type: the warnings its typed parse gives, and a
 * canonical form, so that {@code True} and {@code 1}, or {@code 8GB} and {@code 8192MB}, compare
 * equal, as they are equal to WSL.
 */
public final class WslValues {
  private static final String SPACE = "[ \\t\\n\\u000b\\f\\r]*";
  private static final Pattern INTEGER =
      Pattern.compile(SPACE + "([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");
  private static final Pattern SIZE =
      Pattern.compile(SPACE + "([+-]?)([0-9]+)(.*)", Pattern.DOTALL);
  private static final Pattern PORT = Pattern.compile(SPACE + "([+-]?[0-9]+).*", Pattern.DOTALL);
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern MAC =
      Pattern.compile("[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}");
  private static final List<String> UNITS =
      List.of("", "B", "K", "KB", "M", "MB", "G", "GB", "T", "TB");

  private WslValues() {}

  /** The warnings WSL gives for a first-occurrence value of this type. */
  public static List<String> warnings(WslValueType type, String value) {
    if (type == WslValueType.PORT_LIST) {
      List<String> warnings = new ArrayList<>();
      for (String entry : value.split(",", -1)) {
        if (!entry.isEmpty() && port(entry).isEmpty()) {
          warnings.add("invalid-int");
        }
      }
      return warnings;
    }
    if (canonical(type, value).isPresent()) {
      return List.of();
    }
    return switch (type) {
      case BOOLEAN -> List.of("invalid-bool");
      case INTEGER -> List.of("invalid-int");
      case SIZE -> List.of("invalid-memory");
      case IPV4 -> List.of("invalid-ip");
      case MAC_ADDRESS -> List.of("invalid-mac");
      case NETWORKING_MODE, MEMORY_RECLAIM -> List.of("invalid-enum");
      case TEXT, WINDOWS_PATH, PORT_LIST -> List.of();
    };
  }

  /**
   * The value as WSL understands it, in one spelling; empty when WSL rejects it (and applies its
   * default).
   */
  /**
   * The networking mode WSL starts in with this .wslconfig: the file's networkingMode when WSL
   * accepts it, else NAT, WSL's default (wsl-facts.md 1.3).
   */
  public static String networkingModeAtStart(ParsedWslConfig wslconfig) {
    return wslconfig
        .value("wsl2.networkingmode")
        .flatMap(mode -> canonical(WslValueType.NETWORKING_MODE, mode))
        .orElse("nat");
  }

  public static Optional<String> canonical(WslValueType type, String value) {
    return switch (type) {
      case BOOLEAN ->
          value.equals("1") || value.equalsIgnoreCase("true")
              ? Optional.of("true")
              : value.equals("0") || value.equalsIgnoreCase("false")
                  ? Optional.of("false")
                  : Optional.empty();
      case INTEGER -> integer(value);
      case SIZE -> size(value);
      case NETWORKING_MODE ->
          oneOf(value, "none", "nat", "bridged", "mirrored", "consomme", "virtioproxy")
              .map(mode -> mode.equals("virtioproxy") ? "consomme" : mode);
      case MEMORY_RECLAIM -> oneOf(value, "disabled", "gradual", "dropcache");
      case IPV4 -> IPV4.matcher(value).matches() ? Optional.of(value) : Optional.empty();
      case MAC_ADDRESS ->
          MAC.matcher(value).matches()
              ? Optional.of(value.toLowerCase(Locale.ROOT).replace('-', ':'))
              : Optional.empty();
      case PORT_LIST -> {
        TreeSet<Integer> ports = new TreeSet<>();
        for (String entry : value.split(",", -1)) {
          if (!entry.isEmpty()) {
            port(entry).ifPresent(ports::add);
          }
        }
        yield Optional.of(String.join(",", ports.stream().map(String::valueOf).toList()));
      }
      case TEXT, WINDOWS_PATH -> Optional.of(value);
    };
  }

  private static Optional<String> oneOf(String value, String... allowed) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(lower)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** strtol(value, &end, 0) using the whole value; a 32-bit long clamps. */
  private static Optional<String> integer(String value) {
    Matcher m = INTEGER.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    String digits = m.group(2);
    BigInteger number =
        digits.startsWith("0x") || digits.startsWith("0X")
            ? new BigInteger(digits.substring(2), 16)
            : digits.length() > 1 && digits.startsWith("0")
                ? new BigInteger(digits.substring(1), 8)
                : new BigInteger(digits);
    if (m.group(1).equals("-")) {
      number = number.negate();
    }
    BigInteger clamped =
        number
            .max(BigInteger.valueOf(Integer.MIN_VALUE))
            .min(BigInteger.valueOf(Integer.MAX_VALUE));
    return Optional.of(clamped.toString());
  }

  /**
   * ParseMemorySize: decimal digits (a zero is exactly "0"), then nothing or a case-sensitive unit;
   * as bytes.
   */
  private static Optional<String> size(String value) {
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigInteger number = new BigInteger(m.group(2));
    boolean exactZero = m.group(2).equals("0") && m.start(2) == 0;
    if (number.signum() == 0 && !exactZero || !UNITS.contains(m.group(3))) {
      return Optional.empty();
    }
    int shift =
        switch (m.group(3)) {
          case "K", "KB" -> 10;
          case "M", "MB" -> 20;
          case "G", "GB" -> 30;
          case "T", "TB" -> 40;
          default -> 0;
        };
    BigInteger bytes = number.shiftLeft(shift);
    return Optional.of((m.group(1).equals("-") ? bytes.negate() : bytes).toString());
  }

  /** std::stoi of one ignoredPorts entry, which must give 1..65535. */
  private static Optional<Integer> port(String entry) {
    Matcher m = PORT.matcher(entry);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(m.group(1));
      return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
