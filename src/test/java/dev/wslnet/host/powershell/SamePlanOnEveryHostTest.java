package dev.wslnet.host.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wslnet.cli.CliRun;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.host.Host;
import dev.wslnet.host.local.LocalSide;
import dev.wslnet.host.wsl.LinuxNetwork;
import dev.wslnet.host.wsl.WslSide;
import dev.wslnet.model.DesiredState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.sim.SimProcessRunner;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * For the same Windows state, --host local, --host wsl and the simulated host plan the same
 * changes: the observe document the simulation prints is played to the local and WSL sides as if
 * Windows had printed it.
 */
class SamePlanOnEveryHostTest {

  @Test
  void localWslAndSimulatedHostsPlanAlike(@TempDir Path temp) throws Exception {
    Optional<LinuxNetwork.DefaultRoute> route = LinuxNetwork.defaultRoute();
    Optional<String> vm = route.flatMap(r -> LinuxNetwork.ipv4Of(r.interfaceName()));
    assumeTrue(
        vm.isPresent(), "skipped: this machine has no default route to read as a WSL distro would");

    SimDir sim = SimDir.fresh(temp);
    String file = "examples/nat-lan-dev-server.yaml";
    sim.edit(
        root ->
            root.withObject("facts")
                .put("wslAddress", vm.get())
                .put("hostAddress", route.get().gateway()));
    assertThat(CliRun.run("apply", "-f", file, "--host", sim.spec(), "--auto-approve").exitCode())
        .isZero();
    sim.edit(
        root -> {
          ((ObjectNode) root.withArray("portProxy").get(0)).put("connectAddress", "172.30.90.10");
          root.withArray("portProxy")
              .addObject()
              .put("type", "v4tov4")
              .put("listenAddress", "*")
              .put("listenPort", 22)
              .put("connectAddress", "10.0.0.2")
              .put("connectPort", 22);
        });
    Files.writeString(
        sim.path().resolve(".wslconfig"),
        "[wsl2]\r\n# mine\r\nnetworkingMode=mirrored\r\nmemory=4GB\r\n");

    DesiredState desired = new DesiredStateValidator().read(file).state().orElseThrow();
    SimProcessRunner simRunner = new SimProcessRunner(sim.path(), sim.spec());
    Host simulated = dev.wslnet.sim.SimHost.create(sim.path(), simRunner);
    Plan simPlan = Planner.plan(desired, simulated.observe(desired.managedGroup()));
    assertThat(simPlan.changes()).hasSizeGreaterThanOrEqualTo(3);

    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("mode", "observe").put("group", "wslnet").put("wslQueries", true);
    JsonNode document =
        PowerShell.result(
            simRunner.run(
                PowerShell.command("powershell.exe"),
                PowerShell.stdin(request),
                Duration.ofSeconds(30)),
            "observe");

    Host local =
        new WindowsHost("local", new LocalSide(Map.of()), new FakeRunner(r -> document), false);
    assertThat(Planner.plan(desired, local.observe(desired.managedGroup())).changes())
        .isEqualTo(simPlan.changes());

    Path windowsPath = Files.createDirectories(temp.resolve("windows"));
    Files.writeString(windowsPath.resolve("powershell.exe"), "");
    WslSide side =
        WslSide.create(
            new FakeRunner(r -> document),
            Map.of("PATH", windowsPath.toString(), "WSL_INTEROP", "/run/WSL/1_interop"));
    Host wsl = new WindowsHost("wsl", side, new FakeRunner(r -> document), false);
    Plan wslPlan = Planner.plan(desired, wsl.observe(desired.managedGroup()));
    assertThat(wslPlan.changes()).isEqualTo(simPlan.changes());
    assertThat(wslPlan.facts().wslAddress()).contains(vm.get());
    assertThat(side.powershell()).isEqualTo(windowsPath.resolve("powershell.exe").toString());
  }
}
