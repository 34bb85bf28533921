package dev.wslnet.host.wsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The readings wslnet takes inside a distro, on a fixture and on this real machine against ip and
 * hostname.
 */
class LinuxNetworkTest {

  @Test
  void readsTheDefaultRouteOfAWslDistro() {
    String table =
        """
        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
        eth0\t0060A8AC\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0
        eth0\t00000000\t0160A8AC\t0003\t0\t0\t0\t00000000\t0\t0\t0
        """;
    assertThat(LinuxNetwork.defaultRoute(table))
        .contains(new LinuxNetwork.DefaultRoute("eth0", "172.168.96.1"));
    assertThat(LinuxNetwork.hexToIpv4("01601EAC")).isEqualTo("172.30.96.1");
  }

  @Test
  void noDefaultRouteIsNoReading() {
    assertThat(LinuxNetwork.defaultRoute("Iface\tDestination\tGateway\n")).isEmpty();
  }

  private static Optional<String> run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0
          ? Optional.of(out)
          : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  @Test
  void agreesWithIpRouteOnThisMachine() throws Exception {
    assumeTrue(Files.isReadable(LinuxNetwork.ROUTES), "skipped: no /proc/net/route (not Linux)");
    Optional<String> ipRoute = run("ip", "route", "show", "default");
    assumeTrue(
        ipRoute.isPresent() && !ipRoute.get().isBlank(),
        "skipped: ip is missing or there is no default route");
    List<String> words = List.of(ipRoute.get().trim().split("\\s+"));
    String gateway = words.get(words.indexOf("via") + 1);
    String device = words.get(words.indexOf("dev") + 1);
    assertThat(LinuxNetwork.defaultRoute())
        .contains(new LinuxNetwork.DefaultRoute(device, gateway));
  }

  @Test
  void agreesWithHostnameDashCapitalIOnThisMachine() throws Exception {
    Optional<LinuxNetwork.DefaultRoute> route = LinuxNetwork.defaultRoute();
    Optional<String> hostname = run("hostname", "-I");
    assumeTrue(
        route.isPresent() && hostname.isPresent(),
        "skipped: no default route, or hostname is missing");
    assertThat(LinuxNetwork.ipv4Of(route.get().interfaceName()))
        .contains(hostname.get().trim().split("\\s+")[0]);
  }

  @Test
  void withoutWslInteropTheErrorNamesTheFix() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WslSide.create(null, java.util.Map.of("PATH", "/usr/bin")))
        .hasMessageContaining("WSL_INTEROP")
        .hasMessageContaining("sudo --preserve-env=WSL_INTEROP");
  }

  @Test
  void withoutPowerShellTheErrorNamesTheFix() {
    assumeTrue(
        !Files.exists(Path.of(WslSide.SYSTEM_POWERSHELL)),
        "skipped: this machine has Windows' PowerShell");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                WslSide.create(
                    null,
                    java.util.Map.of("PATH", "/usr/bin", "WSL_INTEROP", "/run/WSL/1_interop")))
        .hasMessageContaining("powershell.exe")
        .hasMessageContaining("appendWindowsPath");
  }
}
