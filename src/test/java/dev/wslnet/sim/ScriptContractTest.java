package dev.wslnet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslnet.apply.Applier;
import dev.wslnet.host.Applied;
import dev.wslnet.host.HostException;
import dev.wslnet.host.powershell.WindowsHost;
import dev.wslnet.hypervfirewall.HyperVFirewallKind;
import dev.wslnet.hypervfirewall.HyperVRuleEnsure;
import dev.wslnet.hypervfirewall.HyperVRuleRemove;
import dev.wslnet.hypervfirewall.HyperVSettingsSet;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.operation.Operation;
import dev.wslnet.operation.WslShutdown;
import dev.wslnet.plan.Planner;
import dev.wslnet.portproxy.PortProxyDelete;
import dev.wslnet.portproxy.PortProxyKind;
import dev.wslnet.portproxy.PortProxySet;
import dev.wslnet.scheduledtask.ConvergeTask;
import dev.wslnet.scheduledtask.ObservedTask;
import dev.wslnet.scheduledtask.ScheduledTaskKind;
import dev.wslnet.scheduledtask.TaskRegister;
import dev.wslnet.scheduledtask.TaskStart;
import dev.wslnet.scheduledtask.TaskUnregister;
import dev.wslnet.testing.SimDir;
import dev.wslnet.windowsfirewall.FirewallRuleEnsure;
import dev.wslnet.windowsfirewall.FirewallRuleRemove;
import dev.wslnet.windowsfirewall.WindowsFirewallKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every row of src/main/resources/powershell/CONTRACT.md on the simulated Windows: the simulator
 * does what the script does on Windows, with the same words. The table and these cases are kept
 * equal, and each script function the table names must be in wslnet.ps1.
 */
class ScriptContractTest {
  private static final Path CONTRACT = Path.of("src/main/resources/powershell/CONTRACT.md");
  private static final Path SCRIPT = Path.of("src/main/resources/powershell/wslnet.ps1");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-zA-Z.]+)`( W)? \\|");
  private static final Pattern SCRIPT_FUNCTION =
      Pattern.compile("\\| `([A-Z][A-Za-z]+-[A-Za-z]+)` \\|$");
  private static final String GROUP = "wslnet";
  private static final String OTHER_CREATOR = "{9E288F02-CE00-4D9E-BE2B-14CE463B0298}";
  private static final String NOT_ELEVATED =
      "The requested operation requires elevation (Run as administrator).";
  private static final String ACCESS_DENIED = "Access is denied.";
  private static final PortProxyEntry FORWARD =
      new PortProxyEntry(PortProxyType.V4_TO_V4, "0.0.0.0", 3000, "172.30.98.229", 3000);

  @TempDir Path temp;

  /** One row: how the machine starts, and what must hold after the script's operation. */
  private record Row(Consumer<SimDir> given, Consumer<SimDir> check) {}

  private final Map<String, Row> rows = rows();

  private Map<String, Row> rows() {
    Map<String, Row> rows = new LinkedHashMap<>();
    rows.put(
        "observe.portProxy",
        new Row(
            sim -> sim.edit(root -> forward(root, "*", 80, "10.0.0.1", 8080)),
            sim ->
                assertThat(PortProxyKind.forwards(observe(sim)))
                    .containsExactly(
                        new PortProxyEntry(PortProxyType.V4_TO_V4, "*", 80, "10.0.0.1", 8080))));
    rows.put(
        "observe.portProxy.unreadable",
        new Row(
            sim -> sim.edit(root -> unreadable(root, "0.0.0.0/http", "10.0.0.1/http")),
            sim -> {
              ObservedState observed = observe(sim);
              assertThat(PortProxyKind.forwards(observed)).isEmpty();
              assertThat(PortProxyKind.unreadable(observed))
                  .containsExactly(
                      new UnreadableForward(
                          PortProxyType.V4_TO_V4, "0.0.0.0/http", "10.0.0.1/http"));
            }));
    rows.put(
        "observe.hyperVSettings",
        new Row(
            sim -> {},
            sim ->
                assertThat(HyperVFirewallKind.settings(observe(sim)))
                    .containsEntry("enabled", new FieldValue.Flag(true))
                    .containsEntry("defaultInboundAction", new FieldValue.Text("Block"))));
    rows.put(
        "observe.hyperVSettings.absent",
        new Row(
            sim -> sim.edit(root -> root.withObject("hyperVFirewall").putNull("settings")),
            sim -> assertThat(HyperVFirewallKind.settings(observe(sim))).isEmpty()));
    rows.put(
        "observe.hyperVRules",
        new Row(
            sim ->
                sim.edit(
                    root -> {
                      hyperVRule(root, "wsl-web", null).putArray("remoteAddresses");
                      hyperVRule(root, "other-web", OTHER_CREATOR);
                    }),
            sim -> {
              List<FirewallRule> rules = HyperVFirewallKind.rules(observe(sim));
              assertThat(rules).extracting(FirewallRule::name).containsExactly("wsl-web");
              // WSL leaves a list empty for "all": the same value as [Any].
              assertThat(rules.get(0).field("remoteAddresses").orElseThrow().sameAs(texts("Any")))
                  .isTrue();
            }));
    rows.put(
        "observe.windowsRules",
        new Row(
            sim ->
                sim.edit(
                    root -> {
                      windowsRule(root, "mine", GROUP);
                      windowsRule(root, "theirs", "wsl*");
                    }),
            sim ->
                assertThat(WindowsFirewallKind.rules(observe(sim)))
                    .extracting(FirewallRule::name)
                    .containsExactly("mine")));

    rows.put(
        "portProxy.set.new",
        new Row(
            sim -> {},
            sim -> {
              Applied applied = apply(sim, new PortProxySet(FORWARD));
              assertOk(applied);
              assertThat(PortProxyKind.forwards(applied.observed())).containsExactly(FORWARD);
            }));
    rows.put(
        "portProxy.set.existing",
        new Row(
            sim -> sim.edit(root -> forward(root, "0.0.0.0", 3000, "10.9.9.9", 1)),
            sim -> {
              Applied applied = apply(sim, new PortProxySet(FORWARD));
              assertOk(applied);
              assertThat(PortProxyKind.forwards(applied.observed())).containsExactly(FORWARD);
            }));
    rows.put(
        "portProxy.set.notElevated",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertRefused(sim, new PortProxySet(FORWARD), NOT_ELEVATED)));
    Operation delete = new PortProxyDelete(PortProxyType.V4_TO_V4, "0.0.0.0", "3000");
    rows.put(
        "portProxy.delete.existing",
        new Row(
            sim -> sim.edit(root -> forward(root, "0.0.0.0", 3000, "10.9.9.9", 1)),
            sim -> {
              Applied applied = apply(sim, delete);
              assertOk(applied);
              assertThat(PortProxyKind.forwards(applied.observed())).isEmpty();
            }));
    rows.put(
        "portProxy.delete.absent",
        new Row(ScriptContractTest::notElevated, sim -> assertNothingToDo(sim, delete)));
    rows.put(
        "portProxy.delete.serviceName",
        new Row(
            sim -> sim.edit(root -> unreadable(root, "0.0.0.0/http", "10.0.0.1/http")),
            sim -> {
              Applied applied =
                  apply(sim, new PortProxyDelete(PortProxyType.V4_TO_V4, "0.0.0.0", "http"));
              assertOk(applied);
              assertThat(PortProxyKind.unreadable(applied.observed())).isEmpty();
            }));
    rows.put(
        "portProxy.delete.notElevated",
        new Row(
            sim -> notElevated(sim.edit(root -> forward(root, "0.0.0.0", 3000, "10.9.9.9", 1))),
            sim -> assertRefused(sim, delete, NOT_ELEVATED)));

    Operation inboundAllow =
        new HyperVSettingsSet(Map.of("defaultInboundAction", new FieldValue.Text("Allow")));
    rows.put(
        "hyperVSettings.set.existing",
        new Row(
            sim -> {},
            sim -> {
              Applied applied = apply(sim, inboundAllow);
              assertOk(applied);
              assertThat(HyperVFirewallKind.settings(applied.observed()))
                  .containsEntry("defaultInboundAction", new FieldValue.Text("Allow"))
                  .containsEntry("defaultOutboundAction", new FieldValue.Text("Allow"))
                  .containsEntry("loopbackEnabled", new FieldValue.Flag(true));
            }));
    rows.put(
        "hyperVSettings.set.absent",
        new Row(
            sim -> sim.edit(root -> root.withObject("hyperVFirewall").putNull("settings")),
            sim -> {
              Applied applied = apply(sim, inboundAllow);
              assertOk(applied);
              assertThat(HyperVFirewallKind.settings(applied.observed()))
                  .containsEntry("defaultInboundAction", new FieldValue.Text("Allow"))
                  .containsEntry("enabled", new FieldValue.Text("NotConfigured"))
                  .containsEntry("loopbackEnabled", new FieldValue.Text("NotConfigured"));
            }));
    rows.put(
        "hyperVSettings.set.noCmdlets",
        new Row(
            ScriptContractTest::withoutHyperV,
            sim ->
                assertRefused(sim, inboundAllow, notRecognized("New-NetFirewallHyperVVMSetting"))));
    rows.put(
        "hyperVSettings.set.notElevated",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertRefused(sim, inboundAllow, ACCESS_DENIED)));

    FirewallRule web = new FirewallRule("web", Map.of("localPorts", texts("80")));
    rows.put(
        "hyperVRule.ensure.new",
        new Row(
            sim -> {},
            sim -> {
              Applied applied = apply(sim, new HyperVRuleEnsure(web));
              assertOk(applied);
              FirewallRule created = only(HyperVFirewallKind.rules(applied.observed()));
              assertThat(created.field("displayName")).contains(new FieldValue.Text("web"));
              assertThat(created.field("direction")).contains(new FieldValue.Text("Inbound"));
              assertThat(created.field("action")).contains(new FieldValue.Text("Allow"));
              assertThat(created.field("enabled")).contains(new FieldValue.Flag(true));
              assertThat(created.field("localPorts")).contains(texts("80"));
            }));
    rows.put(
        "hyperVRule.ensure.existing",
        new Row(
            sim -> sim.edit(root -> hyperVRule(root, "web", null).put("action", "Block")),
            sim -> {
              Applied applied = apply(sim, new HyperVRuleEnsure(web));
              assertOk(applied);
              FirewallRule changed = only(HyperVFirewallKind.rules(applied.observed()));
              assertThat(changed.field("localPorts")).contains(texts("80"));
              assertThat(changed.field("action")).contains(new FieldValue.Text("Block"));
            }));
    rows.put(
        "hyperVRule.ensure.wildcardName",
        new Row(
            sim -> sim.edit(root -> hyperVRule(root, "web1", null).put("action", "Block")),
            sim -> {
              FirewallRule pattern =
                  new FirewallRule("web*", Map.of("action", new FieldValue.Text("Allow")));
              Applied applied = apply(sim, new HyperVRuleEnsure(pattern));
              assertOk(applied);
              assertThat(HyperVFirewallKind.rules(applied.observed()))
                  .extracting(FirewallRule::name)
                  .containsExactlyInAnyOrder("web1", "web*");
              assertThat(rule(HyperVFirewallKind.rules(applied.observed()), "web1").field("action"))
                  .contains(new FieldValue.Text("Block"));
            }));
    String otherCreatorMessage =
        "a Hyper-V rule named web belongs to the VM creator "
            + OTHER_CREATOR
            + ", not to WSL's; wslnet does not touch it";
    rows.put(
        "hyperVRule.ensure.otherCreator",
        new Row(
            sim -> sim.edit(root -> hyperVRule(root, "web", OTHER_CREATOR)),
            sim -> assertRefused(sim, new HyperVRuleEnsure(web), otherCreatorMessage)));
    rows.put(
        "hyperVRule.ensure.noCmdlets",
        new Row(
            ScriptContractTest::withoutHyperV,
            sim ->
                assertRefused(
                    sim, new HyperVRuleEnsure(web), notRecognized("New-NetFirewallHyperVRule"))));
    rows.put(
        "hyperVRule.ensure.notElevated",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertRefused(sim, new HyperVRuleEnsure(web), ACCESS_DENIED)));
    rows.put(
        "hyperVRule.remove.existing",
        new Row(
            sim -> sim.edit(root -> hyperVRule(root, "web", null)),
            sim -> {
              Applied applied = apply(sim, new HyperVRuleRemove("web"));
              assertOk(applied);
              assertThat(HyperVFirewallKind.rules(applied.observed())).isEmpty();
            }));
    rows.put(
        "hyperVRule.remove.absent",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertNothingToDo(sim, new HyperVRuleRemove("web"))));
    rows.put(
        "hyperVRule.remove.otherCreator",
        new Row(
            sim -> sim.edit(root -> hyperVRule(root, "web", OTHER_CREATOR)),
            sim -> assertRefused(sim, new HyperVRuleRemove("web"), otherCreatorMessage)));
    rows.put(
        "hyperVRule.remove.notElevated",
        new Row(
            sim -> notElevated(sim.edit(root -> hyperVRule(root, "web", null))),
            sim -> assertRefused(sim, new HyperVRuleRemove("web"), ACCESS_DENIED)));

    rows.put(
        "firewallRule.ensure.new",
        new Row(
            sim -> {},
            sim -> {
              Applied applied = apply(sim, new FirewallRuleEnsure(GROUP, web));
              assertOk(applied);
              FirewallRule created = only(WindowsFirewallKind.rules(applied.observed()));
              assertThat(created.field("displayName")).contains(new FieldValue.Text("web"));
              assertThat(created.field("localPorts")).contains(texts("80"));
              assertThat(created.field("enabled")).contains(new FieldValue.Flag(true));
            }));
    rows.put(
        "firewallRule.ensure.existing",
        new Row(
            sim -> sim.edit(root -> windowsRule(root, "web", GROUP).put("action", "Block")),
            sim -> {
              Applied applied = apply(sim, new FirewallRuleEnsure(GROUP, web));
              assertOk(applied);
              FirewallRule changed = only(WindowsFirewallKind.rules(applied.observed()));
              assertThat(changed.field("localPorts")).contains(texts("80"));
              assertThat(changed.field("action")).contains(new FieldValue.Text("Block"));
            }));
    rows.put(
        "firewallRule.ensure.otherGroup",
        new Row(
            sim -> sim.edit(root -> windowsRule(root, "web", "Remote Desktop")),
            sim ->
                assertRefused(
                    sim,
                    new FirewallRuleEnsure(GROUP, web),
                    "a rule named web exists outside the group wslnet; wslnet does not touch it")));
    rows.put(
        "firewallRule.ensure.notElevated",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertRefused(sim, new FirewallRuleEnsure(GROUP, web), ACCESS_DENIED)));
    rows.put(
        "firewallRule.remove.existing",
        new Row(
            sim -> sim.edit(root -> windowsRule(root, "web", GROUP)),
            sim -> {
              Applied applied = apply(sim, new FirewallRuleRemove(GROUP, "web"));
              assertOk(applied);
              assertThat(WindowsFirewallKind.rules(applied.observed())).isEmpty();
            }));
    rows.put(
        "firewallRule.remove.absent",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertNothingToDo(sim, new FirewallRuleRemove(GROUP, "web"))));
    rows.put(
        "firewallRule.remove.otherGroup",
        new Row(
            sim -> sim.edit(root -> windowsRule(root, "web", "Remote Desktop")),
            sim -> assertNothingToDo(sim, new FirewallRuleRemove(GROUP, "web"))));
    rows.put(
        "firewallRule.remove.notElevated",
        new Row(
            sim -> notElevated(sim.edit(root -> windowsRule(root, "web", GROUP))),
            sim -> assertRefused(sim, new FirewallRuleRemove(GROUP, "web"), ACCESS_DENIED)));

    rows.put(
        "elevate.sameUser",
        new Row(
            ScriptContractTest::notElevated,
            sim -> {
              SimProcessRunner runner = new SimProcessRunner(sim.path(), sim.spec());
              Applied applied =
                  elevating(sim, runner)
                      .apply(List.of(new PortProxySet(FORWARD)), Optional.of(GROUP));
              assertOk(applied);
              assertThat(PortProxyKind.forwards(applied.observed())).containsExactly(FORWARD);
              assertThat(elevatedProcesses(runner)).isEqualTo(1);
            }));
    rows.put(
        "elevate.otherUser",
        new Row(
            sim ->
                notElevated(sim)
                    .edit(root -> root.withObject("facts").put("uacAccount", "SIM\\admin")),
            sim -> {
              String before = settled(sim);
              SimProcessRunner runner = new SimProcessRunner(sim.path(), sim.spec());
              assertThatThrownBy(
                      () ->
                          elevating(sim, runner)
                              .apply(List.of(new PortProxySet(FORWARD)), Optional.of(GROUP)))
                  .isInstanceOf(HostException.class)
                  .hasMessage(
                      "UAC was approved with the account SIM\\admin, not with SIM\\user, whose"
                          + " Windows wslnet manages; nothing was changed. Run wslnet from a"
                          + " terminal that SIM\\user started as administrator, or make that"
                          + " account an administrator");
              assertThat(sim.snapshot()).isEqualTo(before);
            }));
    rows.put(
        "elevate.shutdownOnly",
        new Row(
            ScriptContractTest::notElevated,
            sim -> {
              SimProcessRunner runner = new SimProcessRunner(sim.path(), sim.spec());
              assertOk(
                  elevating(sim, runner).apply(List.of(new WslShutdown()), Optional.of(GROUP)));
              assertThat(elevatedProcesses(runner)).isZero();
            }));
    rows.put(
        "observe.scheduledTask",
        new Row(
            sim ->
                assertOk(apply(sim, new TaskRegister("C:\\wslnet\\bin\\wslnet.exe", "apply", 15))),
            sim -> {
              ObservedTask task = ScheduledTaskKind.task(observe(sim)).orElseThrow();
              assertThat(task.task())
                  .isEqualTo(
                      new ConvergeTask(
                          "C:\\wslnet\\bin\\wslnet.exe", "apply", true, true, 15, true));
              assertThat(task.lastRunTime()).isEmpty();
              assertThat(task.lastResult()).isEqualTo(ObservedTask.HAS_NOT_RUN);
              assertThat(task.state()).isEqualTo("Ready");
            }));
    rows.put(
        "observe.scheduledTask.absent",
        new Row(sim -> {}, sim -> assertThat(ScheduledTaskKind.task(observe(sim))).isEmpty()));
    rows.put(
        "scheduledTask.register.new",
        new Row(
            sim -> {},
            sim -> {
              Applied applied =
                  apply(sim, new TaskRegister("C:\\w.exe", "apply -f \"C:\\my files\\w.yaml\"", 5));
              assertOk(applied);
              ConvergeTask task = ScheduledTaskKind.task(applied.observed()).orElseThrow().task();
              assertThat(task.arguments()).isEqualTo("apply -f \"C:\\my files\\w.yaml\"");
              assertThat(task.triggers())
                  .containsExactly("at logon", "at WSL VM start", "every 5m");
            }));
    rows.put(
        "scheduledTask.register.existing",
        new Row(
            sim -> task(sim, "/bin/true", "", "2026-12-01T08:00:00Z", 0),
            sim -> {
              Applied applied = apply(sim, new TaskRegister("C:\\w.exe", "apply", 15));
              assertOk(applied);
              ObservedTask task = ScheduledTaskKind.task(applied.observed()).orElseThrow();
              assertThat(task.task().execute()).isEqualTo("C:\\w.exe");
              assertThat(task.lastRunTime()).isEmpty();
            }));
    rows.put(
        "scheduledTask.register.notElevated",
        new Row(
            ScriptContractTest::notElevated,
            sim -> assertRefused(sim, new TaskRegister("C:\\w.exe", "apply", 15), ACCESS_DENIED)));
    rows.put(
        "scheduledTask.unregister.existing",
        new Row(
            sim -> task(sim, "/bin/true", "", null, ObservedTask.HAS_NOT_RUN),
            sim -> {
              Applied applied = apply(sim, new TaskUnregister());
              assertOk(applied);
              assertThat(ScheduledTaskKind.task(applied.observed())).isEmpty();
            }));
    rows.put(
        "scheduledTask.unregister.absent",
        new Row(
            ScriptContractTest::notElevated, sim -> assertNothingToDo(sim, new TaskUnregister())));
    rows.put(
        "scheduledTask.unregister.notElevated",
        new Row(
            sim -> notElevated(task(sim, "/bin/true", "", null, ObservedTask.HAS_NOT_RUN)),
            sim -> assertRefused(sim, new TaskUnregister(), ACCESS_DENIED)));
    rows.put(
        "scheduledTask.start",
        new Row(
            // The program exits 3 only when it runs elevated, as the task does.
            sim ->
                notElevated(
                    task(
                        sim,
                        "/bin/sh",
                        "-c \"test \\\"$WSLNET_SIM_ELEVATED\\\" = true && exit 3\"",
                        null,
                        ObservedTask.HAS_NOT_RUN)),
            sim -> {
              Applied applied = apply(sim, new TaskStart());
              assertOk(applied);
              assertThat(ScheduledTaskKind.task(applied.observed()).orElseThrow().lastResult())
                  .isEqualTo(ObservedTask.RUNNING);
              ObservedTask ran = ScheduledTaskKind.task(observe(sim)).orElseThrow();
              assertThat(ran.lastResult()).isEqualTo(3);
              assertThat(ran.lastRunTime()).isPresent();
              assertThat(observe(sim).facts().elevated()).isFalse();
            }));
    rows.put(
        "scheduledTask.start.absent",
        new Row(
            ScriptContractTest::notElevated,
            sim ->
                assertRefused(
                    sim,
                    new TaskStart(),
                    "the scheduled task \\wslnet\\converge does not exist: run wslnet schedule"
                        + " install")));
    rows.put(
        "wsl.shutdown",
        new Row(
            sim ->
                notElevated(
                    sim.wslconfig("[wsl2]\nnetworkingMode=mirrored\n")
                        .edit(root -> root.putArray("nextWslAddresses").add("172.30.101.7"))),
            sim -> {
              Applied applied = apply(sim, new WslShutdown());
              assertOk(applied);
              assertThat(applied.observed().facts().runningNetworkingMode()).contains("mirrored");
              assertThat(applied.observed().facts().wslAddress()).contains("172.30.101.7");
            }));
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyRowHoldsOnTheSimulator() {
    return rows.entrySet().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.getKey(),
                    () -> {
                      SimDir sim = SimDir.fresh(Files.createTempDirectory(temp, "row"));
                      row.getValue().given().accept(sim);
                      row.getValue().check().accept(sim);
                    }));
  }

  /** --restart-wsl --elevate: wsl --shutdown runs as the user, the changes in one UAC prompt. */
  @Test
  void restartWithElevationCostsOneUacPrompt() throws IOException {
    SimDir sim = notElevated(SimDir.fresh(temp));
    SimProcessRunner runner = new SimProcessRunner(sim.path(), sim.spec());
    WindowsHost host = elevating(sim, runner);
    DesiredState desired =
        dev.wslnet.testing.Documents.desired(
            List.of(
                new dev.wslnet.wslconfig.WslSetting(
                    dev.wslnet.model.WslKey.NETWORKING_MODE_KEY, Optional.of("mirrored"))),
            Optional.of(
                new dev.wslnet.portproxy.PortProxySpec(
                    false,
                    List.of(
                        new dev.wslnet.model.PortProxyRule(
                            PortProxyType.V4_TO_V4,
                            "0.0.0.0",
                            3000,
                            dev.wslnet.model.ConnectAddress.of("10.0.0.5"),
                            3000)))),
            Optional.empty(),
            Optional.empty());
    ObservedState observed = host.observe(desired.managedGroup());
    var result =
        new Applier(host, true).apply(desired, observed, Planner.plan(desired, observed), true);
    assertThat(result.failed()).isZero();
    assertThat(result.after().changes()).isEmpty();
    assertThat(elevatedProcesses(runner)).isEqualTo(1);
  }

  @Test
  void theTableAndTheCasesHaveTheSameRows() throws IOException {
    TreeSet<String> table = new TreeSet<>();
    Matcher row = ROW.matcher(Files.readString(CONTRACT));
    while (row.find()) {
      table.add(row.group(1));
    }
    assertThat(table).isEqualTo(new TreeSet<>(rows.keySet()));
  }

  @Test
  void realWindowsRunsTheRowsMarkedW() throws IOException {
    TreeSet<String> marked = new TreeSet<>();
    Matcher row = ROW.matcher(Files.readString(CONTRACT));
    while (row.find()) {
      if (row.group(2) != null) {
        marked.add(row.group(1));
      }
    }
    assertThat(marked).isNotEmpty();
    assertThat(new TreeSet<>(dev.wslnet.integration.WindowsContractTest.ROWS)).isEqualTo(marked);
  }

  @Test
  void everyScriptFunctionTheTableNamesIsInTheScript() throws IOException {
    String script = Files.readString(SCRIPT);
    List<String> functions =
        Files.readString(CONTRACT)
            .lines()
            .map(SCRIPT_FUNCTION::matcher)
            .filter(Matcher::find)
            .map(matcher -> matcher.group(1))
            .distinct()
            .toList();
    assertThat(functions).isNotEmpty();
    assertThat(functions).allSatisfy(name -> assertThat(script).contains("function " + name));
  }

  /**
   * Every operation a kind defines is one the simulator carries out and host.json can fault: a new
   * operation that the simulator does not know fails here, not on a user's machine.
   */
  @Test
  void theSimulatorKnowsEveryOperationThatAKindDefines() throws Exception {
    java.util.Set<String> defined = new java.util.TreeSet<>();
    for (com.tngtech.archunit.core.domain.JavaClass type :
        new com.tngtech.archunit.core.importer.ClassFileImporter()
            .withImportOption(
                com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.wslnet")) {
      if (type.isAssignableTo(dev.wslnet.operation.Operation.class) && !type.isInterface()) {
        defined.add((String) type.reflect().getField("KIND").get(null));
      }
    }
    assertThat(defined).hasSizeGreaterThan(5);
    assertThat(new java.util.TreeSet<>(SimWindows.OPERATIONS.keySet())).isEqualTo(defined);
    java.util.Set<String> faultable = new java.util.TreeSet<>();
    tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(Files.readString(Path.of("src/main/resources/sim/host.schema.json")))
        .at("/properties/faults/items/properties/operation/enum")
        .forEach(name -> faultable.add(name.asString()));
    faultable.remove("powershell");
    assertThat(faultable).isEqualTo(defined);
  }

  @Test
  void theScriptAndTheSimulatorCarryOutTheSameOperations() throws IOException {
    Matcher cases =
        Pattern.compile("(?m)^\\s+'([a-zA-Z]+\\.[a-zA-Z]+)' \\{").matcher(Files.readString(SCRIPT));
    java.util.Set<String> inScript = new java.util.TreeSet<>();
    while (cases.find()) {
      inScript.add(cases.group(1));
    }
    assertThat(inScript).isEqualTo(new java.util.TreeSet<>(SimWindows.OPERATIONS.keySet()));
  }

  /**
   * PowerShell variable names ignore case and a typed parameter keeps its type: assigning the
   * parsed request to $request turned it back into the text of [string]$Request, and every run on
   * Windows read nothing. The script's parameters are never assigned again, in any case.
   */
  @Test
  void theScriptNeverAssignsItsOwnParameters() throws IOException {
    String script = Files.readString(SCRIPT);
    Matcher param = Pattern.compile("(?m)^param\\((.*)\\)$").matcher(script);
    assertThat(param.find()).isTrue();
    Matcher name = Pattern.compile("\\$(\\w+)").matcher(param.group(1));
    List<String> names = new java.util.ArrayList<>();
    while (name.find()) {
      names.add(name.group(1));
    }
    assertThat(names).contains("Request");
    String rest = script.substring(param.end());
    for (String parameter : names) {
      assertThat(Pattern.compile("(?i)\\$" + parameter + "\\s*=[^=]").matcher(rest).find())
          .as("$" + parameter + " assigned")
          .isFalse();
      assertThat(
              Pattern.compile("(?i)function [\\w-]+\\(\\$" + parameter + "\\)")
                  .matcher(rest)
                  .find())
          .as("$" + parameter + " as a function's parameter")
          .isFalse();
    }
  }

  @Test
  void theScriptSaysWhatTheSimulatorSays() throws IOException {
    String script = Files.readString(SCRIPT);
    assertThat(script)
        .contains(
            "' belongs to the VM creator ' + [string]$rule.VMCreatorId + ', not to WSL''s; wslnet"
                + " does not touch it'")
        .contains(
            "throw 'the scheduled task \\wslnet\\converge does not exist: run wslnet schedule"
                + " install'")
        .contains("Provider[@Name=''Microsoft-Windows-Hyper-V-VmSwitch''] and EventID=232]]")
        .contains("' exists outside the group ' + $group + '; wslnet does not touch it'");
  }

  private static WindowsHost elevating(SimDir sim, SimProcessRunner runner) {
    return new WindowsHost(sim.spec(), new SimSide(sim.path()), runner, true);
  }

  private static long elevatedProcesses(SimProcessRunner runner) {
    return runner.invocations().stream()
        .filter(invocation -> invocation.input().request().has("elevate"))
        .count();
  }

  private static ObservedState observe(SimDir sim) {
    return SimHost.create(sim.path(), false).observe(Optional.of(GROUP));
  }

  private static Applied apply(SimDir sim, Operation operation) {
    return SimHost.create(sim.path(), false).apply(List.of(operation), Optional.of(GROUP));
  }

  private static void assertOk(Applied applied) {
    assertThat(applied.results()).allSatisfy(result -> assertThat(result.error()).isEmpty());
  }

  /** host.json as the simulator writes it, so that snapshots compare content, not layout. */
  private static String settled(SimDir sim) {
    SimHost.create(sim.path(), false).apply(List.of(), Optional.of(GROUP));
    return sim.snapshot();
  }

  private static void assertRefused(SimDir sim, Operation operation, String message) {
    String before = settled(sim);
    Applied applied = apply(sim, operation);
    assertThat(applied.results().get(0).error()).contains(message);
    assertThat(sim.snapshot()).as("a failed operation changes nothing").isEqualTo(before);
  }

  private static void assertNothingToDo(SimDir sim, Operation operation) {
    String before = settled(sim);
    assertOk(apply(sim, operation));
    assertThat(sim.snapshot()).isEqualTo(before);
  }

  private static String notRecognized(String cmdlet) {
    return "The term '"
        + cmdlet
        + "' is not recognized as the name of a cmdlet, function, script file, or operable program."
        + " Check the spelling of the name, or if a path was included, verify that the path is"
        + " correct and try again.";
  }

  private static SimDir notElevated(SimDir sim) {
    return sim.edit(root -> root.withObject("facts").put("elevated", false));
  }

  private static SimDir task(
      SimDir sim, String execute, String arguments, String lastRunTime, long lastTaskResult) {
    return sim.edit(
        root -> {
          ObjectNode task = root.putObject("scheduledTask");
          task.put("execute", execute).put("arguments", arguments).put("everyMinutes", 15);
          if (lastRunTime != null) {
            task.put("lastRunTime", lastRunTime);
          }
          task.put("lastTaskResult", lastTaskResult);
        });
  }

  private static void withoutHyperV(SimDir sim) {
    sim.edit(root -> root.withObject("facts").put("hyperVFirewallAvailable", false));
  }

  private static void forward(
      ObjectNode root, String listen, int port, String connect, int connectPort) {
    root.withArray("portProxy")
        .addObject()
        .put("type", "v4tov4")
        .put("listenAddress", listen)
        .put("listenPort", port)
        .put("connectAddress", connect)
        .put("connectPort", connectPort);
  }

  private static void unreadable(ObjectNode root, String name, String data) {
    root.withArray("unreadablePortProxy")
        .addObject()
        .put("type", "v4tov4")
        .put("name", name)
        .put("data", data);
  }

  private static ObjectNode hyperVRule(ObjectNode root, String name, String creator) {
    ObjectNode rule =
        root.withObject("hyperVFirewall").withArray("rules").addObject().put("name", name);
    if (creator != null) {
      rule.put("vmCreatorId", creator);
    }
    return rule;
  }

  private static ObjectNode windowsRule(ObjectNode root, String name, String group) {
    return root.withObject("windowsFirewall")
        .withArray("rules")
        .addObject()
        .put("name", name)
        .put("group", group);
  }

  private static FieldValue.Texts texts(String... values) {
    return new FieldValue.Texts(List.of(values));
  }

  private static FirewallRule only(List<FirewallRule> rules) {
    assertThat(rules).hasSize(1);
    return rules.get(0);
  }

  private static FirewallRule rule(List<FirewallRule> rules, String name) {
    return rules.stream().filter(rule -> rule.name().equals(name)).findFirst().orElseThrow();
  }
}
