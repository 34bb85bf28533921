package dev.wslnet.wslconfig;

import dev.wslnet.model.WslValueType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every key WSL's parser knows, with the type it parses (WslCoreConfig.cpp's table, as the oracle
 * has it). This is wider than the keys wslnet manages: a key WSL knows is never an "unknown key",
 * even if wslnet leaves it alone.
 */
final class WslConfigKeyTable {
  private static final Map<String, WslValueType> TYPES = new HashMap<>();
  private static final Map<String, String> ALIASES =
      Map.of(
          "experimental.networkingmode", "wsl2.networkingmode",
          "experimental.dnstunneling", "wsl2.dnstunneling",
          "experimental.firewall", "wsl2.firewall",
          "experimental.autoproxy", "wsl2.autoproxy");

  static {
    add(
        WslValueType.BOOLEAN,
        "wsl2.debugConsole wsl2.earlyBootLogging wsl2.localhostForwarding wsl2.nestedVirtualization"
            + " wsl2.virtio9p wsl2.virtiofs wsl2.gpuSupport wsl2.guiApplications wsl2.telemetry"
            + " wsl2.virtio wsl2.hostFileSystemAccess wsl2.hardwarePerformanceCounters wsl2.dhcp"
            + " wsl2.ipv6 wsl2.dnsProxy wsl2.safeMode wsl2.loadDefaultKernelModules"
            + " wsl2.isolateDistroCgroup wsl2.dnsTunneling wsl2.firewall wsl2.autoProxy"
            + " experimental.sparseVhd experimental.bestEffortDnsParsing"
            + " experimental.hostAddressLoopback experimental.setVersionDebug"
            + " experimental.virtioFsAggregateShares");
    add(
        WslValueType.INTEGER,
        "wsl2.processors wsl2.kernelDebugPort wsl2.vmIdleTimeout wsl2.kernelBootTimeout"
            + " wsl2.distributionStartTimeout wsl2.mountDeviceTimeout wsl2.dhcpTimeout"
            + " wsl2.maxCrashDumpCount general.instanceIdleTimeout"
            + " experimental.initialAutoProxyTimeout");
    add(WslValueType.SIZE, "wsl2.memory wsl2.swap wsl2.defaultVhdSize experimental.swiotlb");
    add(
        WslValueType.TEXT,
        "wsl2.kernel wsl2.kernelCommandLine wsl2.kernelModules wsl2.swapFile wsl2.systemDistro"
            + " wsl2.debugConsoleLogFile wsl2.vmSwitch wsl2.crashDumpFolder"
            + " general.distributionInstallPath wsl2.loadKernelModules");
    add(WslValueType.NETWORKING_MODE, "wsl2.networkingMode");
    add(WslValueType.MEMORY_RECLAIM, "experimental.autoMemoryReclaim");
    add(WslValueType.IPV4, "experimental.dnsTunnelingIpAddress");
    add(WslValueType.PORT_LIST, "experimental.ignoredPorts");
    add(WslValueType.MAC_ADDRESS, "wsl2.macAddress");
  }

  private WslConfigKeyTable() {}

  private static void add(WslValueType type, String names) {
    for (String name : names.split(" ")) {
      TYPES.put(name.toLowerCase(Locale.ROOT), type);
    }
  }

  /** The name WSL files a key under: lower case, [experimental] aliases folded into [wsl2]. */
  static String canonicalName(String lowerCaseName) {
    return ALIASES.getOrDefault(lowerCaseName, lowerCaseName);
  }

  static Optional<WslValueType> typeOf(String canonicalName) {
    return Optional.ofNullable(TYPES.get(canonicalName));
  }

  /** Whether WSL knows this key, under any section. */
  static boolean knowsKeyNamed(String lowerCaseKey) {
    return TYPES.keySet().stream().anyMatch(name -> name.endsWith("." + lowerCaseKey));
  }
}
