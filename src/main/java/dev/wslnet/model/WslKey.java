package dev.wslnet.model;

import static dev.wslnet.model.WslSection.EXPERIMENTAL;
import static dev.wslnet.model.WslSection.WSL2;
import static dev.wslnet.model.WslValueType.BOOLEAN;
import static dev.wslnet.model.WslValueType.INTEGER;
import static dev.wslnet.model.WslValueType.IPV4;
import static dev.wslnet.model.WslValueType.MAC_ADDRESS;
import static dev.wslnet.model.WslValueType.MEMORY_RECLAIM;
import static dev.wslnet.model.WslValueType.NETWORKING_MODE;
import static dev.wslnet.model.WslValueType.PORT_LIST;
import static dev.wslnet.model.WslValueType.SIZE;
import static dev.wslnet.model.WslValueType.TEXT;
import static dev.wslnet.model.WslValueType.WINDOWS_PATH;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The .wslconfig keys wslnet manages: every documented key of [wsl2] and [experimental], and the
 * undocumented networking keys that WSL's code reads (reference: wsl-facts.md 1.3, 1.4). The schema
 * defines the same set; a test keeps the two equal.
 */
public enum WslKey {
  KERNEL(WSL2, "kernel", WINDOWS_PATH),
  KERNEL_MODULES(WSL2, "kernelModules", WINDOWS_PATH),
  KERNEL_COMMAND_LINE(WSL2, "kernelCommandLine", TEXT),
  MEMORY(WSL2, "memory", SIZE),
  PROCESSORS(WSL2, "processors", INTEGER),
  LOCALHOST_FORWARDING(WSL2, "localhostForwarding", BOOLEAN),
  SAFE_MODE(WSL2, "safeMode", BOOLEAN),
  SWAP(WSL2, "swap", SIZE),
  SWAP_FILE(WSL2, "swapFile", WINDOWS_PATH),
  GUI_APPLICATIONS(WSL2, "guiApplications", BOOLEAN),
  DEBUG_CONSOLE(WSL2, "debugConsole", BOOLEAN),
  MAX_CRASH_DUMP_COUNT(WSL2, "maxCrashDumpCount", INTEGER),
  NESTED_VIRTUALIZATION(WSL2, "nestedVirtualization", BOOLEAN),
  VM_IDLE_TIMEOUT(WSL2, "vmIdleTimeout", INTEGER),
  DNS_PROXY(WSL2, "dnsProxy", BOOLEAN),
  NETWORKING_MODE_KEY(WSL2, "networkingMode", NETWORKING_MODE),
  FIREWALL(WSL2, "firewall", BOOLEAN),
  DNS_TUNNELING(WSL2, "dnsTunneling", BOOLEAN),
  AUTO_PROXY(WSL2, "autoProxy", BOOLEAN),
  DEFAULT_VHD_SIZE(WSL2, "defaultVhdSize", SIZE),
  IPV6(WSL2, "ipv6", BOOLEAN),
  VM_SWITCH(WSL2, "vmSwitch", TEXT),
  MAC_ADDRESS_KEY(WSL2, "macAddress", MAC_ADDRESS),
  DHCP(WSL2, "dhcp", BOOLEAN),
  DHCP_TIMEOUT(WSL2, "dhcpTimeout", INTEGER),

  AUTO_MEMORY_RECLAIM(EXPERIMENTAL, "autoMemoryReclaim", MEMORY_RECLAIM),
  SPARSE_VHD(EXPERIMENTAL, "sparseVhd", BOOLEAN),
  BEST_EFFORT_DNS_PARSING(EXPERIMENTAL, "bestEffortDnsParsing", BOOLEAN),
  DNS_TUNNELING_IP_ADDRESS(EXPERIMENTAL, "dnsTunnelingIpAddress", IPV4),
  INITIAL_AUTO_PROXY_TIMEOUT(EXPERIMENTAL, "initialAutoProxyTimeout", INTEGER),
  IGNORED_PORTS(EXPERIMENTAL, "ignoredPorts", PORT_LIST),
  HOST_ADDRESS_LOOPBACK(EXPERIMENTAL, "hostAddressLoopback", BOOLEAN);

  /** Keys that WSL reads from [experimental] only; under [wsl2] it ignores them with a warning. */
  public static final Set<String> EXPERIMENTAL_ONLY = namesIn(EXPERIMENTAL);

  /**
   * Keys that moved from [experimental] to [wsl2]; WSL still reads them under [experimental] as
   * aliases of the [wsl2] key.
   */
  public static final Set<WslKey> GRADUATED =
      Set.of(NETWORKING_MODE_KEY, DNS_TUNNELING, FIREWALL, AUTO_PROXY);

  private final WslSection section;
  private final String fileName;
  private final WslValueType type;

  WslKey(WslSection section, String fileName, WslValueType type) {
    this.section = section;
    this.fileName = fileName;
    this.type = type;
  }

  public WslSection section() {
    return section;
  }

  /** The key as Microsoft documents it, which is how wslnet writes it. */
  public String fileName() {
    return fileName;
  }

  public WslValueType type() {
    return type;
  }

  /** {@code wsl2.networkingMode}. */
  public String qualifiedName() {
    return section.fileName() + "." + fileName;
  }

  public static Optional<WslKey> find(WslSection section, String fileName) {
    return Arrays.stream(values())
        .filter(key -> key.section == section && key.fileName.equals(fileName))
        .findFirst();
  }

  private static Set<String> namesIn(WslSection section) {
    return Arrays.stream(values())
        .filter(key -> key.section == section)
        .map(WslKey::fileName)
        .collect(Collectors.toUnmodifiableSet());
  }
}
