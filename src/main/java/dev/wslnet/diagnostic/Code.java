package dev.wslnet.diagnostic;

import static dev.wslnet.diagnostic.Severity.ERROR;
import static dev.wslnet.diagnostic.Severity.WARNING;

/**
 * Every kind of problem wslnet reports, with a stable code. Codes are never renumbered or reused:
 * CI configurations and SARIF baselines refer to them.
 */
public enum Code {
  FILE_UNREADABLE(
      1,
      ERROR,
      "file-unreadable",
      "The file cannot be read",
      "The path is missing, is a directory, or cannot be opened."),
  FILE_TOO_LARGE(
      2,
      ERROR,
      "file-too-large",
      "The file is larger than wslnet reads",
      "A desired-state file is read whole; wslnet refuses files above its size cap rather than run"
          + " out of memory."),
  NOT_UTF8(
      3,
      ERROR,
      "not-utf8",
      "The file is not UTF-8",
      "Desired-state files are UTF-8 text (YAML 1.2)."),
  YAML_SYNTAX(
      4,
      ERROR,
      "yaml-syntax",
      "The file is not valid YAML",
      "The YAML parser stopped at this point. Tabs cannot indent YAML."),
  YAML_DUPLICATE_KEY(
      5,
      ERROR,
      "yaml-duplicate-key",
      "A key appears twice in one mapping",
      "YAML forbids duplicate keys; parsers disagree on which one wins, so wslnet refuses the"
          + " file."),
  YAML_LIMIT(
      6,
      ERROR,
      "yaml-limit",
      "The YAML exceeds a safety limit",
      "Alias expansion and nesting depth are capped, so that a small file cannot exhaust memory or"
          + " stack."),
  DOCUMENT_COUNT(
      7,
      ERROR,
      "document-count",
      "The file must hold exactly one YAML document",
      "An empty file or a stream of several documents (---) is not a desired-state file."),

  UNKNOWN_KEY(
      10,
      ERROR,
      "unknown-key",
      "Unknown key",
      "The schema does not define this key. Keys are case-sensitive and spelled as Microsoft"
          + " documents them."),
  MISSING_KEY(
      11, ERROR, "missing-key", "A required key is missing", "The schema requires this key."),
  WRONG_TYPE(
      12,
      ERROR,
      "wrong-type",
      "A value has the wrong type",
      "The schema expects another type here (YAML 1.2: yes and on are strings, not booleans)."),
  INVALID_VALUE(
      13,
      ERROR,
      "invalid-value",
      "A value is not allowed",
      "The value is outside the range, pattern or list of values that the schema allows."),
  UNSUPPORTED_VERSION(
      14,
      ERROR,
      "unsupported-version",
      "Unsupported file format version",
      "This wslnet reads version 1 of the desired-state format."),

  EXPERIMENTAL_KEY_IN_WSL2(
      20,
      ERROR,
      "experimental-key-in-wsl2",
      "Key that WSL reads only from [experimental]",
      "WSL silently ignores this key under [wsl2]; it works only under [experimental]."),
  WSL2_KEY_IN_EXPERIMENTAL(
      21,
      ERROR,
      "wsl2-key-in-experimental",
      "Key that belongs to [wsl2]",
      "WSL still reads the old [experimental] spelling of networkingMode, dnsTunneling, firewall"
          + " and autoProxy, but wslnet manages them under wsl2 so that each key has one place."),
  DUPLICATE_IDENTITY(
      22,
      ERROR,
      "duplicate-identity",
      "Two entries have the same identity",
      "Portproxy entries are identified by (type, listenAddress, listenPort) and firewall rules by"
          + " name; Windows keeps only one of each."),
  PORTPROXY_IN_MIRRORED(
      23,
      WARNING,
      "portproxy-in-mirrored",
      "Portproxy rules with mirrored networking",
      "Mirrored mode shares the host's addresses with WSL, so portproxy is not needed, and a"
          + " portproxy listener takes the port away from Linux."),
  WSL_ADDRESS_IN_MIRRORED(
      24,
      WARNING,
      "wsl-address-in-mirrored",
      "$wsl with mirrored networking",
      "In mirrored mode the WSL VM has the host's own addresses; forwarding to $wsl forwards to the"
          + " host itself."),
  MIRRORED_ONLY_KEY(
      25,
      WARNING,
      "mirrored-only-key",
      "Setting that works only in mirrored mode",
      "WSL clears hostAddressLoopback and ignoredPorts unless networkingMode is mirrored."),
  LAN_EXPOSED_WITHOUT_FIREWALL_RULE(
      26,
      WARNING,
      "lan-exposed-without-firewall-rule",
      "A portproxy listener on a LAN address has no firewall rule",
      "Windows Firewall blocks inbound connections to the listener unless an inbound Allow rule"
          + " covers its port."),
  INVALID_DNS_TUNNELING_ADDRESS(
      27,
      ERROR,
      "invalid-dns-tunneling-address",
      "dnsTunnelingIpAddress is not IPv4",
      "WSL turns DNS tunneling off entirely when dnsTunnelingIpAddress is not a dotted-quad IPv4"
          + " address."),
  IGNORED_IN_MODE(
      28,
      WARNING,
      "ignored-in-mode",
      "Setting that this networking mode ignores",
      "WSL ignores localhostForwarding and dnsProxy in mirrored mode, and keeps the Hyper-V"
          + " firewall on there."),
  NEEDS_OTHER_SETTING(
      29,
      WARNING,
      "needs-other-setting",
      "Setting that depends on one that is off",
      "bestEffortDnsParsing and dnsTunnelingIpAddress need dnsTunneling; initialAutoProxyTimeout"
          + " needs autoProxy."),
  PORTPROXY_TYPE_MISMATCH(
      30,
      ERROR,
      "portproxy-type-mismatch",
      "Portproxy type does not match the addresses",
      "v4tov6 listens on IPv4 and connects to IPv6, and so on; netsh rejects an address of the"
          + " other family."),
  RESERVED_RULE_NAME(
      31,
      ERROR,
      "reserved-rule-name",
      "Rule name reserved by WSL",
      "WSL creates and owns the WslCore-* Hyper-V rules; wslnet never touches them."),
  DEPRECATED_MODE(
      32,
      WARNING,
      "deprecated-mode",
      "Deprecated networking mode",
      "bridged networking is deprecated since WSL 2.4.5."),
  BRIDGED_WITHOUT_SWITCH(
      33,
      ERROR,
      "bridged-without-switch",
      "Bridged networking without vmSwitch",
      "WSL refuses bridged networking unless wsl2.vmSwitch names a Hyper-V switch."),
  PORT_NOT_STEERED_IN_MIRRORED(
      34,
      WARNING,
      "port-not-steered-in-mirrored",
      "Port that mirrored mode never gives to Linux",
      "In mirrored mode Windows keeps UDP 68 and TCP 135, 1900, 2869, 3702, 5004, 5357 and 5358 for"
          + " itself."),
  PORTPROXY_LOOP(
      35,
      WARNING,
      "portproxy-loop",
      "Portproxy forward that can loop to itself",
      "A wildcard listener that forwards to localhost on the same port connects to itself when"
          + " nothing else listens there."),
  INVALID_PORT_RANGE(
      36,
      ERROR,
      "invalid-port-range",
      "Invalid port range",
      "A range is first-last, both from 1 to 65535, first not above last."),
  INVALID_ADDRESS(
      37,
      ERROR,
      "invalid-address",
      "Invalid address",
      "Not a valid IPv4 or IPv6 address, subnet or range."),
  NON_ASCII_VALUE(
      38,
      WARNING,
      "non-ascii-value",
      "Non-ASCII text in a .wslconfig value",
      "WSL's parser keeps only the low byte of each character, so non-ASCII text reaches WSL"
          + " mangled."),
  DOUBLED_BACKSLASH(
      39,
      WARNING,
      "doubled-backslash",
      "Doubled backslashes in a Windows path",
      "Write paths as Windows shows them (C:\\temp\\kernel); wslnet escapes them when it writes"
          + " .wslconfig."),
  PORTS_WITHOUT_TCP_UDP(
      40,
      ERROR,
      "ports-without-tcp-udp",
      "Ports on a rule whose protocol is not TCP or UDP",
      "Windows Firewall accepts local and remote ports only on TCP and UDP rules."),
  SHARED_LISTEN_SOCKET(
      41,
      WARNING,
      "shared-listen-socket",
      "Two forwards listen on one address and port",
      "netsh keeps v4tov4 and v4tov6 (and v6tov4 and v6tov6) in separate tables, so both entries"
          + " can exist for one listen address and port, but only one of them can listen there."),
  WILDCARD_IN_RULE_NAME(
      42,
      ERROR,
      "wildcard-in-rule-name",
      "A rule name with a wildcard character",
      "The firewall cmdlets read *, ?, [ and ] in -Name as wildcards, and ` as their escape, so"
          + " such a name could match other rules."),
  STAR_AND_ANY_ADDRESS(
      43,
      WARNING,
      "star-and-any-address",
      "Forwards on * and on 0.0.0.0 (or ::) with one port",
      "netsh stores * (listenaddress left out) and 0.0.0.0 as two registry entries, but both listen"
          + " on every address of the family: only one of them can listen."),
  UNWRITABLE_WSLCONFIG_VALUE(
      44,
      ERROR,
      "unwritable-wslconfig-value",
      "A .wslconfig value with a control character",
      "No .wslconfig line can carry NUL, CR, Ctrl+Z or other control characters: WSL's parser reads"
          + " only the \\t, \\n and \\b escapes, and stops at Ctrl+Z."),

  WSLCONFIG_SKIPPED_LINE(
      50,
      WARNING,
      "wslconfig-skipped-line",
      "A .wslconfig line WSL skips",
      "WSL's parser skips a line it cannot read (a bad header, a missing =, a bad escape, an open"
          + " quote) and warns."),
  WSLCONFIG_INVALID_VALUE(
      51,
      WARNING,
      "wslconfig-invalid-value",
      "A .wslconfig value WSL rejects",
      "WSL keeps its default when a value is not of the key's type: booleans are true, false, 1 or"
          + " 0; sizes take case-sensitive units without a space."),
  WSLCONFIG_UNKNOWN_KEY(
      52,
      WARNING,
      "wslconfig-unknown-key",
      "A .wslconfig key WSL does not know here",
      "WSL ignores keys it does not know in that section, such as [experimental]-only keys under"
          + " [wsl2]."),
  WSLCONFIG_DUPLICATE_KEY(
      53,
      WARNING,
      "wslconfig-duplicate-key",
      "A .wslconfig key set twice",
      "WSL applies the first occurrence and ignores the others."),
  WSLCONFIG_UNESCAPED_BACKSLASH(
      54,
      WARNING,
      "wslconfig-unescaped-backslash",
      "A Windows path with single backslashes",
      "WSL reads \\t, \\b and \\n"
          + " in a value as tab, backspace and newline, and skips the line on any other backslash"
          + " escape; paths need doubled backslashes in .wslconfig."),
  WSLCONFIG_STOPS_READING(
      55,
      WARNING,
      "wslconfig-stops-reading",
      "A .wslconfig value that stops WSL reading",
      "An invalid macAddress is an error, not a warning, for WSL: it reads nothing after it."),

  IP_HELPER_STOPPED(
      60,
      WARNING,
      "ip-helper-stopped",
      "The IP Helper service is stopped",
      "Windows' IP Helper service (iphlpsvc) carries portproxy forwards; while it is stopped they"
          + " do nothing."),
  HOST_STAR_AND_ANY_ADDRESS(
      61,
      WARNING,
      "host-star-and-any-address",
      "The host forwards * and 0.0.0.0 (or ::) on one port",
      "The host has portproxy entries on * and on the family's any-address for the same port: two"
          + " registry entries, one socket, so only one of them can listen."),
  UNREADABLE_PORT_PROXY(
      62,
      WARNING,
      "unreadable-port-proxy",
      "A portproxy entry wslnet cannot read",
      "A portproxy registry value whose port is a service name, or whose text is not address/port:"
          + " wslnet shows it and leaves it, and prune deletes it when netsh can.");

  private final int number;
  private final Severity severity;
  private final String ruleName;
  private final String title;
  private final String help;

  Code(int number, Severity severity, String ruleName, String title, String help) {
    this.number = number;
    this.severity = severity;
    this.ruleName = ruleName;
    this.title = title;
    this.help = help;
  }

  /** The stable identifier, {@code WSLNET013}. */
  public String id() {
    return String.format("WSLNET%03d", number);
  }

  /** The severity this kind of problem has unless a check says otherwise. */
  public Severity severity() {
    return severity;
  }

  /** A short kebab-case name, as SARIF's {@code rule.name}. */
  public String ruleName() {
    return ruleName;
  }

  public String title() {
    return title;
  }

  public String help() {
    return help;
  }
}
