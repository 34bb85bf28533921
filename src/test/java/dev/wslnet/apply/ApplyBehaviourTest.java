package dev.wslnet.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.wslnet.cli.CliRun;
import dev.wslnet.host.HostLock;
import dev.wslnet.sim.SimHost;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * apply on the simulated host: failures, staleness, elevation, locking, restarts, prompts, exit
 * codes.
 */
class ApplyBehaviourTest {
  private static final String DESIRED =
      """
      version: 1
      wslconfig:
        wsl2:
          networkingMode: nat
          memory: 8GB
      portProxy:
        rules:
          - {listenAddress: 0.0.0.0, listenPort: 3000, connectAddress: $wsl}
          - {listenAddress: 0.0.0.0, listenPort: 4000, connectAddress: $wsl}
      windowsFirewall:
        group: wslnet
        rules:
          - {name: wslnet-dev, protocol: TCP, localPorts: [3000, 4000]}
      """;

  @TempDir Path temp;
  private SimDir host;
  private String file;

  @BeforeEach
  void setUp() throws Exception {
    host = SimDir.fresh(temp);
    file = Files.writeString(temp.resolve("wslnet.yaml"), DESIRED).toString();
  }

  private CliRun apply(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("apply", "-f", file, "--host", host.spec(), "--auto-approve"));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void aFaultFailsOneChangeTheOthersAreReportedAndARerunConverges() {
    host.fault(
        "portProxy.set", "v4tov4 0.0.0.0:4000", "The system cannot find the file specified.");
    CliRun failed = apply();
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out())
        .contains("done   + portProxy[v4tov4 0.0.0.0:3000]")
        .contains(
            "FAILED + portProxy[v4tov4 0.0.0.0:4000]: The system cannot find the file specified.")
        .contains("done   + windowsFirewall.rules[wslnet-dev]")
        .contains("Apply incomplete: 4 done, 1 failed.")
        .contains("Did not converge: 1 changes remain");
    host.clearFaults();
    CliRun rerun = apply();
    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.out())
        .contains("Plan: 1 to add, 0 to change, 0 to delete.")
        .contains("Converged");
  }

  @Test
  void aFailedWslConfigWriteIsReportedPerChange() throws Exception {
    Files.createDirectories(host.path().resolve(".wslconfig").resolve("in-the-way"));
    CliRun failed = apply("--json");
    assertThat(failed.exitCode()).isEqualTo(1);
    var json = JsonMapper.builder().build().readTree(failed.out());
    assertThat(json.get("results").get(0).get("status").asString()).isEqualTo("failed");
    assertThat(json.get("results").get(0).get("error").asString()).contains("cannot write");
    assertThat(json.get("results").get(2).get("status").asString()).isEqualTo("ok");
    assertThat(json.get("converged").asBoolean()).isFalse();
  }

  @Test
  void notElevatedRefusesBeforeChangingAnything() {
    host.edit(root -> root.withObject("facts").put("elevated", false));
    String before = host.snapshot();
    CliRun refused = apply();
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("3 changes need an administrator")
        .contains("nothing was changed");
    assertThat(host.snapshot()).isEqualTo(before);
    CliRun plan = CliRun.run("plan", "-f", file, "--host", host.spec());
    assertThat(plan.out()).contains("not elevated").contains("this process is NOT elevated");
  }

  @Test
  void elevateRunsTheChangesInAnElevatedProcess() {
    host.edit(root -> root.withObject("facts").put("elevated", false));
    CliRun elevated = apply("--elevate");
    assertThat(elevated.exitCode()).as(elevated.out() + elevated.err()).isZero();
    assertThat(elevated.out()).contains("Converged");
    assertThat(host.snapshot()).contains("\"elevated\" : false");
  }

  @Test
  void aRefusalAfterTheWslConfigWasWrittenSaysOnlyThatFileChanged() {
    host.edit(
        root -> root.withObject("facts").put("elevated", false).put("uacAccount", "SIM\\admin"));
    CliRun refused = apply("--elevate");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("UAC was approved with the account SIM\\admin")
        .contains("Only this was changed, before Windows refused: wslconfig")
        .doesNotContain("partly done");
  }

  @Test
  void uacApprovedByTheUserThemselvesIsNoOtherAccount() {
    host.edit(
        root -> root.withObject("facts").put("elevated", false).put("uacAccount", "sim\\USER"));
    CliRun elevated = apply("--elevate");
    assertThat(elevated.exitCode()).as(elevated.out() + elevated.err()).isZero();
    assertThat(elevated.out()).contains("Converged");
  }

  @Test
  void aStalePlanIsRefusedNamingWhatMoved() throws Exception {
    String planFile = temp.resolve("plan.json").toString();
    assertThat(CliRun.run("plan", "-f", file, "--host", host.spec(), "--out", planFile).exitCode())
        .isZero();
    host.edit(
        root ->
            root.withArray("portProxy")
                .addObject()
                .put("type", "v4tov4")
                .put("listenAddress", "0.0.0.0")
                .put("listenPort", 3000)
                .put("connectAddress", "10.9.9.9")
                .put("connectPort", 3000));
    String before = host.snapshot();
    CliRun stale = CliRun.run("apply", planFile, "--host", host.spec(), "--auto-approve");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err()).contains("is stale").contains("portProxy[v4tov4 0.0.0.0:3000]");
    assertThat(host.snapshot()).isEqualTo(before);
  }

  @Test
  void aPlanMadeByAnotherVersionIsRefused() throws Exception {
    Path planFile = temp.resolve("plan.json");
    assertThat(
            CliRun.run("plan", "-f", file, "--host", host.spec(), "--out", planFile.toString())
                .exitCode())
        .isZero();
    var json = JsonMapper.builder().build();
    var saved = (tools.jackson.databind.node.ObjectNode) json.readTree(Files.readString(planFile));
    assertThat(saved.get("wslnet_version").asString())
        .isEqualTo(dev.wslnet.cli.WslnetCommand.version());
    String before = host.snapshot();
    for (String other : List.of("0.0.1", "")) {
      if (other.isEmpty()) {
        saved.remove("wslnet_version");
      } else {
        saved.put("wslnet_version", other);
      }
      Files.writeString(planFile, json.writeValueAsString(saved));
      CliRun apply =
          CliRun.run("apply", planFile.toString(), "--host", host.spec(), "--auto-approve");
      assertThat(apply.exitCode()).isEqualTo(1);
      assertThat(apply.err())
          .contains("was made by wslnet " + (other.isEmpty() ? "of an unknown version" : other))
          .contains("plan again");
      assertThat(host.snapshot()).isEqualTo(before);
    }
  }

  @Test
  void aTamperedPlanFileGetsAMessageNotAStackTraceNorTerminalCodes() throws Exception {
    Path planFile = temp.resolve("plan.json");
    CliRun.run("plan", "-f", file, "--host", host.spec(), "--out", planFile.toString());
    var json = JsonMapper.builder().build();
    var saved = (tools.jackson.databind.node.ObjectNode) json.readTree(Files.readString(planFile));
    saved.put("wslnet_version", "0.1\u001b[31mRED\r\nforged line" + "x".repeat(100_000));
    Files.writeString(planFile, json.writeValueAsString(saved));
    CliRun version =
        CliRun.run("apply", planFile.toString(), "--host", host.spec(), "--auto-approve");
    assertThat(version.exitCode()).isEqualTo(1);
    assertThat(version.err())
        .contains("wslnet 0.1\\x1b[31mRED\\r\\nforged line")
        .doesNotContain("\u001b")
        .hasSizeLessThan(1_000);

    saved.put("wslnet_version", dev.wslnet.cli.WslnetCommand.version());
    saved.putObject("fingerprints").putObject("x").put("a", 1);
    Files.writeString(planFile, json.writeValueAsString(saved));
    CliRun fingerprint =
        CliRun.run("apply", planFile.toString(), "--host", host.spec(), "--auto-approve");
    assertThat(fingerprint.exitCode()).isEqualTo(1);
    assertThat(fingerprint.err()).contains("is not a plan wslnet wrote").doesNotContain("Node");
  }

  /** Issue 10: a PowerShell failure during apply hid that .wslconfig was already written. */
  @Test
  void aFailedRoundTripStillSaysWhatWasDone() {
    host.fault("powershell", "apply", "The pipe has been ended.");
    CliRun apply = apply();
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .contains("The pipe has been ended. Done before that: wslconfig.wsl2.networkingMode,")
        .contains("wslconfig.wsl2.memory (written to")
        .contains("plan again");
  }

  /**
   * Issue 10: plan files whose changes or desired state were edited, or made for another host, were
   * applied.
   */
  @Test
  void anEditedPlanOrOneForAnotherHostIsRefused() throws Exception {
    Path planFile = temp.resolve("plan.json");
    assertThat(
            CliRun.run("plan", "-f", file, "--host", host.spec(), "--out", planFile.toString())
                .exitCode())
        .isZero();
    var json = JsonMapper.builder().build();
    String original = Files.readString(planFile);
    String before = host.snapshot();

    var desired = (tools.jackson.databind.node.ObjectNode) json.readTree(original);
    ((tools.jackson.databind.node.ObjectNode)
            desired.path("desired").path("portProxy").path("rules").get(0))
        .put("connectPort", 9999);
    Files.writeString(planFile, json.writeValueAsString(desired));
    CliRun editedDesired =
        CliRun.run("apply", planFile.toString(), "--host", host.spec(), "--auto-approve");
    assertThat(editedDesired.exitCode()).isEqualTo(1);
    assertThat(editedDesired.err()).contains("the file was edited");

    var changes = (tools.jackson.databind.node.ObjectNode) json.readTree(original);
    ((tools.jackson.databind.node.ArrayNode) changes.path("changes")).remove(0);
    Files.writeString(planFile, json.writeValueAsString(changes));
    CliRun editedChanges =
        CliRun.run("apply", planFile.toString(), "--host", host.spec(), "--auto-approve");
    assertThat(editedChanges.exitCode()).isEqualTo(1);
    assertThat(editedChanges.err()).contains("the file was edited");

    Files.writeString(planFile, original);
    SimDir other = SimDir.fresh(temp.resolve("other"));
    CliRun elsewhere =
        CliRun.run("apply", planFile.toString(), "--host", other.spec(), "--auto-approve");
    assertThat(elsewhere.exitCode()).isEqualTo(1);
    assertThat(elsewhere.err())
        .contains("was made for " + host.spec() + ", not for " + other.spec());
    assertThat(host.snapshot()).isEqualTo(before);
  }

  /**
   * Issue 10: after a failed wsl --shutdown the advice was "apply with --restart-wsl", but the next
   * plan was empty and nothing restarted. A .wslconfig that WSL has not read yet is a pending
   * restart: plan shows it, apply --restart-wsl carries it out.
   */
  @Test
  void aPendingRestartIsShownAndCarriedOut() throws Exception {
    host.wslconfig("[wsl2]\nnetworkingMode=mirrored\n");
    host.fault("wsl.shutdown", null, "Wsl/Service/E_UNEXPECTED");
    String minimal = "examples/minimal.yaml";
    CliRun failed =
        CliRun.run(
            "apply", "-f", minimal, "--host", host.spec(), "--auto-approve", "--restart-wsl");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("wsl --shutdown failed");

    host.clearFaults();
    CliRun plan = CliRun.run("plan", "-f", minimal, "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as("a pending restart is no change to make").isZero();
    assertThat(plan.out())
        .contains("No changes.")
        .contains("Restart pending: WSL runs nat networking, and .wslconfig says mirrored");
    var json = JsonMapper.builder().build();
    CliRun planJson = CliRun.run("plan", "-f", minimal, "--host", host.spec(), "--json");
    assertThat(json.readTree(planJson.out()).path("restart_pending").path("configured").asString())
        .isEqualTo("mirrored");

    CliRun restart =
        CliRun.run(
            "apply", "-f", minimal, "--host", host.spec(), "--auto-approve", "--restart-wsl");
    assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
    CliRun after = CliRun.run("plan", "-f", minimal, "--host", host.spec());
    assertThat(after.out())
        .contains("running mirrored networking")
        .doesNotContain("Restart pending");
  }

  @Test
  void aFreshPlanFileAppliesExactly() {
    String planFile = temp.resolve("plan.json").toString();
    CliRun plan = CliRun.run("plan", "-f", file, "--host", host.spec(), "--out", planFile);
    assertThat(plan.out()).contains("Saved the plan to " + planFile);
    CliRun apply = CliRun.run("apply", planFile, "--host", host.spec(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Converged");
  }

  @Test
  void aSecondApplyWhileOneHoldsTheLockIsRefused() {
    String before = host.snapshot();
    try (HostLock held = SimHost.create(host.path(), false).lock()) {
      CliRun second = apply();
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.err()).contains("another wslnet apply is running");
    }
    assertThat(host.snapshot()).isEqualTo(before);
  }

  @Test
  void concurrentAppliesNeverCorruptTheHost() throws Exception {
    ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<Future<CliRun>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit((Callable<CliRun>) this::apply));
      }
      int succeeded = 0;
      for (Future<CliRun> run : runs) {
        CliRun result = run.get();
        if (result.exitCode() == 0) {
          succeeded++;
        } else {
          assertThat(result.err()).contains("another wslnet apply is running");
        }
      }
      assertThat(succeeded).isPositive();
    } finally {
      pool.shutdownNow();
    }
    CliRun plan = CliRun.run("plan", "-f", file, "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out()).isZero();
    assertThat(Files.readString(host.path().resolve(".wslconfig")))
        .isEqualTo("[wsl2]\nnetworkingMode=nat\nmemory=8GB\n");
  }

  @Test
  void restartWslPointsForwardsAtTheVmsNewAddress() throws Exception {
    host.edit(root -> root.putArray("nextWslAddresses").add("172.30.101.7"));
    Files.writeString(
        Path.of(file),
        DESIRED
                .replace("networkingMode: nat", "networkingMode: mirrored")
                .replace("portProxy:", "portProxyUnused:")
                .lines()
                .takeWhile(l -> !l.startsWith("portProxyUnused"))
                .reduce("", (a, b) -> a + b + "\n")
            + """
            portProxy:
              rules:
                - {listenAddress: 127.0.0.1, listenPort: 3000, connectAddress: $wsl}
            """);
    CliRun apply = apply("--restart-wsl");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).doesNotContain("Restart pending");
    String hostJson = Files.readString(host.hostJson());
    assertThat(hostJson)
        .contains("\"connectAddress\" : \"172.30.101.7\"")
        .contains("\"runningNetworkingMode\" : \"mirrored\"");
  }

  @Test
  void aFailedRestartIsReportedAndLeavesTheRestartPending() {
    host.fault("wsl.shutdown", null, "Wsl/Service/E_UNEXPECTED");
    CliRun apply = apply("--restart-wsl");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out())
        .contains("wsl --shutdown failed: Wsl/Service/E_UNEXPECTED")
        .contains("Restart pending")
        .contains("Apply incomplete: 5 done, 1 failed.");
  }

  @Test
  void withoutRestartTheSummarySaysARestartIsPending() {
    CliRun apply = apply();
    assertThat(apply.out()).contains("Restart pending");
  }

  @Test
  void withoutATerminalApplyNeedsAutoApprove() {
    String before = host.snapshot();
    CliRun run = CliRun.run("apply", "-f", file, "--host", host.spec());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--auto-approve");
    assertThat(host.snapshot()).isEqualTo(before);
  }

  @Test
  void onATerminalApplyAsksAndOnlyYesApproves() {
    String before = host.snapshot();
    CliRun no =
        CliRun.runWithInput(Map.of(), true, "n\n", "apply", "-f", file, "--host", host.spec());
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.err()).contains("Apply these changes?").contains("apply cancelled");
    assertThat(host.snapshot()).isEqualTo(before);
    CliRun yes =
        CliRun.runWithInput(Map.of(), true, "yes\n", "apply", "-f", file, "--host", host.spec());
    assertThat(yes.exitCode()).isZero();
  }

  /** apply | tee log: stdout is a pipe, but a person at stdin and stderr answers the prompt. */
  @Test
  void withStdoutPipedApplyStillAsksThePersonAtTheTerminal() {
    CliRun run =
        CliRun.runWithInput(
            Map.of(), false, true, "y\n", "apply", "-f", file, "--host", host.spec());
    assertThat(run.err()).contains("Apply these changes?");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("Apply these changes?").doesNotContain("\u001b[");
  }

  @Test
  void exitCodesOfPlan() {
    assertThat(CliRun.run("plan", "-f", file, "--host", host.spec()).exitCode()).isZero();
    assertThat(
            CliRun.run("plan", "-f", file, "--host", host.spec(), "--detailed-exitcode").exitCode())
        .isEqualTo(2);
    assertThat(
            CliRun.run(
                    "plan",
                    "-f",
                    "src/test/resources/validate/three-errors.yaml",
                    "--host",
                    host.spec())
                .exitCode())
        .isEqualTo(1);
    assertThat(CliRun.run("plan", "-f", file, "--host", "bogus").exitCode()).isEqualTo(64);
    assertThat(CliRun.run("plan", "-f", file, "--bogus").exitCode()).isEqualTo(64);
    assertThat(CliRun.run("apply", "-f", file, "plan.json").exitCode()).isEqualTo(64);
  }

  /** On Windows or inside WSL, auto is a real host: this test must not touch it. */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void autoHostOnLinuxNamesTheSimulatedHost() {
    assumeFalse(
        System.getenv("WSL_DISTRO_NAME") != null
            || Files.exists(Path.of("/proc/sys/fs/binfmt_misc/WSLInterop")),
        "skipped: inside WSL, the auto host is the real Windows host");
    CliRun run = CliRun.run("plan", "-f", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--host sim:DIR").doesNotContain("Exception");
  }

  @Test
  void theHostCanComeFromTheEnvironment() {
    CliRun run =
        CliRun.run(
            Map.of("WSLNET_HOST", host.spec()), false, "plan", "-f", file, "--detailed-exitcode");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void jsonModePrintsOnlyJson() {
    CliRun plan = CliRun.run("plan", "-f", file, "--host", host.spec(), "--json");
    var planJson = JsonMapper.builder().build().readTree(plan.out());
    assertThat(planJson.get("format_version").asString()).isEqualTo("2.0");
    assertThat(planJson.get("kind").asString()).isEqualTo("plan");
    CliRun apply = apply("--json");
    var json = JsonMapper.builder().build().readTree(apply.out());
    assertThat(json.get("kind").asString()).isEqualTo("apply");
    assertThat(json.get("converged").asBoolean()).isTrue();
    assertThat(json.get("results")).hasSize(5);
  }

  @Test
  void showAsJsonIsADesiredStateDocument() {
    assertThat(apply().exitCode()).isZero();
    CliRun show = CliRun.run("show", "--host", host.spec(), "--format", "json");
    var json = JsonMapper.builder().build().readTree(show.out());
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("portProxy").get("rules")).hasSize(2);
    assertThat(json.get("portProxy").get("rules").get(0).get("connectAddress").asString())
        .isEqualTo("$wsl");
    assertThat(json.get("windowsFirewall").get("rules").get(0).get("localPorts").get(0).asInt())
        .isEqualTo(3000);
    assertThat(json.get("wslconfig").get("wsl2").get("memory").asString()).isEqualTo("8GB");
  }

  @Test
  void aBrokenHostJsonIsAClearError() throws Exception {
    Files.writeString(host.hostJson(), "{ not json");
    CliRun run = CliRun.run("plan", "-f", file, "--host", host.spec());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("is not valid").doesNotContain("at dev.");
  }

  /**
   * Two kinds that cannot plan, planned on both cores: the first in the kinds' order speaks
   * (Hyper-V before portproxy), whichever thread finished first (PlannerTest makes the later one
   * faster).
   */
  @Test
  void ofTwoKindsThatCannotPlanTheFirstSpeaks() throws Exception {
    host.edit(
        root -> {
          root.withObject("facts").remove("wslAddress");
          root.withObject("facts").put("hyperVFirewallAvailable", false);
        });
    Files.writeString(Path.of(file), DESIRED + "hyperVFirewall:\n  settings:\n    enabled: true\n");
    CliRun plan = CliRun.run("plan", "-f", file, "--host", host.spec());
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("the file manages the Hyper-V firewall")
        .doesNotContain("cannot resolve $wsl");
  }

  @Test
  void dollarWslWithoutAVmIsAClearError() {
    host.edit(root -> root.withObject("facts").remove("wslAddress"));
    CliRun run = CliRun.run("plan", "-f", file, "--host", host.spec());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot resolve $wsl");
  }
}
