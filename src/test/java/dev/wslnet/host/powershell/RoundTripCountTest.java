package dev.wslnet.host.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.apply.Applier;
import dev.wslnet.apply.ApplyResult;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.host.Host;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.sim.SimHost;
import dev.wslnet.sim.SimProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One plan is one PowerShell process, and one apply is one more, whatever the number of rules. */
class RoundTripCountTest {

  static DesiredState desired(int rules) {
    StringBuilder yaml =
        new StringBuilder(
            "version: 1\nwslconfig:\n  wsl2:\n    memory: 8GB\nportProxy:\n  rules:\n");
    for (int i = 0; i < rules; i++) {
      yaml.append("    - {listenAddress: 127.0.0.1, listenPort: ")
          .append(20000 + i)
          .append(", connectAddress: $wsl}\n");
    }
    yaml.append("hyperVFirewall:\n  rules:\n");
    for (int i = 0; i < rules; i++) {
      yaml.append("    - {name: hv-")
          .append(i)
          .append(", protocol: TCP, localPorts: [")
          .append(20000 + i)
          .append("]}\n");
    }
    yaml.append("windowsFirewall:\n  group: wslnet\n  rules:\n");
    for (int i = 0; i < rules; i++) {
      yaml.append("    - {name: win-")
          .append(i)
          .append(", protocol: TCP, localPorts: [")
          .append(20000 + i)
          .append("]}\n");
    }
    return new DesiredStateValidator()
        .read("count.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8))
        .state()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} rules of each kind")
  @ValueSource(ints = {1, 10, 500})
  void onePlanOneProcessOneApplyOneMore(int rules, @TempDir Path dir) {
    SimProcessRunner runner = new SimProcessRunner(dir, "sim:" + dir);
    Host host = SimHost.create(dir, runner);
    DesiredState desired = desired(rules);

    ObservedState observed = host.observe(desired.managedGroup());
    Plan plan = Planner.plan(desired, observed);
    assertThat(runner.invocations()).hasSize(1);
    assertThat(plan.changes()).hasSize(1 + 3 * rules);

    ApplyResult result = new Applier(host, false).apply(desired, observed, plan, false);
    assertThat(result.converged()).isTrue();
    assertThat(runner.invocations()).hasSize(2);
    assertThat(runner.invocations().get(0).input().request().path("mode").asString())
        .isEqualTo("observe");
    assertThat(runner.invocations().get(1).input().request().path("mode").asString())
        .isEqualTo("apply");
  }
}
