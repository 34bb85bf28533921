package dev.wslnet.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wslnet.cli.CliRun;
import dev.wslnet.host.local.LocalSide;
import dev.wslnet.host.powershell.SystemProcessRunner;
import dev.wslnet.host.powershell.WindowsHost;
import dev.wslnet.hypervfirewall.HyperVRuleRemove;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.operation.Operation;
import dev.wslnet.portproxy.PortProxyDelete;
import dev.wslnet.portproxy.PortProxyKind;
import dev.wslnet.windowsfirewall.FirewallRuleRemove;
import dev.wslnet.windowsfirewall.WindowsFirewallKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Windows, for real: the windows-latest CI job runs it with {@code mvn test -P
 * windows-integration} in an elevated shell. It applies a portproxy forward on loopback and a
 * Windows firewall rule in a group of its own (and a Hyper-V rule where the cmdlets exist),
 * observes them, applies again with nothing to do, and removes them.
 */
@Tag("windows-integration")
@EnabledOnOs(OS.WINDOWS)
class WindowsIntegrationTest {
  private static final int LISTEN_PORT = 47001;

  @Test
  void appliesObservesAndRemovesOnRealWindows(@TempDir Path temp) throws Exception {
    WindowsHost host =
        new WindowsHost("local", new LocalSide(System.getenv()), new SystemProcessRunner(), false);
    String group = "wslnet-ci-" + UUID.randomUUID().toString().substring(0, 8);
    ObservedState before = host.observe(Optional.of(group));
    assumeTrue(before.facts().elevated(), "skipped: this shell is not elevated");
    boolean hyperV = before.facts().hyperVFirewallAvailable();
    if (!hyperV) {
      System.out.println(
          "Hyper-V firewall cmdlets are missing on this Windows: the Hyper-V part is skipped");
    }
    String desired =
        "version: 1\n"
            + "portProxy:\n  rules:\n"
            + "    - {listenAddress: 127.0.0.1, listenPort: "
            + LISTEN_PORT
            + ", connectAddress: 127.0.0.1, connectPort: 47002}\n"
            + "windowsFirewall:\n  group: "
            + group
            + "\n  prune: true\n  rules:\n"
            + "    - {name: "
            + group
            + "-rule, protocol: TCP, localPorts: ["
            + LISTEN_PORT
            + "], profiles: [Private]}\n"
            + (hyperV
                ? "hyperVFirewall:\n  rules:\n    - {name: "
                    + group
                    + "-hv, protocol: TCP, localPorts: ["
                    + LISTEN_PORT
                    + "]}\n"
                : "");
    String file = Files.writeString(temp.resolve("wslnet.yaml"), desired).toString();
    try {
      CliRun apply = CliRun.run("apply", "-f", file, "--host", "local", "--auto-approve");
      assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
      assertThat(apply.out()).contains("Converged");

      ObservedState after = host.observe(Optional.of(group));
      assertThat(PortProxyKind.forwards(after))
          .anySatisfy(
              entry -> {
                assertThat(entry.listenAddress()).isEqualTo("127.0.0.1");
                assertThat(entry.listenPort()).isEqualTo(LISTEN_PORT);
                assertThat(entry.connectPort()).isEqualTo(47002);
              });
      assertThat(WindowsFirewallKind.rules(after))
          .extracting(rule -> rule.name())
          .containsExactly(group + "-rule");

      CliRun again = CliRun.run("apply", "-f", file, "--host", "local", "--auto-approve");
      assertThat(again.exitCode()).isZero();
      assertThat(again.out()).contains("No changes.");
      CliRun plan = CliRun.run("plan", "-f", file, "--host", "local", "--detailed-exitcode");
      assertThat(plan.exitCode()).as(plan.out()).isZero();
    } finally {
      List<Operation> cleanup =
          new java.util.ArrayList<>(
              List.of(
                  new PortProxyDelete(
                      PortProxyType.V4_TO_V4, "127.0.0.1", Integer.toString(LISTEN_PORT)),
                  new FirewallRuleRemove(group, group + "-rule")));
      if (hyperV) {
        cleanup.add(new HyperVRuleRemove(group + "-hv"));
      }
      var removed = host.apply(cleanup, Optional.of(group));
      assertThat(removed.results()).allSatisfy(result -> assertThat(result.error()).isEmpty());
      assertThat(WindowsFirewallKind.rules(removed.observed())).isEmpty();
      assertThat(PortProxyKind.forwards(removed.observed()))
          .noneMatch(
              entry ->
                  entry.listenPort() == LISTEN_PORT && entry.listenAddress().equals("127.0.0.1"));
    }
  }
}
