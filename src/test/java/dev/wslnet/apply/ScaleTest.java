package dev.wslnet.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5,000 forwards and 5,000 firewall rules: plan and apply work at that size (bench/plan.sh measures
 * the time).
 */
class ScaleTest {

  static String desired(int rules) {
    StringBuilder yaml = new StringBuilder("version: 1\nportProxy:\n  prune: true\n  rules:\n");
    for (int i = 0; i < rules; i++) {
      yaml.append("    - {listenAddress: 0.0.0.0, listenPort: ")
          .append(10000 + i)
          .append(", connectAddress: $wsl}\n");
    }
    yaml.append("windowsFirewall:\n  group: wslnet\n  prune: true\n  rules:\n");
    for (int i = 0; i < rules; i++) {
      yaml.append("    - {name: rule-")
          .append(i)
          .append(", protocol: TCP, localPorts: [")
          .append(10000 + i)
          .append("]}\n");
    }
    return yaml.toString();
  }

  @Test
  void fiveThousandOfEachConverge(@TempDir Path temp) throws Exception {
    SimDir host = SimDir.fresh(temp);
    String file = Files.writeString(temp.resolve("big.yaml"), desired(5000)).toString();
    CliRun apply =
        CliRun.run("apply", "-f", file, "--host", host.spec(), "--auto-approve", "--json");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    CliRun plan = CliRun.run("plan", "-f", file, "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }
}
